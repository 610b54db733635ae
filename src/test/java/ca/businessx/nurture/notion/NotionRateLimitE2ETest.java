package ca.businessx.nurture.notion;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.support.TestApp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two hundred signups through the webhook: the sync jobs pace themselves under the rate Notion
 * enforces, so none is refused, and every lead arrives once. Production runs at 3 req/s; the same
 * pacing at 30 req/s keeps this test near 15 s.
 */
class NotionRateLimitE2ETest {
  private static final int RATE = 30;
  private static final int LEADS = 200;

  @TempDir Path dir;
  @RegisterExtension final FakeNotion fake = FakeNotion.start();

  @Test
  void aBurstOfSignupsNeverExceedsTheRateAndAllArrive() {
    fake.rateLimit(RATE);
    try (TestApp t =
        NotionE2E.start(dir, fake, Map.of("NOTION_RATE_LIMIT", String.valueOf(RATE)))) {
      for (int i = 0; i < LEADS; i++) {
        t.signup("lead" + i + "@example.ca", "Lead" + i);
      }

      // The client paces in real time, so run the integration jobs until the backlog is gone.
      long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
      while (NotionE2E.syncStates(t).stream().anyMatch(s -> !s.inSync())
          && System.nanoTime() < deadline) {
        t.runDue();
      }

      assertThat(fake.answered(429)).as("requests refused for rate").isZero();
      assertThat(fake.maxObservedRate())
          .as("the pace came near the limit")
          .isLessThanOrEqualTo(RATE)
          .isGreaterThan(RATE / 2);
      assertThat(NotionE2E.syncStates(t)).hasSize(LEADS).allMatch(NotionE2E.SyncState::inSync);
      assertThat(fake.data.pages(fake.contacts)).hasSize(LEADS);
      Set<String> arrived =
          fake.data.pages(fake.contacts).stream().map(NotionE2E::email).collect(Collectors.toSet());
      assertThat(arrived)
          .isEqualTo(
              IntStream.range(0, LEADS)
                  .mapToObj(i -> "lead" + i + "@example.ca")
                  .collect(Collectors.toSet()));
    }
  }
}
