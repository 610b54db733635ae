package ca.businessx.nurture.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.businessx.nurture.alert.sms.FakeTwilio;
import ca.businessx.nurture.support.TestApp;
import ca.businessx.nurture.support.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service with SENTRY_DSN pointing at a local envelope endpoint: an HTTP 500 and a job that
 * gave up arrive as events tagged with node, role and release, with no address, name or secret.
 */
class SentryEndToEndTest {
  static final String ADMIN = "adm1n-t0ken-0123456789abcdef0123456789";
  @TempDir Path dir;
  final FakeSentry sentry = FakeSentry.start();
  final FakeTwilio twilio = FakeTwilio.start();
  TestApp t;

  @AfterEach
  void stop() {
    if (t != null) {
      t.close();
    }
    sentry.close();
    twilio.close();
  }

  TestApp start(Map<String, String> more) {
    Map<String, String> env = new HashMap<>(more);
    env.put("SENTRY_DSN", sentry.dsn());
    env.put("SENTRY_ENVIRONMENT", "test");
    env.put("NURTURE_NODE_NAME", "node-7");
    env.put("ADMIN_TOKEN", ADMIN);
    t = new TestApp(dir, TestDatabases.Kind.SQLITE, env);
    return t;
  }

  JsonNode awaitEvent(String loggerEndsWith) {
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                sentry.events().stream()
                    .anyMatch(e -> e.path("logger").asText().endsWith(loggerEndsWith)));
    return sentry.events().stream()
        .filter(e -> e.path("logger").asText().endsWith(loggerEndsWith))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void anHttp500IsAnEventTaggedWithNodeRoleAndReleaseAndScrubbed() {
    start(Map.of());
    t.signup("ana@example.ca", "Ana");
    t.app.database().close();
    assertThat(
            t.http
                .postJson(
                    "/webhook/signup",
                    "{\"email\":\"zoe@example.ca\",\"first_name\":\"Zoé\",\"name\":\"Zoé Gagnon\"}")
                .status())
        .isEqualTo(500);

    JsonNode event = awaitEvent("platform.Web");
    assertThat(event.path("level").asText()).isEqualTo("error");
    assertThat(event.path("tags").path("node").asText()).isEqualTo("node-7");
    assertThat(event.path("tags").path("role").asText()).isEqualTo("all");
    assertThat(event.path("release").asText()).startsWith("nurture@");
    assertThat(event.path("environment").asText()).isEqualTo("test");
    assertThat(event.path("exception").path("values")).isNotEmpty();
    assertThat(sentry.everythingSent())
        .doesNotContain("@example.ca", "Zoé", "Gagnon", "Ana", "Tremblay", ADMIN);
  }

  @Test
  void aJobThatGaveUpAfterItsLastRetryIsAnEvent() {
    Map<String, String> env = new HashMap<>(twilio.env("+15145550100"));
    env.put("SMS_RETRIES", "0");
    start(env);
    twilio.inject(FakeTwilio.Fault.HTTP_500, 1);
    t.signup("ana@example.ca", "Ana");
    t.assess("ana@example.ca", 3, 0);
    t.runDue();

    JsonNode event = awaitEvent("alert.SmsTasks");
    assertThat(event.path("message").path("formatted").asText())
        .isEqualTo("gave up texting …0100 about a critical lead");
    assertThat(sentry.everythingSent())
        .doesNotContain("@example.ca", "Ana", "Tremblay", FakeTwilio.TOKEN, ADMIN);
  }
}
