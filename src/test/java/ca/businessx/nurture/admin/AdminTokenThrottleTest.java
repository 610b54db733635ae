package ca.businessx.nurture.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.businessx.nurture.platform.ConfigException;
import ca.businessx.nurture.platform.ConfigLoader;
import ca.businessx.nurture.support.Http;
import ca.businessx.nurture.support.TestApp;
import ca.businessx.nurture.support.TestDatabases;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin token is long, and guessing it is slowed to a crawl per client. */
class AdminTokenThrottleTest {
  static final String TOKEN = "0123456789abcdef0123456789abcdef";
  @TempDir Path dir;

  @Test
  void aShortTokenStopsTheStartWithHowToMakeOne() {
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("ADMIN_TOKEN", "hunter2-hunter2")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("ADMIN_TOKEN must be at least 32 characters")
        .hasMessageContaining("openssl rand -hex 32")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
    assertThat(ConfigLoader.load(Map.of("ADMIN_TOKEN", TOKEN)).adminToken()).contains(TOKEN);
  }

  @Test
  void wrongBearerTokensLockTheClientOutForLongerAndLonger() {
    try (TestApp t = new TestApp(dir, TestDatabases.Kind.SQLITE, Map.of("ADMIN_TOKEN", TOKEN))) {
      Http guesser = new Http(t.app.port()).bearer("0123456789abcdef0123456789abcdee");
      Http admin = new Http(t.app.port()).bearer(TOKEN);
      for (int i = 0; i < 4; i++) {
        assertThat(guesser.get("/api/emails").status()).as("guess " + i).isEqualTo(401);
      }
      Http.Response locked = admin.get("/api/emails");
      assertThat(locked.status()).as("even the right token waits").isEqualTo(429);
      assertThat(locked.header("Retry-After")).contains("1");
      t.clock.tick(Duration.ofMillis(1100));
      assertThat(guesser.get("/api/emails").status()).isEqualTo(401);
      Http.Response longer = admin.get("/api/emails");
      assertThat(longer.status()).isEqualTo(429);
      assertThat(longer.header("Retry-After")).as("doubled").contains("2");
      t.clock.tick(Duration.ofSeconds(2));
      assertThat(admin.get("/api/emails").status()).isEqualTo(200);
      assertThat(guesser.get("/api/emails").status())
          .as("a right token forgives the client's record")
          .isEqualTo(401);

      String metrics = admin.get("/metrics").body();
      assertThat(metrics)
          .contains("nurture_admin_auth_failures_total{surface=\"api\"} 6.0")
          .contains("nurture_admin_auth_throttled_total{surface=\"api\"} 2.0")
          .contains("nurture_admin_auth_failures_total{surface=\"login\"} 0.0");
    }
  }

  @Test
  void wrongLoginsAreThrottledPerClientBehindTheProxy() {
    try (TestApp t = new TestApp(dir, TestDatabases.Kind.SQLITE, Map.of("ADMIN_TOKEN", TOKEN))) {
      for (int i = 0; i < 4; i++) {
        assertThat(login(t, "wrong-" + i, "198.51.100.7")).isEqualTo(401);
      }
      Http.Response refused = loginResponse(t, TOKEN, "198.51.100.7");
      assertThat(refused.status()).isEqualTo(429);
      assertThat(refused.header("Retry-After")).isPresent();
      assertThat(login(t, TOKEN, "198.51.100.8")).as("another client logs in").isEqualTo(302);
      assertThat(new Http(t.app.port()).bearer(TOKEN).get("/metrics").body())
          .contains("nurture_admin_auth_failures_total{surface=\"login\"} 4.0")
          .contains("nurture_admin_auth_throttled_total{surface=\"login\"} 1.0");
    }
  }

  static int login(TestApp t, String token, String client) {
    return loginResponse(t, token, client).status();
  }

  static Http.Response loginResponse(TestApp t, String token, String client) {
    return t.http.send(
        HttpRequest.newBuilder(URI.create(t.http.base() + "/console/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Forwarded-For", client)
            .POST(HttpRequest.BodyPublishers.ofString("token=" + token))
            .build());
  }
}
