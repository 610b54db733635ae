package ca.businessx.nurture.template;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.calendar.Province;
import ca.businessx.nurture.contact.Contact;
import ca.businessx.nurture.contact.Language;
import ca.businessx.nurture.contact.LeadLocale;
import ca.businessx.nurture.platform.Config;
import ca.businessx.nurture.platform.ConfigFiles;
import ca.businessx.nurture.segment.Segment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every shipped English template has a French one beside it, using the same values. */
class FrenchTemplatesTest {
  private static final Path FOLDER = Path.of("config/templates");
  private static final Pattern TAG = Pattern.compile("\\{\\{\\{?\\s*[#^/]?\\s*([a-z_]+)");
  private static final Config.Sender SENDER =
      new Config.Sender(
          "BusinessX Canada",
          "1 Main St, Moncton NB",
          "hello@businessx.ca",
          "https://nurture.example",
          "https://businessx.ca/book",
          Optional.of("Julie Gagnon, fondatrice"));
  private final ConfigFiles defaults = new ConfigFiles(Optional.empty());
  private final TemplateRenderer renderer =
      new TemplateRenderer(List.of(), new StaticTemplates(defaults), defaults);

  static List<String> englishKeys() throws IOException {
    try (Stream<Path> files = Files.list(FOLDER)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".mustache") && !n.endsWith(".fr.mustache"))
          .map(n -> n.substring(0, n.length() - ".mustache".length()))
          .sorted()
          .toList();
    }
  }

  @Test
  void allNineEmailsTheLayoutAndTheConfirmationAreCovered() throws IOException {
    assertThat(englishKeys())
        .contains(
            "email_1",
            "email_2a",
            "email_2b",
            "email_2c",
            "email_3",
            "email_4",
            "email_5a",
            "email_5b",
            "email_5c",
            "layout",
            "resubscribe_confirm");
  }

  @ParameterizedTest
  @MethodSource("englishKeys")
  void theFrenchFileUsesTheSameValues(String key) throws IOException {
    Path french = FOLDER.resolve(key + ".fr.mustache");
    assertThat(french).exists();
    assertThat(variables(Files.readString(french)))
        .isEqualTo(variables(Files.readString(FOLDER.resolve(key + ".mustache"))));
  }

  @ParameterizedTest
  @MethodSource("englishKeys")
  void everyEmailHasPreheaderTextInBothLanguages(String key) {
    if (key.equals("layout")) {
      return;
    }
    for (Language language : Language.values()) {
      EmailTemplate t = new StaticTemplates(defaults).find(key, language).orElseThrow();
      assertThat(t.preheader()).as(key + " " + language).isNotBlank();
    }
  }

  @ParameterizedTest
  @MethodSource("englishKeys")
  void aQuebecLeadIsWrittenToInFrenchThroughout(String key) {
    if (key.equals("layout")) {
      return;
    }
    for (Segment segment : Segment.values()) {
      RenderedEmail r = renderer.render(key, model(quebec(segment)));
      assertThat(r.language()).isEqualTo(Language.FR);
      assertThat(r.html())
          .contains("lang=\"fr-CA\"")
          .contains("Désabonnez-vous")
          .doesNotContain("Unsubscribe")
          .doesNotContain("Warm regards")
          .doesNotContain("{{");
      assertThat(r.html()).as("English greeting").doesNotContain(">Hi ");
      if (key.startsWith("email_")) {
        assertThat(r.html()).contains("Au plaisir,<br>Julie Gagnon, fondatrice<br>");
      }
    }
  }

  @Test
  void anOntarioLeadIsWrittenToInEnglish() {
    Contact c =
        withLocale(
            SampleLeadsLike.of(Segment.URGENT), new LeadLocale(null, Province.ON, null, null));
    RenderedEmail r = renderer.render("email_1", model(c));
    assertThat(r.language()).isEqualTo(Language.EN);
    assertThat(r.html()).contains("lang=\"en-CA\"").contains("Unsubscribe").contains("61/100");
  }

  @Test
  void theScoreShowsItsScaleInFrenchToo() {
    RenderedEmail r = renderer.render("email_1", model(quebec(Segment.URGENT)));
    assertThat(r.html()).contains("61/100");
    assertThat(r.subject()).isEqualTo("Les résultats de votre diagnostic de systèmes d’affaires");
  }

  @Test
  void aFrenchReaderSeesADecimalComma() {
    Contact c = quebec(Segment.URGENT);
    c =
        new Contact(
            c.id(),
            c.email(),
            c.name(),
            c.firstName(),
            c.businessName(),
            c.segment(),
            c.redSystems(),
            c.orangeSystems(),
            c.yellowSystems(),
            c.greenSystems(),
            72.5,
            c.signedUpAt(),
            c.assessedAt(),
            c.locale());
    assertThat(renderer.render("email_1", model(c)).html()).contains("72,5/100");
    assertThat(renderer.render("email_1", Language.EN, model(c)).html()).contains("72.5/100");
  }

  @Test
  void withoutASenderPersonTheCompanySigns() {
    Config.Sender company =
        new Config.Sender("BusinessX Canada", "a", "c", "https://n.example", "https://b.example");
    String html =
        renderer
            .render("email_4", TemplateModel.of(quebec(Segment.URGENT), company, "https://u"))
            .html();
    assertThat(html).contains("Au plaisir,<br>BusinessX Canada</p>");
  }

  @Test
  void emailThreeTellsEachSegmentAStoryThatMatchesIt() {
    assertThat(renderer.render("email_3", model(english(Segment.OPTIMIZE))).html())
        .contains("nothing came out red")
        .doesNotContain("both came out red");
    assertThat(renderer.render("email_3", model(english(Segment.URGENT))).html())
        .contains("both came out orange")
        .doesNotContain("came out red");
    assertThat(renderer.render("email_3", model(english(Segment.CRITICAL))).html())
        .contains("both came out red");
    assertThat(renderer.render("email_3", model(quebec(Segment.OPTIMIZE))).html())
        .contains("rien n’est ressorti en rouge");
  }

  @Test
  void anOptimizeLeadsSingleOrangeSystemIsMentioned() {
    for (String key : List.of("email_2c", "email_5c")) {
      assertThat(renderer.render(key, model(english(Segment.OPTIMIZE))).html())
          .as(key)
          .contains("orange");
      assertThat(renderer.render(key, model(quebec(Segment.OPTIMIZE))).html())
          .as(key)
          .contains("orange");
    }
    Contact noOrange = english(Segment.OPTIMIZE);
    noOrange =
        new Contact(
            noOrange.id(),
            noOrange.email(),
            noOrange.name(),
            noOrange.firstName(),
            noOrange.businessName(),
            Segment.OPTIMIZE,
            0,
            0,
            3,
            4,
            81.0,
            Instant.EPOCH,
            Instant.EPOCH,
            noOrange.locale());
    assertThat(renderer.render("email_2c", model(noOrange)).html()).doesNotContain("orange");
  }

  @Test
  void noEmailSpeaksOfYesterday() throws IOException {
    for (String key : englishKeys()) {
      assertThat(Files.readString(FOLDER.resolve(key + ".mustache")).toLowerCase())
          .as(key)
          .doesNotContain("yesterday")
          .doesNotContain("a week ago");
      assertThat(Files.readString(FOLDER.resolve(key + ".fr.mustache")).toLowerCase())
          .as(key)
          .doesNotContainPattern("\\bhier\\b")
          .doesNotContain("il y a une semaine");
    }
  }

  private static Set<String> variables(String text) {
    Set<String> names = new TreeSet<>();
    Matcher m = TAG.matcher(text);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  private static java.util.Map<String, Object> model(Contact c) {
    java.util.Map<String, Object> m =
        new java.util.HashMap<>(
            TemplateModel.of(c, SENDER, "https://nurture.example/unsubscribe/t"));
    m.put("confirm_url", "https://nurture.example/resubscribe/t");
    return m;
  }

  static Contact quebec(Segment s) {
    return withLocale(SampleLeadsLike.of(s), new LeadLocale(null, Province.QC, "H2X 1Y4", null));
  }

  static Contact english(Segment s) {
    return withLocale(SampleLeadsLike.of(s), new LeadLocale(null, Province.ON, null, null));
  }

  static Contact withLocale(Contact c, LeadLocale l) {
    return new Contact(
        c.id(),
        c.email(),
        c.name(),
        c.firstName(),
        c.businessName(),
        c.segment(),
        c.redSystems(),
        c.orangeSystems(),
        c.yellowSystems(),
        c.greenSystems(),
        c.assessmentScore(),
        c.signedUpAt(),
        c.assessedAt(),
        l);
  }

  /** A lead per segment with the counts each segment allows (OPTIMIZE: one orange at most). */
  static final class SampleLeadsLike {
    static Contact of(Segment s) {
      int red = s == Segment.CRITICAL ? 2 : s == Segment.URGENT ? 1 : 0;
      int orange = s == Segment.OPTIMIZE ? 1 : 2;
      return new Contact(
          "c-" + s,
          "lea@example.ca",
          "Léa Roy",
          "Léa",
          "Boulangerie Roy",
          s,
          red,
          orange,
          3,
          4,
          61.0,
          Instant.EPOCH,
          Instant.EPOCH);
    }
  }
}
