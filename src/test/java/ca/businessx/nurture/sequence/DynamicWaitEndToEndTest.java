package ca.businessx.nurture.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.support.Http;
import ca.businessx.nurture.support.Signing;
import ca.businessx.nurture.support.TestApp;
import ca.businessx.nurture.support.TestDatabases;
import ca.businessx.nurture.trust.ResendEventsTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 12's story end to end: a lead opens email 1, clicks its booking link, gets email 2 after
 * half the wait (a lead who did not click waits the whole day), books through Cal.com, and receives
 * nothing more; the lead's page says why email 2 came early, and the funnel shows it all.
 */
class DynamicWaitEndToEndTest {
  private static final Pattern TRACKED = Pattern.compile("href=\"[^\"]*(/r/[A-Za-z0-9_.-]+)\"");
  private static final String BOOKING = "https://cal.example.ca/book";
  private static final String CALCOM = "calcom-secret";

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void aClickBringsEmailTwoForwardAndABookingEndsTheSequence(TestDatabases.Kind kind) {
    try (TestApp t =
        new TestApp(
            dir,
            kind,
            Map.of(
                "BOOKING_URL", BOOKING,
                "RESEND_WEBHOOK_SECRET", ResendEventsTest.SECRET,
                "CALCOM_WEBHOOK_SECRET", CALCOM))) {
      String ana = t.signup("ana@example.ca", "Ana");
      assertThat(t.assess("ana@example.ca", 2, 0).status()).isEqualTo(200); // CRITICAL
      String bo = t.signup("bo@example.ca", "Bo");
      assertThat(t.assess("bo@example.ca", 2, 0).status()).isEqualTo(200); // CRITICAL, no click
      t.runDue();
      assertThat(t.outboxTemplates("ana@example.ca")).containsExactly("email_1");

      // Ana opens email 1 (Resend reports it), then follows its booking link an hour later.
      t.clock.tick(Duration.ofMinutes(30));
      String opened =
          "{\"type\":\"email.opened\",\"created_at\":\"2026-03-02T14:30:00Z\",\"data\":"
              + "{\"email_id\":\""
              + ResendEventsTest.firstMessageId(t, ana)
              + "\",\"created_at\":\"2026-03-02T14:00:00Z\",\"from\":\"a@b.ca\","
              + "\"to\":[\"x@y.ca\"],\"subject\":\"s\"}}";
      assertThat(ResendEventsTest.signed(t, "msg_open_1", opened).status()).isEqualTo(200);
      t.clock.tick(Duration.ofMinutes(30));
      Http.Response followed = t.http.get(bookingLink(t, ana));
      assertThat(followed.status()).isEqualTo(302);
      assertThat(followed.header("Location").orElseThrow()).startsWith(BOOKING + "?utm_source");

      Instant half = TestApp.START.plus(Duration.ofHours(12));
      assertThat(nextDue(t, ana)).isEqualTo(half);
      assertThat(nextDue(t, bo)).isEqualTo(TestApp.START.plus(Duration.ofDays(1)));
      assertThat(t.http.get("/console/leads/" + ana).body())
          .contains(
              "due Tue 2026-03-03 02:00 UTC: half the wait, because the lead clicked email 1");
      assertThat(t.http.get("/console/leads/" + bo).body())
          .contains("due Tue 2026-03-03 14:00 UTC: the wait of 1 day after email 1");

      // Half the day later Ana has email 2; Bo still waits for his.
      t.advance(Duration.ofHours(11), Duration.ofHours(1));
      assertThat(t.outboxTemplates("ana@example.ca")).containsExactly("email_1", "email_2a");
      assertThat(t.outboxTemplates("bo@example.ca")).containsExactly("email_1");
      JsonNode second = t.http.get("/api/contacts/" + ana).json().at("/emails/1");
      assertThat(Instant.parse(second.get("due_at").asText())).isEqualTo(half);
      assertThat(Instant.parse(second.get("sent_at").asText())).isEqualTo(half);
      assertThat(t.http.get("/api/contacts/" + ana).json().path("timeline").toString())
          .contains("wait_shortened");

      // She books; nothing more leaves for her, while Bo's week runs on.
      assertThat(calcom(t, "ana@example.ca").json().get("status").asText()).isEqualTo("booked");
      t.advance(Duration.ofDays(8), Duration.ofHours(1));
      assertThat(t.outboxTemplates("ana@example.ca")).containsExactly("email_1", "email_2a");
      assertThat(t.http.get("/api/contacts/" + ana).json().at("/enrollment/state").asText())
          .isEqualTo("BOOKED");
      assertThat(t.outboxTemplates("bo@example.ca"))
          .containsExactly("email_1", "email_2a", "email_3", "email_4", "email_5a");

      JsonNode f = t.http.get("/api/funnel?from=2026-03-02&to=2026-03-03").json();
      JsonNode first = row(f.get("by_template"), "template", "email_1");
      assertThat(first.get("sent").asInt()).isEqualTo(2);
      assertThat(first.get("opened").asInt()).isEqualTo(1);
      assertThat(first.get("clicked").asInt()).isEqualTo(1);
      JsonNode critical = row(f.get("by_segment"), "segment", "CRITICAL");
      assertThat(critical.get("booked").asInt()).isEqualTo(1);
      assertThat(f.get("assessment_to_booked").toString())
          .isEqualTo("[{\"segment\":\"CRITICAL\",\"assessed\":2,\"booked\":1,\"rate\":0.5}]");
    }
  }

