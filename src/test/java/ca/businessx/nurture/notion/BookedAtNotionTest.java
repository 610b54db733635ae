package ca.businessx.nurture.notion;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.support.TestApp;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A booked call shows in Notion: Sequence Status Booked and a Booked At date. */
class BookedAtNotionTest {
  @TempDir Path dir;
  @RegisterExtension final FakeNotion fake = FakeNotion.start();

  @Test
  void aBookingSetsBookedAndItsTimeInNotion() {
    try (TestApp t = NotionE2E.start(dir, fake, Map.of("WEBHOOK_SECRET", "w".repeat(32)))) {
      t.signup("ana@example.ca", "Ana");
      t.assess("ana@example.ca", 2, 0);
      NotionE2E.drain(t);
      FakeNotionData.Page page = NotionE2E.pagesFor(fake, "ana@example.ca").getFirst();
      assertThat(page.properties.path("Booked At").path("date").path("start").asText(""))
          .as("not booked yet")
          .isEmpty();

      t.clock.tick(Duration.ofMinutes(30));
      Instant bookedAt = t.clock.instant();
      String body =
          "{\"email\":\"ana@example.ca\",\"starts_at\":\"2026-03-05T15:00:00Z\","
              + "\"source\":\"acuity\",\"external_id\":\"A-1\"}";
      assertThat(t.postWebhook("/webhook/booking", body).json().get("status").asText())
          .isEqualTo("booked");
      NotionE2E.drain(t);

      page = NotionE2E.pagesFor(fake, "ana@example.ca").getFirst();
      assertThat(NotionE2E.select(page, "Sequence Status")).isEqualTo("Booked");
      assertThat(NotionE2E.date(page, "Booked At")).isEqualTo(bookedAt);
    }
  }
}
