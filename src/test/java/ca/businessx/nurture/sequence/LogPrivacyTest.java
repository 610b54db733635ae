package ca.businessx.nurture.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.support.LogCapture;
import ca.businessx.nurture.support.TestApp;
import ca.businessx.nurture.support.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A full run logs what happened by id, never a lead's address or name, nor the admin token. */
class LogPrivacyTest {
  @TempDir Path dir;

  @Test
  void aFullRunLogsNoPersonalData() {
    try (LogCapture logs = new LogCapture();
        TestApp t =
            new TestApp(
                dir,
                TestDatabases.Kind.SQLITE,
                Map.of(
                    "TESTING_MODE",
                    "true",
                    "ADMIN_TOKEN",
                    "admin-token-value-long-enough-for-the-rule",
                    "NURTURE_SECRET",
                    "signing-secret-value",
                    "RESEND_WEBHOOK_SECRET",
                    "whsec_c2VjcmV0LXdlYmhvb2sta2V5LXZhbHVlLTEyMzQ1Ng=="))) {
      t.signup("zoe.private@example.ca", "Zoelle");
      t.assess("zoe.private@example.ca", 2, 0);
      t.http.postJson(
          "/webhook/assessment",
          "{\"email\":\"ghost.private@example.ca\",\"red_systems\":1,"
              + "\"orange_systems\":0,\"yellow_systems\":0,\"green_systems\":0}");
      t.http.postJson("/webhook/signup", "{\"email\":\"not-an-email\",\"name\":\"Secretname\"}");
      t.advance(Duration.ofMinutes(11), Duration.ofSeconds(30));
      assertThat(t.outboxTemplates("zoe.private@example.ca")).hasSize(5);
      String html =
          t.jdbi()
              .withHandle(
                  h -> h.createQuery("select html from outbox limit 1").mapTo(String.class).one());
      String token = html.replaceAll("(?s).*/unsubscribe/([A-Za-z0-9_.-]+).*", "$1");
      t.http.post(
          "/unsubscribe/" + token,
          "application/x-www-form-urlencoded",
          "List-Unsubscribe=One-Click");
      t.http.postJson("/webhook/resend", "{\"type\":\"email.bounced\"}");
      // A repeated signup proposing a new name, asking to be mailed again: the confirmation email.
      t.http.postJson(
          "/webhook/signup",
          "{\"email\":\"zoe.private@example.ca\",\"first_name\":\"Otherzoe\",\"consent\":true}");
      t.runDue();
      String confirm =
          t.jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "select html from outbox where template_key = 'resubscribe_confirm'")
                          .mapTo(String.class)
                          .one());
      t.http.post(
          confirm.replaceAll("(?s).*https?://[^/]+(/resubscribe/[A-Za-z0-9_.-]+).*", "$1"),
          "application/x-www-form-urlencoded",
          "");

      assertThat(logs.lines())
          .isNotEmpty()
          .noneSatisfy(
              line ->
                  assertThat(line)
                      .containsAnyOf(
                          "zoe.private",
                          "ghost.private",
                          "not-an-email",
                          "Zoelle",
                          "Tremblay",
                          "Secretname",
                          "Otherzoe",
                          "admin-token-value-long-enough-for-the-rule",
                          "signing-secret-value",
                          "whsec_",
                          "c2VjcmV0LXdlYmhvb2sta2V5"));
    }
  }
}
