package ca.businessx.nurture.funnel;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.support.Http;
import ca.businessx.nurture.support.Signing;
import ca.businessx.nurture.support.TestApp;
import ca.businessx.nurture.support.TestDatabases;
import ca.businessx.nurture.trust.ResendEventsTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Three leads, scripted: one opens, clicks the booking link and books; one opens and replies; one
 * only receives. The funnel counts exactly that, per template and per segment, on both databases.
 */
class FunnelTest {
  private static final Pattern TRACKED = Pattern.compile("href=\"[^\"]*(/r/[A-Za-z0-9_.-]+)\"");
  private static final String CALCOM = "calcom-secret";

  @TempDir Path dir;

  private TestApp app(TestDatabases.Kind kind) {
    return new TestApp(
        dir,
        kind,
        Map.of("RESEND_WEBHOOK_SECRET", ResendEventsTest.SECRET, "CALCOM_WEBHOOK_SECRET", CALCOM));
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void theFunnelCountsAScriptedWeek(TestDatabases.Kind kind) {
    try (TestApp t = app(kind)) {
      String ana = lead(t, "ana@example.ca", 2, 0); // CRITICAL
      String bo = lead(t, "bo@example.ca", 0, 2); // URGENT
      String cy = lead(t, "cy@example.ca", 0, 0); // OPTIMIZE
      t.runDue();
      for (String c : new String[] {ana, bo, cy}) {
        event(t, "email.delivered", c, "d-" + c);
      }
      event(t, "email.opened", ana, "o-ana");
      event(t, "email.opened", bo, "o-bo");
      assertThat(t.http.get(bookingLink(t, ana)).status()).isEqualTo(302);
      book(t, "ana@example.ca");
      reply(t, "bo@example.ca");
      t.advance(Duration.ofHours(25), Duration.ofHours(1)); // cy gets email_2c, no one else
      assertThat(t.outboxTemplates("ana@example.ca")).containsExactly("email_1");
      assertThat(t.outboxTemplates("bo@example.ca")).containsExactly("email_1");
      assertThat(t.outboxTemplates("cy@example.ca")).containsExactly("email_1", "email_2c");

      JsonNode f = t.http.get("/api/funnel?from=2026-03-02&to=2026-03-03").json();
      assertThat(f.get("from").asText()).isEqualTo("2026-03-02");
      assertThat(row(f, "by_template", "template", "email_1")).isEqualTo("3 3 2 1 1 1");
      assertThat(row(f, "by_template", "template", "email_2c")).isEqualTo("1 0 0 0 0 0");
      assertThat(f.get("by_template")).hasSize(2);
      assertThat(row(f, "by_segment", "segment", "CRITICAL")).isEqualTo("1 1 1 1 0 1");
      assertThat(row(f, "by_segment", "segment", "URGENT")).isEqualTo("1 1 1 0 1 0");
      assertThat(row(f, "by_segment", "segment", "OPTIMIZE")).isEqualTo("2 1 0 0 0 0");
      JsonNode first = f.get("by_template").get(0);
      assertThat(first.at("/rates/opened").asDouble()).isEqualTo(0.667);
      assertThat(first.at("/rates/booked").asDouble()).isEqualTo(0.333);
      assertThat(f.get("assessment_to_booked").toString())
          .isEqualTo(
              "[{\"segment\":\"CRITICAL\",\"assessed\":1,\"booked\":1,\"rate\":1.0},"
                  + "{\"segment\":\"OPTIMIZE\",\"assessed\":1,\"booked\":0,\"rate\":0.0},"
                  + "{\"segment\":\"URGENT\",\"assessed\":1,\"booked\":0,\"rate\":0.0}]");

      JsonNode dayTwo = t.http.get("/api/funnel?from=2026-03-03&to=2026-03-03").json();
      assertThat(row(dayTwo, "by_template", "template", "email_2c")).isEqualTo("1 0 0 0 0 0");
      assertThat(dayTwo.get("by_template")).hasSize(1);
      assertThat(dayTwo.get("assessment_to_booked")).isEmpty();

      String metrics = t.http.get("/metrics").body();
      assertThat(metrics)
          .contains(
              "nurture_bookings_total{segment=\"CRITICAL\",template=\"email_1\"} 1.0",
              "nurture_bookings_total{segment=\"URGENT\",template=\"email_1\"} 0.0",
              "nurture_replies_total{segment=\"URGENT\",template=\"email_1\"} 1.0",
              "nurture_link_clicks_total{link=\"booking\",segment=\"CRITICAL\",template=\"email_1\"}"
                  + " 1.0",
              "nurture_link_clicks_total{link=\"other\",segment=\"none\",template=\"email_5c\"}"
                  + " 0.0");

      String page = t.http.get("/console/funnel?from=2026-03-02&to=2026-03-03").body();
      assertThat(page).contains("id=\"funnel-by-template\"", "email_2c", "66.7%");
      assertThat(t.http.get("/console").body()).contains("id=\"funnel-by-segment\"", "CRITICAL");
    }
  }

  @Test
  void badDatesAre400NamingEachParameter() {
    try (TestApp t = app(TestDatabases.Kind.SQLITE)) {
      Http.Response r = t.http.get("/api/funnel?from=2026-13-01&to=soon");
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.json().get("problems").findValuesAsText("field")).containsExactly("to", "from");
      Http.Response backwards = t.http.get("/api/funnel?from=2026-03-05&to=2026-03-01");
      assertThat(backwards.status()).isEqualTo(400);
      assertThat(backwards.json().get("problems").findValuesAsText("field"))
          .containsExactly("from");
      Http.Response recent = t.http.get("/api/funnel");
      assertThat(recent.status()).isEqualTo(200);
      assertThat(recent.json().get("to").asText()).isEqualTo("2026-03-02");
      assertThat(recent.json().get("from").asText()).isEqualTo("2026-02-01");
    }
  }

