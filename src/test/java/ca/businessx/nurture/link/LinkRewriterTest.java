package ca.businessx.nurture.link;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.segment.Segment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rewriter changes hrefs and nothing else; the tracked links sign what they point to. */
class LinkRewriterTest {
  private static final String BASE = "https://leads.example.ca";
  private final TrackedLinks links =
      new TrackedLinks(
          new LinkTokens("k".repeat(32).getBytes(StandardCharsets.UTF_8)),
          BASE,
          "https://cal.example.ca/book");

  @Test
  void rewritesEachHrefWhateverItsQuotingAndLeavesTheRestByteForByte() {
    String html =
        "<p>x</p><a href=\"https://a.ca/?x=1&amp;y=2\" style=\"c:d\">A</a>"
            + "<A class='b' HREF='https://b.ca'>B</A><a href=https://c.ca>C</a>"
            + "<a title=\"1 > 0\" href=\"https://d.ca\">D</a><abbr href=\"https://no.ca\">n</abbr>"
            + "<!--[if mso]><a href=\"https://comment.ca\">m</a><![endif]-->";
    List<String> seen = new ArrayList<>();
    String out =
        LinkRewriter.rewrite(
            html,
            a -> {
              seen.add(a.href());
              return Optional.of("https://r.ca/" + seen.size() + "?q=\"&");
            });
    assertThat(seen)
        .containsExactly("https://a.ca/?x=1&y=2", "https://b.ca", "https://c.ca", "https://d.ca");
    assertThat(out)
        .isEqualTo(
            "<p>x</p><a href=\"https://r.ca/1?q=&quot;&amp;\" style=\"c:d\">A</a>"
                + "<A class='b' HREF=\"https://r.ca/2?q=&quot;&amp;\">B</A>"
                + "<a href=\"https://r.ca/3?q=&quot;&amp;\">C</a>"
                + "<a title=\"1 > 0\" href=\"https://r.ca/4?q=&quot;&amp;\">D</a>"
                + "<abbr href=\"https://no.ca\">n</abbr>"
                + "<!--[if mso]><a href=\"https://comment.ca\">m</a><![endif]-->");
    assertThat(LinkRewriter.rewrite(html, a -> Optional.empty())).isEqualTo(html);
  }

  @Test
  void decodesWhatTheTemplateEngineEscapesAndReadsTheLinkName() {
    List<LinkRewriter.Anchor> seen = new ArrayList<>();
    LinkRewriter.rewrite(
        "<a data-link=\"Guide PDF\" href=\"https://x.ca/?a&#61;1&#x26;b=&#39;2&#39;\">g</a><a href>e</a>",
        a -> {
          seen.add(a);
          return Optional.empty();
        });
    assertThat(seen)
        .containsExactly(
            // An href without a value is not a link to follow.
            new LinkRewriter.Anchor("https://x.ca/?a=1&b='2'", Optional.of("Guide PDF")));
  }

  @Test
  void theBookingLinkCarriesUtmAndTheUnsubscribeLinkIsLeftAlone() {
    String html =
        "<a href=\"https://cal.example.ca/book?utm_source=site&amp;ref=7#top\">Book</a>"
            + "<a data-link=\"guide\" href=\"https://x.ca/guide\">Guide</a>"
            + "<a href=\"https://x.ca/other\">Other</a>"
            + "<a href=\"mailto:hello@x.ca\">Mail</a>"
            + "<a href=\""
            + BASE
            + "/unsubscribe/abc.def\">Unsubscribe</a>";
    String out = links.track(html, "nurture-e1-step-1", "email_1", Segment.CRITICAL);
    List<LinkTarget> targets = new ArrayList<>();
    LinkRewriter.rewrite(
        out,
        a -> {
          if (a.href().startsWith(BASE + "/r/")) {
            targets.add(links.verify(a.href().substring((BASE + "/r/").length())).orElseThrow());
          }
          return Optional.empty();
        });
    assertThat(targets)
        .containsExactly(
            new LinkTarget(
                "nurture-e1-step-1",
                "booking",
                "https://cal.example.ca/book?ref=7&utm_source=nurture&utm_medium=email"
                    + "&utm_campaign=email_1&utm_content=critical#top"),
            new LinkTarget("nurture-e1-step-1", "guide", "https://x.ca/guide"),
            new LinkTarget("nurture-e1-step-1", "link-1", "https://x.ca/other"));
    assertThat(out)
        .contains("href=\"mailto:hello@x.ca\"", "href=\"" + BASE + "/unsubscribe/abc.def\"")
        .doesNotContain("https://x.ca/guide\"");
  }

  @Test
  void aTokenChangedAnywhereDoesNotVerify() {
    String token = links.url(new LinkTarget("k", "booking", "https://cal.example.ca/book"));
    token = token.substring((BASE + "/r/").length());
    assertThat(links.verify(token)).isPresent();
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      String changed = token.substring(0, i) + (c == 'A' ? 'B' : 'A') + token.substring(i + 1);
      assertThat(links.verify(changed)).as("changed at %d", i).isEmpty();
    }
    String forged =
        java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("k\nbooking\nhttps://evil.example".getBytes(StandardCharsets.UTF_8))
            + token.substring(token.indexOf('.'));
    assertThat(links.verify(forged)).isEmpty();
    assertThat(links.verify("")).isEmpty();
    assertThat(links.verify("....")).isEmpty();
  }

  @Test
  void resendsReportedUrlIsNamedByOurTokenOrByTheBookingLink() {
    String url = links.url(new LinkTarget("k", "guide", "https://x.ca/guide"));
    assertThat(links.nameOf(url)).isEqualTo("guide");
    assertThat(links.nameOf("https://cal.example.ca/book?x=1")).isEqualTo("booking");
    assertThat(links.nameOf("https://cal.example.ca/booking")).isEqualTo("other");
    assertThat(links.nameOf(BASE + "/r/forged.token")).isEqualTo("other");
  }
}
