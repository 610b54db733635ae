package ca.businessx.nurture.trust;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.support.Http;
import ca.businessx.nurture.support.Signing;
import ca.businessx.nurture.support.TestApp;
import ca.businessx.nurture.support.TestDatabases;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A captured signed webhook cannot be posted again, on this node or another, and a timestamp may
 * run at most 30 s ahead of the server's clock.
 */
class WebhookReplayTest {
  static final String SECRET = "website-shared-secret";
  @TempDir Path dir;

  @Test
  void aSignedRequestIsAcceptedOnceAndTheReplayRefused() {
    try (TestApp t =
        new TestApp(dir, TestDatabases.Kind.SQLITE, Map.of("WEBHOOK_SECRET", SECRET))) {
      long ts = t.clock.instant().getEpochSecond();
      String body = "{\"email\":\"once@example.ca\",\"first_name\":\"Once\"}";
      assertThat(post(t, body, ts).status()).isEqualTo(201);
      Http.Response replay = post(t, body, ts);
      assertThat(replay.status()).isEqualTo(401);
      assertThat(replay.json().get("error").asText()).isEqualTo("replayed_signature");
      t.clock.tick(java.time.Duration.ofMinutes(4));
      assertThat(post(t, body, ts).status()).as("still refused later in the window").isEqualTo(401);
      assertThat(post(t, body, t.clock.instant().getEpochSecond()).status())
          .as("signed afresh, the same lead is welcome")
          .isEqualTo(200);
    }
  }

  @Test
  void aTimestampMoreThan30SecondsAheadIsRefused() {
    try (TestApp t =
        new TestApp(dir, TestDatabases.Kind.SQLITE, Map.of("WEBHOOK_SECRET", SECRET))) {
      long now = t.clock.instant().getEpochSecond();
      String early = "{\"email\":\"early@example.ca\"}";
      Http.Response ahead = post(t, early, now + 31);
      assertThat(ahead.status()).isEqualTo(401);
      assertThat(ahead.json().get("message").asText()).contains("30 s ahead");
      assertThat(post(t, "{\"email\":\"skew@example.ca\"}", now + 30).status()).isEqualTo(201);
    }
  }

  @Test
  void aReplayToAnotherNodeOnTheSameDatabaseIsRefused() {
    Map<String, String> shared = new HashMap<>(TestDatabases.env(TestDatabases.Kind.POSTGRESQL));
    shared.put("WEBHOOK_SECRET", SECRET);
    Map<String, String> a = new HashMap<>(shared);
    a.put("NURTURE_NODE_NAME", "node-a");
    Map<String, String> b = new HashMap<>(shared);
    b.put("NURTURE_NODE_NAME", "node-b");
    try (TestApp one = new TestApp(dir.resolve("a"), TestDatabases.Kind.SQLITE, a);
        TestApp two = new TestApp(dir.resolve("b"), TestDatabases.Kind.SQLITE, b)) {
      long ts = one.clock.instant().getEpochSecond();
      String body = "{\"email\":\"twice@example.ca\"}";
      assertThat(post(one, body, ts).status()).isEqualTo(201);
      assertThat(post(two, body, ts).status()).isEqualTo(401);
    }
  }

  static Http.Response post(TestApp t, String body, long timestamp) {
    return t.http.send(
        HttpRequest.newBuilder(URI.create(t.http.base() + "/webhook/signup"))
            .header("Content-Type", "application/json")
            .header("X-Nurture-Timestamp", Long.toString(timestamp))
            .header("X-Nurture-Signature", Signing.nurture(SECRET, timestamp, body))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }
}
