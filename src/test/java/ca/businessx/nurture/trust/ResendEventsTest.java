package ca.businessx.nurture.trust;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.support.Http;
import ca.businessx.nurture.support.Signing;
import ca.businessx.nurture.support.TestApp;
import ca.businessx.nurture.support.TestDatabases;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resend's delivery events, signed by Svix: recorded, deduplicated, and bounces stop mail. */
public class ResendEventsTest {
  public static final String SECRET =
      "whsec_" + Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
  @TempDir Path dir;

  TestApp app() {
    return new TestApp(dir, TestDatabases.Kind.SQLITE, Map.of("RESEND_WEBHOOK_SECRET", SECRET));
  }

  static Http.Response deliver(TestApp t, String id, long ts, String body, String signature) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + t.app.port() + "/webhook/resend"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (id != null) {
      b.header("svix-id", id)
          .header("svix-timestamp", Long.toString(ts))
          .header("svix-signature", signature);
    }
    return t.http.send(b.build());
  }

  public static Http.Response signed(TestApp t, String id, String body) {
    long ts = t.clock.instant().getEpochSecond();
    return deliver(t, id, ts, body, "v1,bm90IHRoaXM= " + Signing.svix(SECRET, id, ts, body));
  }

  static String event(String type, String messageId, String extra) {
    return "{\"type\":\""
        + type
        + "\",\"created_at\":\"2026-03-02T14:00:05Z\",\"data\":{\"email_id\":\""
        + messageId
        + "\",\"created_at\":\"2026-03-02T14:00:00Z\",\"from\":\"a@b.ca\",\"to\":[\"x@y.ca\"],"
        + "\"subject\":\"s\""
        + extra
        + "}}";
  }

  public static String firstMessageId(TestApp t, String contactId) {
    return t.http
        .get("/api/contacts/" + contactId)
        .json()
        .at("/emails/0/provider_message_id")
        .asText();
  }

  @Test
  void eventsAreRecordedOnceAndAPermanentBounceStopsTheSequence() {
    try (TestApp t = app()) {
      String id = t.signup("ana@example.ca", "Ana");
      t.assess("ana@example.ca", 0, 0);
      t.runDue();
      String message = firstMessageId(t, id);
      assertThat(
              signed(t, "msg_1", event("email.delivered", message, ""))
                  .json()
                  .get("status")
                  .asText())
          .isEqualTo("recorded");
      assertThat(
              signed(t, "msg_1", event("email.delivered", message, ""))
                  .json()
                  .get("status")
                  .asText())
          .isEqualTo("duplicate");
      signed(t, "msg_2", event("email.opened", message, ""));
      signed(
          t,
          "msg_3",
          event(
              "email.bounced",
              message,
              ",\"bounce\":{\"type\":\"Transient\",\"subType\":\"MailboxFull\"}"));
      assertThat(t.http.get("/api/contacts/" + id).json().at("/enrollment/state").asText())
          .isEqualTo("ACTIVE");
      signed(
          t,
          "msg_4",
          event(
              "email.bounced",
              message,
              ",\"bounce\":{\"type\":\"Permanent\",\"subType\":\"General\"}"));
      assertThat(t.http.get("/api/contacts/" + id).json().at("/enrollment/state").asText())
          .isEqualTo("STOPPED");
      t.advance(Duration.ofDays(8), Duration.ofHours(6));
      assertThat(t.outboxTemplates("ana@example.ca")).containsExactly("email_1");
      String timeline = t.http.get("/api/contacts/" + id).json().get("timeline").toString();
      assertThat(timeline).contains("email_delivered").contains("email_opened").contains("bounced");
      assertThat(timeline.split("email_delivered", -1)).hasSize(2);
    }
  }

  @Test
  void aComplaintSuppressesTheAddress() {
    try (TestApp t = app()) {
      String id = t.signup("bo@example.ca", "Bo");
      t.assess("bo@example.ca", 1, 0);
      t.runDue();
      signed(t, "msg_c", event("email.complained", firstMessageId(t, id), ""));
      assertThat(t.http.get("/api/contacts/" + id).json().at("/enrollment/state").asText())
          .isEqualTo("STOPPED");
      int suppressed =
          t.jdbi()
              .withHandle(
                  h ->
                      h.createQuery("select count(*) from suppressions where reason = 'COMPLAINED'")
                          .mapTo(Integer.class)
                          .one());
      assertThat(suppressed).isEqualTo(1);
    }
  }

  @Test
  void unsignedStaleOrForgedEventsAreRefused() {
    try (TestApp t = app()) {
      String body = event("email.complained", "whatever", "");
      long now = t.clock.instant().getEpochSecond();
      assertThat(deliver(t, null, now, body, null).status()).isEqualTo(400);
      assertThat(deliver(t, "m1", now, body, "v1,AAAA").status()).isEqualTo(400);
      assertThat(
              deliver(t, "m2", now - 301, body, Signing.svix(SECRET, "m2", now - 301, body))
                  .status())
          .isEqualTo(400);
      assertThat(
              deliver(t, "m3", now + 301, body, Signing.svix(SECRET, "m3", now + 301, body))
                  .status())
          .isEqualTo(400);
      assertThat(deliver(t, "m4", now, body, Signing.svix(SECRET, "m4", now, body + " ")).status())
          .isEqualTo(400);
    }
  }
}
