package ca.businessx.nurture.booking;

import static ca.businessx.nurture.support.StoredEnrollmentAssert.assertThatEnrollmentOf;
import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.alert.discord.FakeDiscord;
import ca.businessx.nurture.support.Http;
import ca.businessx.nurture.support.Signing;
import ca.businessx.nurture.support.TestApp;
import ca.businessx.nurture.support.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A lead who books a call through Cal.com, Calendly or any other tool gets no more emails, and the
 * team hears of it; each endpoint checks its provider's signature and is idempotent by booking id.
 */
class BookingWebhookTest {
  private static final String CALCOM = "calcom-secret";
  private static final String CALENDLY = "calendly-signing-key";
  private static final String WEBSITE = "website-secret";
  private static final Duration WEEK = Duration.ofDays(8);

  @TempDir Path dir;
  private final FakeDiscord discord = FakeDiscord.start();

  @AfterEach
  void stopDiscord() {
    discord.close();
  }

  private TestApp app(TestDatabases.Kind kind) {
    return new TestApp(
        dir,
        kind,
        Map.of(
            "CALCOM_WEBHOOK_SECRET", CALCOM,
            "CALENDLY_WEBHOOK_SECRET", CALENDLY,
            "DISCORD_WEBHOOK_URL", discord.createWebhook("1", "t").toString()));
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void aCalcomBookingEndsTheSequenceAndTellsTheTeam(TestDatabases.Kind kind) {
    try (TestApp t = app(kind)) {
      String contact = t.signup("ana@example.ca", "Ana");
      t.assess("ana@example.ca", 2, 0);
      t.runDue();
      assertThat(t.outboxTemplates("ana@example.ca")).containsExactly("email_1");

      Http.Response r = calcom(t, calcomBody("BOOKING_CREATED", "uid-1", "Ana@Example.ca"));
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.json().get("status").asText()).isEqualTo("booked");
      assertThatEnrollmentOf(t.jdbi(), contact).hasState("BOOKED");

      t.advance(WEEK, Duration.ofHours(1));
      assertThat(t.outboxTemplates("ana@example.ca")).containsExactly("email_1");
      JsonNode lead = t.http.get("/api/contacts/" + contact).json();
      assertThat(lead.at("/enrollment/state").asText()).isEqualTo("BOOKED");
      assertThat(lead.path("timeline").toString()).contains("booked");
      assertThat(discord.messages())
          .anySatisfy(m -> assertThat(m.path("content").asText()).contains("booked a call"));
    }
  }

  @Test
  void theSameBookingDeliveredTwiceIsRecordedOnce() {
    try (TestApp t = app(TestDatabases.Kind.SQLITE)) {
      t.signup("ana@example.ca", "Ana");
      t.assess("ana@example.ca", 0, 2);
      String body = calcomBody("BOOKING_CREATED", "uid-2", "ana@example.ca");
      assertThat(calcom(t, body).json().get("status").asText()).isEqualTo("booked");
      assertThat(calcom(t, body).json().get("status").asText()).isEqualTo("duplicate");
      assertThat(count(t, "select count(*) from bookings")).isEqualTo(1);
    }
  }

  @Test
  void aCancellationIsRecordedAndTheSequenceDoesNotRestartByItself() {
    try (TestApp t = app(TestDatabases.Kind.SQLITE)) {
      String contact = t.signup("ana@example.ca", "Ana");
      t.assess("ana@example.ca", 0, 0);
      calcom(t, calcomBody("BOOKING_CREATED", "uid-3", "ana@example.ca"));
      Http.Response r = calcom(t, calcomBody("BOOKING_CANCELLED", "uid-3", "ana@example.ca"));
      assertThat(r.json().get("status").asText()).isEqualTo("cancelled");
      assertThatEnrollmentOf(t.jdbi(), contact).hasState("BOOKED");
      t.advance(WEEK, Duration.ofHours(1));
      assertThat(t.outboxTemplates("ana@example.ca")).hasSizeLessThanOrEqualTo(1);
      assertThat(discord.messages())
          .anySatisfy(m -> assertThat(m.path("content").asText()).contains("cancelled"));
      Http.Response again = calcom(t, calcomBody("BOOKING_CANCELLED", "uid-3", "ana@example.ca"));
      assertThat(again.json().get("status").asText()).isEqualTo("duplicate");
    }
  }

  @Test
  void aBookingFromSomeoneUnknownCreatesTheContactWithNoSequence() {
    try (TestApp t = app(TestDatabases.Kind.SQLITE)) {
      assertThat(calcom(t, calcomBody("BOOKING_CREATED", "uid-4", "new@example.ca")).status())
          .isEqualTo(200);
      assertThat(count(t, "select count(*) from contacts where email = 'new@example.ca'"))
          .isEqualTo(1);
      assertThat(count(t, "select count(*) from enrollments")).isZero();
    }
  }

