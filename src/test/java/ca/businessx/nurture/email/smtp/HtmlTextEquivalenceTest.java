package ca.businessx.nurture.email.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.contact.Contact;
import ca.businessx.nurture.contact.Language;
import ca.businessx.nurture.contact.LeadLocale;
import ca.businessx.nurture.email.UnsubscribeLinks;
import ca.businessx.nurture.link.LinkTokens;
import ca.businessx.nurture.link.TrackedLinks;
import ca.businessx.nurture.platform.Config;
import ca.businessx.nurture.platform.ConfigFiles;
import ca.businessx.nurture.segment.Segment;
import ca.businessx.nurture.sequence.EmailComposer;
import ca.businessx.nurture.template.RenderedEmail;
import ca.businessx.nurture.template.StaticTemplates;
import ca.businessx.nurture.template.TemplateRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The plain-text part is what a reader of the text version sees: the scanning {@link HtmlText} must
 * write exactly what the chain of regular expressions before it wrote ({@link RegexHtmlText}), for
 * every shipped email in both languages and for text no template would hold.
 */
class HtmlTextEquivalenceTest {
  private static final Config.Sender SENDER =
      new Config.Sender(
          "BusinessX & Fils <Canada>",
          "1 rue \"Principale\", Moncton NB",
          "bonjour@businessx.ca",
          "https://nurture.example",
          "https://businessx.ca/book?src=a&b='c'",
          Optional.of("Julie O'Gagnon-Élise, fondatrice"));

  private static final List<String> NAMES =
      List.of(
          "Ana",
          "Zoë & <Chloé> \"Ça\" 'va'",
          "  Jean\n\tPierre  ",
          "R&D <b>bold</b> &amp; &#233;",
          "</a><a href=\"https://evil.example\">x",
          "émile — l'œuf…",
          "");

  @Test
  void everyShippedEmailInBothLanguagesConvertsAsBefore() throws IOException {
    ConfigFiles defaults = new ConfigFiles(Optional.empty());
    byte[] key = "a signing key for tests only".getBytes(StandardCharsets.UTF_8);
    EmailComposer composer =
        new EmailComposer(
            new TemplateRenderer(List.of(), new StaticTemplates(defaults), defaults),
            SENDER,
            new UnsubscribeLinks(key, SENDER.publicBaseUrl()),
            new TrackedLinks(new LinkTokens(key), SENDER.publicBaseUrl(), SENDER.bookingUrl()));
    int compared = 0;
    for (String template : keys()) {
      for (Language language : Language.values()) {
        for (int n = 0; n < NAMES.size(); n++) {
          Segment segment = Segment.values()[n % Segment.values().length];
          RenderedEmail r =
              composer.render(template, contact(n, segment, language), "e-" + n + ":1");
          for (String html : Stream.of(r.html(), r.htmlB()).filter(h -> h != null).toList()) {
            assertThat(HtmlText.from(html)).isEqualTo(RegexHtmlText.from(html));
            compared++;
          }
        }
      }
    }
    assertThat(compared).isGreaterThanOrEqualTo(9 * 2 * NAMES.size());
  }

  private static final List<String> PIECES =
      List.of(
          "<a href=\"",
          "<A HREF='",
          "<a\u0301 href=\"",
          "<ab href=\"",
          "<a data-href=\"",
          "href",
          " = ",
          "=",
          "\"",
          "'",
          ">",
          "<",
          "</a>",
          "</A >",
          "</ab>",
          "<br>",
          "<BR/>",
          "<br / >",
          "<br\n/>",
          "</p>",
          "</P\t>",
          "</pre>",
          "</div >",
          "</h3>",
          "</H7>",
          "</table>",
          "</ul>",
          "</ol>",
          "</blockquote>",
          "<li>",
          "<LI class=x>",
          "<lix>",
          "<li",
          "</li>",
          "</tr >",
          "<script>",
          "</SCRIPT>",
          "<scripts>",
          "<style type=x>",
          "</style >",
          "<head>",
          "<header>",
          "</head>",
          "</HEAD\n>",
          "<!--",
          "-->",
          "<!-->",
          "&amp;",
          "&#65;",
          "&#x41;",
          "&#X1F600;",
          "&#99999999999;",
          "&#xFFFFFFFFF;",
          "&#0;",
          "&nbsp;",
          "&NBSP;",
          "&bogus;",
          "&#;",
          "&#x;",
          "&",
          ";",
          "#",
          " ",
          "  ",
          "\t",
          "\n",
          "\r",
          "\r\n",
          "\u00A0",
          "\u000B",
          "\f",
          "\u2028",
          "x",
          "é",
          "ſ",
          "\u212A",
          "\uD83D\uDE00",
          "\uD83D",
          "\u0301",
          "_",
          "1",
          "https://n.test/?a=1",
          "#top",
          "<b>",
          "</b>",
          "<img src=x>",
          "a");

  @Test
  void anyMixOfTagsEntitiesAndSpacesConvertsAsBefore() {
    Random random = new Random(11);
    for (int round = 0; round < 60_000; round++) {
      StringBuilder html = new StringBuilder();
      int length = random.nextInt(40);
      for (int i = 0; i < length; i++) {
        html.append(PIECES.get(random.nextInt(PIECES.size())));
      }
      String input = html.toString();
      assertThat(HtmlText.from(input)).as("from %s", input).isEqualTo(RegexHtmlText.from(input));
    }
  }

  private static List<String> keys() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("config/templates"))) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".mustache") && !n.endsWith(".fr.mustache"))
          .map(n -> n.substring(0, n.length() - ".mustache".length()))
          .filter(k -> k.startsWith("email_"))
          .sorted()
          .toList();
    }
  }

  private static Contact contact(int n, Segment segment, Language language) {
    String name = NAMES.get(n);
    return new Contact(
        "c-" + n,
        "lead" + n + "@example.ca",
        name.isEmpty() ? null : name,
        name.isEmpty() ? null : name.strip().split("\\s+")[0],
        n % 2 == 0 ? "Boulangerie " + name : null,
        segment,
        n % 3,
        n % 2,
        1,
        n,
        n % 2 == 0 ? 72.5 : 40.0,
        Instant.parse("2026-11-01T10:00:00Z"),
        Instant.parse("2026-11-01T10:05:00Z"),
        new LeadLocale(null, null, null, language));
  }
}
