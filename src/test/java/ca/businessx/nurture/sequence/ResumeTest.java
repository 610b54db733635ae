package ca.businessx.nurture.sequence;

import static ca.businessx.nurture.support.StoredEnrollmentAssert.assertThatEnrollmentOf;
import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.support.Http;
import ca.businessx.nurture.support.TestApp;
import ca.businessx.nurture.support.TestDatabases;
import ca.businessx.nurture.trust.ResendEventsTest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A person resumes a sequence a reply paused or a booking ended: the next email waits its full
 * pause from the decision, a booking's cancelled email goes out after all, and a suppressed address
 * is never resumed.
 */
class ResumeTest {
  private static final String WEBSITE = "website-secret";
  @TempDir Path dir;

  private TestApp app(TestDatabases.Kind kind) {
    return new TestApp(
        dir,
        kind,
        Map.of("WEBHOOK_SECRET", WEBSITE, "RESEND_WEBHOOK_SECRET", ResendEventsTest.SECRET));
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void aRepliedLeadResumedGetsItsNextEmailAFullPauseLater(TestDatabases.Kind kind) {
    try (TestApp t = app(kind)) {
      String contact = mailed(t, "ana@example.ca");
      t.clock.tick(Duration.ofHours(30));
      reply(t, "ana@example.ca");
      assertThatEnrollmentOf(t.jdbi(), contact).hasState("REPLIED");
      assertThat(t.http.get("/console/follow-up").body()).contains("replied-" + contact, "Resume");

      Instant resumedAt = t.clock.instant();
      Http.Response r = t.http.postJson("/api/contacts/" + contact + "/resume", "");
      assertThat(r.status()).isEqualTo(200);
      assertThat(Instant.parse(r.json().at("/enrollment/next_due_at").asText()))
          .as("email 2's whole 24-hour wait, counted from the person's decision")
          .isEqualTo(resumedAt.plus(Duration.ofHours(24)));

      t.advance(Duration.ofHours(23), Duration.ofHours(1));
      assertThat(t.outboxTemplates("ana@example.ca")).containsExactly("email_1");
      t.advance(Duration.ofHours(2), Duration.ofHours(1));
      assertThat(t.outboxTemplates("ana@example.ca")).containsExactly("email_1", "email_2a");
      assertThat(t.http.get("/api/contacts/" + contact).json().path("timeline").toString())
          .contains("sequence_resumed");
      assertThat(t.http.postJson("/api/contacts/" + contact + "/resume", "").status())
          .as("an active sequence has nothing to resume")
          .isEqualTo(409);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void aCancelledBookingResumedSendsTheEmailTheBookingHeldBack(TestDatabases.Kind kind) {
    try (TestApp t = app(kind)) {
      String contact = mailed(t, "bo@example.ca");
      assertThat(booking(t, "bo@example.ca", "B-1", "booked").json().get("status").asText())
          .isEqualTo("booked");
      assertThatEnrollmentOf(t.jdbi(), contact).hasState("BOOKED");
      t.advance(Duration.ofDays(3), Duration.ofHours(1));
      assertThat(t.outboxTemplates("bo@example.ca")).containsExactly("email_1");
      booking(t, "bo@example.ca", "B-1", "cancelled");
      assertThatEnrollmentOf(t.jdbi(), contact)
          .as("a cancellation does not restart the sequence by itself")
          .hasState("BOOKED");

      assertThat(t.http.postJson("/api/contacts/" + contact + "/resume", "").status())
          .isEqualTo(200);
      t.advance(Duration.ofDays(8), Duration.ofHours(1));
      assertThat(t.outboxTemplates("bo@example.ca"))
          .containsExactly("email_1", "email_2a", "email_3", "email_4", "email_5a");
      assertThatEnrollmentOf(t.jdbi(), contact).hasState("COMPLETED");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void aSuppressedAddressIsNeverResumed(TestDatabases.Kind kind) {
    try (TestApp t = app(kind)) {
      String contact = mailed(t, "cy@example.ca");
      reply(t, "cy@example.ca");
      String complained =
          "{\"type\":\"email.complained\",\"created_at\":\"2026-03-02T14:00:05Z\",\"data\":"
              + "{\"email_id\":\""
              + ResendEventsTest.firstMessageId(t, contact)
              + "\"}}";
      assertThat(ResendEventsTest.signed(t, "msg_c_1", complained).status()).isEqualTo(200);
      Http.Response r = t.http.postJson("/api/contacts/" + contact + "/resume", "");
      assertThat(r.status()).isEqualTo(409);
      t.advance(Duration.ofDays(8), Duration.ofHours(2));
      assertThat(t.outboxTemplates("cy@example.ca")).containsExactly("email_1");
    }
  }

  private static String mailed(TestApp t, String email) {
    String contact = t.signup(email, "Ana");
    t.assess(email, 2, 0);
    t.runDue();
    assertThat(t.outboxTemplates(email)).containsExactly("email_1");
    return contact;
  }

  private static void reply(TestApp t, String email) {
    Http.Response r =
        t.postWebhook(
            "/webhook/reply",
            "{\"email\":\"" + email + "\",\"subject\":\"Call me\",\"text\":\"Tuesday?\"}");
    assertThat(r.json().get("status").asText()).isEqualTo("paused");
  }

  private static Http.Response booking(TestApp t, String email, String id, String event) {
    return t.postWebhook(
        "/webhook/booking",
        "{\"email\":\""
            + email
            + "\",\"starts_at\":\"2026-03-09T15:00:00Z\",\"source\":\"acuity\","
            + "\"external_id\":\""
            + id
            + "\",\"event\":\""
            + event
            + "\"}");
  }
}
