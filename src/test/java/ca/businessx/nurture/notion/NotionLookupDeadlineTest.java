package ca.businessx.nurture.notion;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.support.Http;
import ca.businessx.nurture.support.TestApp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * An assessment for an address unknown here asks Notion on the web thread: it waits a short while
 * for a rate-limit permit or answers 503 with Retry-After, and an address Notion does not know is
 * not asked about again for a minute.
 */
class NotionLookupDeadlineTest {
  @TempDir Path dir;
  @RegisterExtension final FakeNotion fake = FakeNotion.start();

  @Test
  void withoutAPermitSoonTheAssessmentAnswers503AndMissesAreKeptAMinute() {
    // One request per 12 s: the first look-up takes the only permit.
    try (TestApp t =
        NotionE2E.start(
            dir, fake, Map.of("NOTION_RATE_LIMIT", "0.1", "NOTION_VERSION", "2022-06-28"))) {
      assertThat(assess(t, "first.unknown@example.ca").status()).isEqualTo(404);
      int asked = fake.requestCount();

      long began = System.nanoTime();
      Http.Response waited = assess(t, "second.unknown@example.ca");
      Duration took = Duration.ofNanos(System.nanoTime() - began);
      assertThat(waited.status()).isEqualTo(503);
      assertThat(waited.header("Retry-After")).isPresent();
      assertThat(took).isLessThan(Duration.ofSeconds(6));

      // The miss is remembered: no permit is needed, Notion is not asked.
      assertThat(assess(t, "first.unknown@example.ca").status()).isEqualTo(404);
      assertThat(fake.requestCount()).isEqualTo(asked);

      // A minute later Notion is asked again (and the limiter, still empty, refuses in time).
      t.clock.tick(Duration.ofSeconds(61));
      assertThat(assess(t, "first.unknown@example.ca").status()).isEqualTo(503);
    }
  }

  private static Http.Response assess(TestApp t, String email) {
    return t.http.postJson(
        "/webhook/assessment",
        "{\"email\":\""
            + email
            + "\",\"red_systems\":1,\"orange_systems\":0,\"yellow_systems\":0,\"green_systems\":0}");
  }
}