  @Test
  void calcomRefusesABadSignatureAndIgnoresEventsItDoesNotActOn() {
    try (TestApp t = app(TestDatabases.Kind.SQLITE)) {
      String body = calcomBody("BOOKING_CREATED", "uid-5", "ana@example.ca");
      Http.Response forged =
          t.http.send(
              post(t, "/webhook/booking/calcom", body)
                  .header("X-Cal-Signature-256", Signing.calcom("wrong", body))
                  .build());
      assertThat(forged.status()).isEqualTo(401);
      assertThat(t.http.postJson("/webhook/booking/calcom", body).status()).isEqualTo(401);
      assertThat(calcom(t, "{not json").status()).isEqualTo(400);
      Http.Response ignored = calcom(t, calcomBody("MEETING_ENDED", "uid-5", "ana@example.ca"));
      assertThat(ignored.status()).isEqualTo(200);
      assertThat(ignored.json().get("status").asText()).isEqualTo("ignored");
      assertThat(calcom(t, "{\"triggerEvent\":\"BOOKING_CREATED\",\"payload\":{}}").status())
          .isEqualTo(422);
      assertThat(count(t, "select count(*) from contacts")).isZero();
    }
  }

  @Test
  void calendlyBooksAndRefusesStaleSignatures() {
    try (TestApp t = app(TestDatabases.Kind.SQLITE)) {
      String contact = t.signup("bo@example.ca", "Bo");
      t.assess("bo@example.ca", 1, 0);
      String body =
          "{\"event\":\"invitee.created\",\"created_at\":\"2026-03-02T14:00:00Z\",\"payload\":"
              + "{\"email\":\"bo@example.ca\",\"name\":\"Bo\",\"uri\":"
              + "\"https://api.calendly.com/scheduled_events/E1/invitees/I1\","
              + "\"scheduled_event\":{\"start_time\":\"2026-03-05T15:00:00.000000Z\"}}}";
      long now = t.clock.instant().getEpochSecond();
      Http.Response stale = calendly(t, body, now - 181);
      assertThat(stale.status()).isEqualTo(401);
      assertThatEnrollmentOf(t.jdbi(), contact).isActive();
      Http.Response fresh = calendly(t, body, now - 30);
      assertThat(fresh.status()).isEqualTo(200);
      assertThat(fresh.json().get("status").asText()).isEqualTo("booked");
      assertThatEnrollmentOf(t.jdbi(), contact).hasState("BOOKED");
    }
  }

  @Test
  void anyOtherToolPostsSignedLikeTheLeadWebhooks() {
    try (TestApp t =
        new TestApp(dir, TestDatabases.Kind.SQLITE, Map.of("WEBHOOK_SECRET", WEBSITE))) {
      String body =
          "{\"email\":\"cy@example.ca\",\"starts_at\":\"2026-03-05T15:00:00Z\","
              + "\"source\":\"acuity\",\"external_id\":\"A-77\"}";
      long ts = t.clock.instant().getEpochSecond();
      HttpRequest signed =
          post(t, "/webhook/booking", body)
              .header("X-Nurture-Timestamp", String.valueOf(ts))
              .header("X-Nurture-Signature", Signing.nurture(WEBSITE, ts, body))
              .build();
      assertThat(t.http.send(signed).json().get("status").asText()).isEqualTo("booked");
      // A replayed request is refused; the tool's retry, signed anew, is recognised as the same.
      assertThat(t.http.send(signed).status()).isEqualTo(401);
      t.clock.tick(Duration.ofSeconds(5));
      assertThat(t.postWebhook("/webhook/booking", body).json().get("status").asText())
          .isEqualTo("duplicate");
      assertThat(t.http.postJson("/webhook/booking", body).status()).isEqualTo(401);
      // Not configured: the Cal.com and Calendly endpoints say what to set.
      Http.Response off = t.http.postJson("/webhook/booking/calcom", "{}");
      assertThat(off.status()).isEqualTo(503);
      assertThat(off.body()).contains("CALCOM_WEBHOOK_SECRET");
    }
  }

  @Test
  void theGenericEndpointIsOffWithoutTheWebsiteSecret() {
    try (TestApp t = app(TestDatabases.Kind.SQLITE)) {
      Http.Response r = t.http.postJson("/webhook/booking", "{\"email\":\"a@example.ca\"}");
      assertThat(r.status()).isEqualTo(503);
      assertThat(r.body()).contains("WEBHOOK_SECRET");
    }
  }

  private static String calcomBody(String trigger, String uid, String email) {
    return "{\"triggerEvent\":\""
        + trigger
        + "\",\"createdAt\":\"2026-03-02T14:00:00.000Z\",\"payload\":{\"uid\":\""
        + uid
        + "\",\"title\":\"Discovery call\",\"startTime\":\"2026-03-05T15:00:00.000Z\","
        + "\"endTime\":\"2026-03-05T15:30:00.000Z\",\"organizer\":{\"email\":\"team@businessx.ca\"},"
        + "\"attendees\":[{\"email\":\""
        + email
        + "\",\"name\":\"Ana Tremblay\",\"timeZone\":\"America/Toronto\"}]}}";
  }

  private static Http.Response calcom(TestApp t, String body) {
    return t.http.send(
        post(t, "/webhook/booking/calcom", body)
            .header("X-Cal-Signature-256", Signing.calcom(CALCOM, body))
            .build());
  }

  private static Http.Response calendly(TestApp t, String body, long timestamp) {
    return t.http.send(
        post(t, "/webhook/booking/calendly", body)
            .header("Calendly-Webhook-Signature", Signing.calendly(CALENDLY, timestamp, body))
            .build());
  }

  private static HttpRequest.Builder post(TestApp t, String path, String body) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + t.app.port() + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  private static int count(TestApp t, String sql) {
    return t.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
  }
}
