package ca.businessx.nurture.reply;

import static ca.businessx.nurture.support.StoredEnrollmentAssert.assertThatEnrollmentOf;
import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.alert.discord.FakeDiscord;
import ca.businessx.nurture.support.Http;
import ca.businessx.nurture.support.TestApp;
import ca.businessx.nurture.support.TestDatabases;
import ca.businessx.nurture.trust.ResendEventsTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lead who replies gets no more automated emails until a person decides; the team hears of it.
 */
class ReplyTest {
  private static final String WEBSITE = "website-secret";
  private static final Duration WEEK = Duration.ofDays(8);

  @TempDir Path dir;
  private final FakeDiscord discord = FakeDiscord.start();

  @AfterEach
  void stopDiscord() {
    discord.close();
  }

  private TestApp app() {
    return new TestApp(
        dir,
        TestDatabases.Kind.SQLITE,
        Map.of(
            "WEBHOOK_SECRET",
            WEBSITE,
            "RESEND_WEBHOOK_SECRET",
            ResendEventsTest.SECRET,
            "DISCORD_WEBHOOK_URL",
            discord.createWebhook("1", "t").toString()));
  }

  @Test
  void aReplyPausesTheSequenceAndTellsTheTeamWithTheSubject() {
    try (TestApp t = app()) {
      String contact = signedUpAndMailed(t);
      Http.Response r =
          reply(
              t, "{\"email\":\"ana@example.ca\",\"subject\":\"Call me Tuesday\",\"text\":\"Hi\"}");
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.json().get("status").asText()).isEqualTo("paused");
      assertThatEnrollmentOf(t.jdbi(), contact).hasState("REPLIED");

      t.advance(WEEK, Duration.ofHours(1));
      assertThat(t.outboxTemplates("ana@example.ca")).containsExactly("email_1");
      assertThat(discord.messages())
          .anySatisfy(
              m -> assertThat(m.path("content").asText()).contains("replied", "Call me Tuesday"));
      assertThat(t.http.get("/api/contacts/" + contact).json().path("timeline").toString())
          .contains("replied");
    }
  }

  @Test
  void theSameReplyPostedTwiceIsRecordedOnceAndStrangersAreRecordedWithoutText() {
    try (TestApp t = app()) {
      signedUpAndMailed(t);
      String body = "{\"email\":\"ana@example.ca\",\"subject\":\"Re\",\"text\":\"Yes\"}";
      assertThat(reply(t, body).json().get("status").asText()).isEqualTo("paused");
      t.clock.tick(Duration.ofSeconds(5));
      assertThat(reply(t, body).json().get("status").asText()).isEqualTo("duplicate");
      Http.Response stranger =
          reply(t, "{\"email\":\"who@example.ca\",\"subject\":\"Secret\",\"text\":\"x\"}");
      assertThat(stranger.status()).isEqualTo(200);
      assertThat(stranger.json().get("status").asText()).isEqualTo("unknown_email");
      assertThat(one(t, "select count(*) from replies where subject is null")).isEqualTo("1");
    }
  }

  @Test
  void theReplyWebhookRefusesWhatIsNotSignedOrNotJson() {
    try (TestApp t = app()) {
      assertThat(t.http.postJson("/webhook/reply", "{\"email\":\"a@example.ca\"}").status())
          .isEqualTo(401);
      assertThat(reply(t, "{not json").status()).isEqualTo(400);
      assertThat(reply(t, "{\"subject\":\"no email\"}").status()).isEqualTo(422);
    }
    try (TestApp t = new TestApp(dir.resolve("b"), TestDatabases.Kind.SQLITE, Map.of())) {
      assertThat(t.http.postJson("/webhook/reply", "{}").status()).isEqualTo(503);
    }
  }

  @Test
  void resendsInboundMailFromALeadPausesItsSequence() {
    try (TestApp t = app()) {
      String contact = signedUpAndMailed(t);
      String inbound =
          "{\"type\":\"email.received\",\"created_at\":\"2026-03-02T15:00:00Z\",\"data\":"
              + "{\"email_id\":\"in_1\",\"from\":\"Ana Tremblay <Ana@Example.ca>\","
              + "\"to\":[\"replies@businessx.ca\"],\"subject\":\"Re: your results\"}}";
      Http.Response r = ResendEventsTest.signed(t, "msg_in_1", inbound);
      assertThat(r.json().get("status").asText()).isEqualTo("paused");
      assertThatEnrollmentOf(t.jdbi(), contact).hasState("REPLIED");
      assertThat(ResendEventsTest.signed(t, "msg_in_1", inbound).json().get("status").asText())
          .isEqualTo("duplicate");
    }
  }

  @Test
  void aSuppressedEventStopsTheSequenceLikeAHardBounce() {
    try (TestApp t = app()) {
      String contact = signedUpAndMailed(t);
      String message = ResendEventsTest.firstMessageId(t, contact);
      String suppressed =
          "{\"type\":\"email.suppressed\",\"created_at\":\"2026-03-02T14:00:05Z\",\"data\":"
              + "{\"email_id\":\""
              + message
              + "\",\"suppressed\":{\"type\":\"suppressed\",\"reason\":\"previous_bounce\"}}}";
      assertThat(ResendEventsTest.signed(t, "msg_s_1", suppressed).status()).isEqualTo(200);
      assertThatEnrollmentOf(t.jdbi(), contact).isStopped();
      assertThat(one(t, "select reason from suppressions")).isEqualTo("BOUNCED");
    }
  }

  private static String signedUpAndMailed(TestApp t) {
    String contact = t.signup("ana@example.ca", "Ana");
    t.assess("ana@example.ca", 0, 0);
    t.runDue();
    assertThat(t.outboxTemplates("ana@example.ca")).containsExactly("email_1");
    return contact;
  }

  private static String one(TestApp t, String sql) {
    String value = t.jdbi().withHandle(h -> h.createQuery(sql).mapTo(String.class).one());
    return value;
  }

  private static Http.Response reply(TestApp t, String body) {
    return t.postWebhook("/webhook/reply", body);
  }
}
