package ca.businessx.nurture.notion;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.support.TestApp;
import ca.businessx.nurture.trust.ResendEventsTest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Notion hears a lead's engagement score and when it last engaged, through the durable sync. */
class EngagementNotionTest {
  @TempDir Path dir;
  @RegisterExtension final FakeNotion fake = FakeNotion.start();

  @Test
  void anOpenSendsTheScoreAndTheTimeToNotion() {
    try (TestApp t =
        NotionE2E.start(dir, fake, Map.of("RESEND_WEBHOOK_SECRET", ResendEventsTest.SECRET))) {
      String contact = t.signup("ana@example.ca", "Ana");
      t.assess("ana@example.ca", 0, 2);
      NotionE2E.drain(t);
      FakeNotionData.Page page = NotionE2E.pagesFor(fake, "ana@example.ca").getFirst();
      assertThat(NotionE2E.number(page, "Engagement Score").isNumber())
          .as("not engaged yet")
          .isFalse();

      Instant openedAt = t.clock.instant();
      String event =
          "{\"type\":\"email.opened\",\"created_at\":\"2026-03-02T14:00:05Z\",\"data\":"
              + "{\"email_id\":\""
              + ResendEventsTest.firstMessageId(t, contact)
              + "\",\"created_at\":\"2026-03-02T14:00:00Z\",\"from\":\"a@b.ca\","
              + "\"to\":[\"x@y.ca\"],\"subject\":\"s\"}}";
      assertThat(ResendEventsTest.signed(t, "msg_o1", event).status()).isEqualTo(200);
      NotionE2E.drain(t);

      page = NotionE2E.pagesFor(fake, "ana@example.ca").getFirst();
      assertThat(NotionE2E.number(page, "Engagement Score").asDouble()).isEqualTo(1.0);
      assertThat(NotionE2E.date(page, "Last Engaged")).isEqualTo(openedAt);
    }
  }
}
