package ca.businessx.nurture.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.alert.discord.FakeDiscord;
import ca.businessx.nurture.support.Http;
import ca.businessx.nurture.support.LogCapture;
import ca.businessx.nurture.support.Signing;
import ca.businessx.nurture.support.TestApp;
import ca.businessx.nurture.support.TestDatabases;
import ca.businessx.nurture.trust.ResendEventsTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Opens, clicks and replies raise a lead's engagement score, which decays with time; the team hears
 * once of a hot lead: a score past HOT_LEAD_SCORE, or a booking-link click with no booking after
 * HOT_LEAD_GRACE.
 */
class EngagementTest {
  private static final Pattern TRACKED = Pattern.compile("href=\"[^\"]*(/r/[A-Za-z0-9_.-]+)\"");
  private static final Pattern SCORE = Pattern.compile("id=\"engagement-score\">([0-9.]+)<");
  private static final String CALCOM = "calcom-secret";

  @TempDir Path dir;
  private final FakeDiscord discord = FakeDiscord.start();

  @AfterEach
  void stopDiscord() {
    discord.close();
  }

  private TestApp app(TestDatabases.Kind kind, String hotScore) {
    return new TestApp(
        dir,
        kind,
        Map.of(
            "HOT_LEAD_SCORE",
            hotScore,
            "RESEND_WEBHOOK_SECRET",
            ResendEventsTest.SECRET,
            "CALCOM_WEBHOOK_SECRET",
            CALCOM,
            "DISCORD_WEBHOOK_URL",
            discord.createWebhook("1", "t").toString()));
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void opensAndClicksRaiseTheScoreAndItHalvesEveryFourteenDays(TestDatabases.Kind kind) {
    try (TestApp t = app(kind, "1000")) {
      String contact = mailed(t);
      assertThat(score(t, contact)).isEqualTo(0.0);
      opened(t, contact, "msg_o1");
      opened(t, contact, "msg_o2"); // an email's opens count once
      assertThat(score(t, contact)).isEqualTo(1.0);
      assertThat(t.http.get(bookingLink(t)).status()).isEqualTo(302);
      assertThat(score(t, contact)).isEqualTo(9.0);
      assertThat(t.http.get("/console/leads/" + contact).body()).doesNotContain(">never<");
      JsonNode api = lead(t, contact).get("engagement");
      assertThat(api.get("score").asDouble()).isEqualTo(9.0);
      assertThat(api.get("last_engaged").asText()).startsWith("2026-03-02T14:00");

      t.clock.tick(Duration.ofDays(14));
      assertThat(score(t, contact)).isEqualTo(4.5);
      t.clock.tick(Duration.ofDays(14));
      assertThat(score(t, contact)).isEqualTo(2.3);
    }
  }

  @Test
  void crossingTheHotScoreTellsTheTeamOnceInSevenDays() {
    try (LogCapture logs = new LogCapture();
        TestApp t = app(TestDatabases.Kind.SQLITE, "8")) {
      String contact = mailed(t);
      opened(t, contact, "msg_o1");
      t.http.get(bookingLink(t)); // 1 + 8: crosses 8
      t.runDue();
      assertThat(hotNotices()).hasSize(1);
      assertThat(hotNotices().getFirst()).contains("Tremblay Plumbing", "9.0", contact);

      t.advance(Duration.ofDays(1), Duration.ofHours(1));
      reply(t, "msg_r1"); // 10 more: the lead is hotter, but the team has just heard
      t.advance(Duration.ofHours(3), Duration.ofHours(1));
      assertThat(hotNotices()).hasSize(1);
      // The notice names the business in Discord only; the logs carry ids.
      assertThat(String.join("\n", logs.lines()))
          .doesNotContain("ana@example.ca", "Tremblay", "/r/", "cal.example");
    }
  }

  @Test
  void aBookingLinkClickWithoutABookingAfterTheGraceIsHotOnce() {
    try (TestApp t = app(TestDatabases.Kind.SQLITE, "1000")) {
      mailed(t);
      String link = bookingLink(t);
      t.http.get(link);
      t.advance(Duration.ofMinutes(110), Duration.ofMinutes(10));
      assertThat(hotNotices()).isEmpty();
      t.advance(Duration.ofMinutes(20), Duration.ofMinutes(10));
      assertThat(hotNotices()).hasSize(1);
      assertThat(hotNotices().getFirst()).contains("booking link", "has not booked");
      t.http.get(link);
      t.advance(Duration.ofHours(3), Duration.ofMinutes(30));
      assertThat(hotNotices()).hasSize(1);
    }
  }

  @Test
  void aLeadWithACallAheadIsNotHotHoweverEngaged() {
    try (TestApp t = app(TestDatabases.Kind.SQLITE, "8")) {
      String contact = mailed(t);
      book(t);
      opened(t, contact, "msg_o1");
      t.http.get(bookingLink(t));
      t.advance(Duration.ofHours(3), Duration.ofMinutes(30));
      assertThat(score(t, contact)).isGreaterThan(8);
      assertThat(hotNotices()).isEmpty();
    }
  }

  @Test
  void aLeadWhoBooksWithinTheGraceIsNotHot() {
    try (TestApp t = app(TestDatabases.Kind.SQLITE, "1000")) {
      mailed(t);
      t.http.get(bookingLink(t));
      t.advance(Duration.ofMinutes(30), Duration.ofMinutes(10));
      book(t);
      t.advance(Duration.ofHours(3), Duration.ofMinutes(30));
      assertThat(hotNotices()).isEmpty();
    }
  }

  private static void book(TestApp t) {
    String body =
        "{\"triggerEvent\":\"BOOKING_CREATED\",\"createdAt\":\"2026-03-02T14:30:00Z\","
            + "\"payload\":{\"uid\":\"uid-1\",\"startTime\":\"2026-03-05T15:00:00Z\","
            + "\"attendees\":[{\"email\":\"ana@example.ca\",\"name\":\"Ana\"}]}}";
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

  private List<String> hotNotices() {
    return discord.messages().stream()
        .map(m -> m.path("content").asText())
        .filter(c -> c.contains("Hot lead"))
        .toList();
  }

  static String mailed(TestApp t) {
    String contact = t.signup("ana@example.ca", "Ana");
    t.assess("ana@example.ca", 0, 2);
    t.runDue();
    return contact;
  }

  static String bookingLink(TestApp t) {
    String html =
        t.jdbi()
            .withHandle(
                h ->
                    h.createQuery("select html from outbox where template_key = 'email_1'")
                        .mapTo(String.class)
                        .one());
    Matcher m = TRACKED.matcher(html);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  static void opened(TestApp t, String contact, String svixId) {
    String message = ResendEventsTest.firstMessageId(t, contact);
    String event =
        "{\"type\":\"email.opened\",\"created_at\":\"2026-03-02T14:00:05Z\",\"data\":"
            + "{\"email_id\":\""
            + message
            + "\",\"created_at\":\"2026-03-02T14:00:00Z\",\"from\":\"a@b.ca\","
            + "\"to\":[\"x@y.ca\"],\"subject\":\"s\"}}";
    assertThat(ResendEventsTest.signed(t, svixId, event).status()).isEqualTo(200);
  }

  static void reply(TestApp t, String svixId) {
    String inbound =
        "{\"type\":\"email.received\",\"created_at\":\"2026-03-02T15:00:00Z\",\"data\":"
            + "{\"email_id\":\""
            + svixId
            + "\",\"from\":\"Ana <ana@example.ca>\",\"to\":[\"replies@businessx.ca\"],"
            + "\"subject\":\"Re: your results\"}}";
    assertThat(ResendEventsTest.signed(t, svixId, inbound).status()).isEqualTo(200);
  }

  static double score(TestApp t, String contact) {
    String page = t.http.get("/console/leads/" + contact).body();
    Matcher m = SCORE.matcher(page);
    assertThat(m.find()).as(page).isTrue();
    return Double.parseDouble(m.group(1));
  }

  private static JsonNode lead(TestApp t, String contact) {
    return t.http.get("/api/contacts/" + contact).json();
  }
}