  @Test
  void resendsClickReportCountsAndOnlyAClickOnThePreviousEmailDoes() {
    try (TestApp t =
        new TestApp(
            dir,
            TestDatabases.Kind.SQLITE,
            Map.of("RESEND_WEBHOOK_SECRET", ResendEventsTest.SECRET))) {
      String bo = t.signup("bo@example.ca", "Bo");
      t.assess("bo@example.ca", 0, 2);
      t.advance(Duration.ofDays(1), Duration.ofHours(1));
      assertThat(t.outboxTemplates("bo@example.ca")).containsExactly("email_1", "email_2b");
      Instant second = TestApp.START.plus(Duration.ofDays(1));
      Instant full = second.plus(Duration.ofDays(2));
      assertThat(nextDue(t, bo)).isEqualTo(full);

      // A click on email 1 now is on an older email: email 3 keeps its time.
      assertThat(resendClick(t, bo, 0, "c1").status()).isEqualTo(200);
      assertThat(nextDue(t, bo)).isEqualTo(full);
      // A click on email 2, reported by Resend, brings email 3 to half its wait after email 2.
      assertThat(resendClick(t, bo, 1, "c2").status()).isEqualTo(200);
      assertThat(nextDue(t, bo)).isEqualTo(second.plus(Duration.ofDays(1)));
      t.advance(Duration.ofDays(1), Duration.ofHours(1));
      assertThat(t.outboxTemplates("bo@example.ca"))
          .containsExactly("email_1", "email_2b", "email_3");
    }
  }

  private static Http.Response resendClick(TestApp t, String contact, int email, String svixId) {
    String message =
        t.http
            .get("/api/contacts/" + contact)
            .json()
            .at("/emails/" + email + "/provider_message_id")
            .asText();
    String body =
        "{\"type\":\"email.clicked\",\"created_at\":\"2026-03-03T15:00:05Z\",\"data\":"
            + "{\"email_id\":\""
            + message
            + "\",\"created_at\":\"2026-03-03T15:00:00Z\",\"from\":\"a@b.ca\","
            + "\"to\":[\"x@y.ca\"],\"subject\":\"s\",\"click\":{\"ipAddress\":\"1.2.3.4\","
            + "\"link\":\"https://example.ca/guide\",\"timestamp\":\"2026-03-03T15:00:05Z\","
            + "\"userAgent\":\"x\"}}}";
    return ResendEventsTest.signed(t, svixId, body);
  }

  private static Instant nextDue(TestApp t, String contact) {
    return t.jdbi()
        .withHandle(
            h ->
                h.createQuery("select next_due_at from enrollments where contact_id = :c")
                    .bind("c", contact)
                    .mapTo(Long.class)
                    .map(Instant::ofEpochMilli)
                    .one());
  }

  private static JsonNode row(JsonNode rows, String keyName, String key) {
    for (JsonNode r : rows) {
      if (r.get(keyName).asText().equals(key)) {
        return r;
      }
    }
    throw new AssertionError("no " + key + " in " + rows);
  }

  /** The booking link of the lead's stored email 1, as the lead received it. */
  private static String bookingLink(TestApp t, String contact) {
    String html =
        t.jdbi()
            .withHandle(
                h ->
                    h.createQuery("select html from emails where contact_id = :c and step = 1")
                        .bind("c", contact)
                        .mapTo(String.class)
                        .one());
    Matcher m = TRACKED.matcher(html);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  private static Http.Response calcom(TestApp t, String email) {
    String body =
        "{\"triggerEvent\":\"BOOKING_CREATED\",\"createdAt\":\"2026-03-03T03:00:00Z\","
            + "\"payload\":{\"uid\":\"uid-1\",\"startTime\":\"2026-03-05T15:00:00Z\","
            + "\"attendees\":[{\"email\":\""
            + email
            + "\",\"name\":\"Ana\"}]}}";
    return t.http.send(
        HttpRequest.newBuilder(URI.create(t.http.base() + "/webhook/booking/calcom"))
            .header("Content-Type", "application/json")
            .header("X-Cal-Signature-256", Signing.calcom(CALCOM, body))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }
}