  private static String row(JsonNode f, String table, String keyName, String key) {
    for (JsonNode r : f.get(table)) {
      if (r.get(keyName).asText().equals(key)) {
        return r.get("sent").asText()
            + " "
            + r.get("delivered").asText()
            + " "
            + r.get("opened").asText()
            + " "
            + r.get("clicked").asText()
            + " "
            + r.get("replied").asText()
            + " "
            + r.get("booked").asText();
      }
    }
    throw new AssertionError("no " + key + " in " + f.get(table));
  }

  private static String lead(TestApp t, String email, int red, int orange) {
    String id = t.signup(email, "Ana");
    assertThat(t.assess(email, red, orange).status()).isEqualTo(200);
    return id;
  }

  private static void event(TestApp t, String type, String contact, String svixId) {
    String body =
        "{\"type\":\""
            + type
            + "\",\"created_at\":\"2026-03-02T14:00:05Z\",\"data\":{\"email_id\":\""
            + ResendEventsTest.firstMessageId(t, contact)
            + "\",\"created_at\":\"2026-03-02T14:00:00Z\",\"from\":\"a@b.ca\","
            + "\"to\":[\"x@y.ca\"],\"subject\":\"s\"}}";
    assertThat(ResendEventsTest.signed(t, svixId, body).status()).isEqualTo(200);
  }

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

  private static void book(TestApp t, String email) {
    String body =
        "{\"triggerEvent\":\"BOOKING_CREATED\",\"createdAt\":\"2026-03-02T14:30:00Z\","
            + "\"payload\":{\"uid\":\"uid-1\",\"startTime\":\"2026-03-05T15:00:00Z\","
            + "\"attendees\":[{\"email\":\""
            + email
            + "\",\"name\":\"Ana\"}]}}";
    Http.Response r =
        t.http.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(t.http.base() + "/webhook/booking/calcom"))
                .header("Content-Type", "application/json")
                .header("X-Cal-Signature-256", Signing.calcom(CALCOM, body))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                .build());
    assertThat(r.json().get("status").asText()).isEqualTo("booked");
  }

  private static void reply(TestApp t, String email) {
    String inbound =
        "{\"type\":\"email.received\",\"created_at\":\"2026-03-02T15:00:00Z\",\"data\":"
            + "{\"email_id\":\"in_1\",\"from\":\""
            + email
            + "\",\"to\":[\"replies@businessx.ca\"],\"subject\":\"Re: your results\"}}";
    assertThat(ResendEventsTest.signed(t, "msg_in_1", inbound).status()).isEqualTo(200);
  }
}
