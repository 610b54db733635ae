package ca.businessx.nurture.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.support.TestApp;
import ca.businessx.nurture.support.TestDatabases;
import ca.businessx.nurture.trust.ResendEventsTest;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resend's email.failed puts the email in front of a person instead of being ignored. */
class EmailFailedTest {
  @TempDir Path dir;

  @Test
  void aFailedEmailAppearsInTheFollowUpQueueWithResendsReason() {
    try (TestApp t =
        new TestApp(
            dir,
            TestDatabases.Kind.SQLITE,
            Map.of("RESEND_WEBHOOK_SECRET", ResendEventsTest.SECRET))) {
      String contact = t.signup("ana@example.ca", "Ana");
      t.assess("ana@example.ca", 2, 0);
      t.runDue();
      assertThat(t.http.get("/console/follow-up").body()).doesNotContain("Failed after sending");

      String failed =
          "{\"type\":\"email.failed\",\"created_at\":\"2026-03-02T14:00:05Z\",\"data\":"
              + "{\"email_id\":\""
              + ResendEventsTest.firstMessageId(t, contact)
              + "\",\"failed\":{\"reason\":\"reached_daily_quota\"}}}";
      assertThat(ResendEventsTest.signed(t, "msg_f_1", failed).status()).isEqualTo(200);

      String page = t.http.get("/console/follow-up").body();
      assertThat(page).contains("Failed after sending", "reached_daily_quota", contact);
      assertThat(t.http.get("/api/contacts/" + contact).json().path("timeline").toString())
          .contains("email_failed");
    }
  }
}
