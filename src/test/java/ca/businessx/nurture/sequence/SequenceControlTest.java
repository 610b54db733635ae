package ca.businessx.nurture.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.support.FlakySender;
import ca.businessx.nurture.support.Http;
import ca.businessx.nurture.support.TestApp;
import ca.businessx.nurture.support.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The operator actions through the JSON API, on both databases, with the scheduler stepped by hand.
 */
class SequenceControlTest {
  static final Duration HOUR = Duration.ofHours(1);
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void retryResendsAParkedEmailAndTheSequenceCarriesOn(TestDatabases.Kind kind) {
    FlakySender sender = new FlakySender().refuse("pat@example.ca");
    try (TestApp t = new TestApp(dir, kind, Map.of(), b -> b.emailSender(sender))) {
      String id = t.signup("pat@example.ca", "Pat");
      t.assess("pat@example.ca", 2, 0);
      t.advance(HOUR, HOUR);
      JsonNode email = t.http.get("/api/emails?contact_id=" + id).json().at("/emails/0");
      assertThat(email.get("state").asText()).isEqualTo("PARKED");
      assertThat(t.http.postJson("/api/contacts/" + id + "/send-next", "").status())
          .as("paused")
          .isEqualTo(409);

      sender.accept("pat@example.ca");
      Http.Response retried =
          t.http.postJson("/api/emails/" + email.get("id").asText() + "/retry", "");
      assertThat(retried.status()).isEqualTo(200);
      assertThat(retried.json().at("/email/state").asText()).isEqualTo("PENDING");
      assertThat(retried.json().at("/email/attempts").asInt()).isZero();
      assertThat(t.http.postJson("/api/emails/" + email.get("id").asText() + "/retry", "").status())
          .as("no longer parked")
          .isEqualTo(409);
      t.runDue();
      assertThat(sender.delivered).extracting(e -> e.templateKey()).containsExactly("email_1");
      t.advance(Duration.ofDays(8), HOUR);
      assertThat(sender.delivered).hasSize(5);
      assertThat(t.http.get("/api/contacts/" + id).json().at("/enrollment/state").asText())
          .isEqualTo("COMPLETED");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void skipMovesOnToTheNextStepAfterItsWait(TestDatabases.Kind kind) {
    FlakySender sender = new FlakySender().refuse("sam@example.ca");
    try (TestApp t = new TestApp(dir, kind, Map.of(), b -> b.emailSender(sender))) {
      String id = t.signup("sam@example.ca", "Sam");
      t.assess("sam@example.ca", 0, 0);
      t.advance(HOUR, HOUR);
      String parked = t.http.get("/api/emails?contact_id=" + id).json().at("/emails/0/id").asText();
      sender.accept("sam@example.ca");
      assertThat(
              t.http
                  .postJson("/api/emails/" + parked + "/skip", "")
                  .json()
                  .at("/email/state")
                  .asText())
          .isEqualTo("SKIPPED");
      JsonNode enrollment = t.http.get("/api/contacts/" + id).json().get("enrollment");
      assertThat(enrollment.get("state").asText()).isEqualTo("ACTIVE");
      assertThat(enrollment.get("current_step").asInt()).isEqualTo(2);
      t.advance(Duration.ofHours(23), HOUR);
      assertThat(sender.delivered).as("email 2 waits its 24 h from the skip").isEmpty();
      t.advance(Duration.ofDays(8), HOUR);
      assertThat(sender.delivered)
          .extracting(e -> e.templateKey())
          .containsExactly("email_2c", "email_3", "email_4", "email_5c");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void sendNextBringsTheNextEmailForwardAndStopEndsTheSequence(TestDatabases.Kind kind) {
    FlakySender sender = new FlakySender();
    try (TestApp t = new TestApp(dir, kind, Map.of(), b -> b.emailSender(sender))) {
      String id = t.signup("lee@example.ca", "Lee");
      t.assess("lee@example.ca", 1, 0);
      t.advance(HOUR, HOUR);
      assertThat(sender.delivered).hasSize(1);
      assertThat(
              t.http
                  .postJson("/api/contacts/" + id + "/send-next", "")
                  .json()
                  .at("/enrollment/current_step")
                  .asInt())
          .isEqualTo(2);
      t.runDue();
      assertThat(sender.delivered)
          .extracting(e -> e.templateKey())
          .containsExactly("email_1", "email_2b");

      Http.Response stopped = t.http.postJson("/api/contacts/" + id + "/stop", "");
      assertThat(stopped.json().at("/enrollment/state").asText()).isEqualTo("STOPPED");
      assertThat(t.http.postJson("/api/contacts/" + id + "/stop", "").status()).isEqualTo(409);
      assertThat(t.http.postJson("/api/contacts/nobody/stop", "").status()).isEqualTo(404);
      long due =
          t.jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "select count(*) from enrollments where next_due_at is not null")
                          .mapTo(Long.class)
                          .one());
      assertThat(due).as("a stopped sequence is never due").isZero();
      t.advance(Duration.ofDays(8), HOUR);
      assertThat(sender.delivered).hasSize(2);
      assertThat(t.http.get("/api/contacts/" + id).json().get("timeline").toString())
          .contains("sequence_stopped");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void actionsRefuseAnotherSiteAndFollowTheAdminToken(TestDatabases.Kind kind) {
    try (TestApp t =
        new TestApp(dir, kind, Map.of("ADMIN_TOKEN", "tok-123456-sequence-control-test-token"))) {
      String id = t.signup("kim@example.ca", "Kim");
      t.assess("kim@example.ca", 0, 0);
      assertThat(t.http.postJson("/api/contacts/" + id + "/stop", "").status()).isEqualTo(401);
      Http admin = new Http(t.app.port()).bearer("tok-123456-sequence-control-test-token");
      var foreign =
          java.net.http.HttpRequest.newBuilder(
                  java.net.URI.create(
                      "http://127.0.0.1:" + t.app.port() + "/api/contacts/" + id + "/stop"))
              .header("Authorization", "Bearer tok-123456-sequence-control-test-token")
              .header("Origin", "https://evil.example")
              .POST(java.net.http.HttpRequest.BodyPublishers.noBody())
              .build();
      assertThat(admin.send(foreign).status()).isEqualTo(403);
      assertThat(admin.postJson("/api/contacts/" + id + "/stop", "").status()).isEqualTo(200);
    }
  }
}
