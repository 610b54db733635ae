package ca.businessx.nurture.trust;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.support.Http;
import ca.businessx.nurture.support.TestApp;
import ca.businessx.nurture.support.TestDatabases;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Behind a proxy on this machine (the default TRUSTED_PROXIES), each real client has its own limit
 * and its own consent address, however it fills in X-Forwarded-For itself.
 */
class ForwardedForTest {
  @TempDir Path dir;

  @Test
  void rotatingTheForgedPartOfTheHeaderDoesNotEscapeTheLimit() {
    try (TestApp t =
        new TestApp(
            dir,
            TestDatabases.Kind.SQLITE,
            Map.of("WEBHOOK_RATE_LIMIT", "0.1", "WEBHOOK_RATE_BURST", "3"))) {
      List<Integer> attacker = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        // The client wrote the first entry; our proxy appended the address it really saw.
        attacker.add(
            post(t, "a" + i + "@example.ca", "203.0.113." + i + ", 198.51.100.7").status());
      }
      assertThat(attacker.subList(0, 3)).containsOnly(201);
      assertThat(attacker.subList(3, 6)).containsOnly(429);
      assertThat(post(t, "neighbour@example.ca", "198.51.100.8").status())
          .as("another client behind the same proxy keeps its own bucket")
          .isEqualTo(201);
    }
  }

  @Test
  void theConsentRecordKeepsTheClientsAddressNotTheProxys() {
    try (TestApp t = new TestApp(dir, TestDatabases.Kind.SQLITE, Map.of())) {
      assertThat(post(t, "ip@example.ca", "6.6.6.6, 198.51.100.7").status()).isEqualTo(201);
      String ip =
          t.jdbi()
              .withHandle(
                  h ->
                      h.createQuery("select consent_ip from contacts where email = 'ip@example.ca'")
                          .mapTo(String.class)
                          .one());
      assertThat(ip).isEqualTo("198.51.100.7");
    }
  }

  static Http.Response post(TestApp t, String email, String forwardedFor) {
    return t.http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + t.app.port() + "/webhook/signup"))
            .header("Content-Type", "application/json")
            .header("X-Forwarded-For", forwardedFor)
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"email\":\"" + email + "\",\"first_name\":\"Ana\"}"))
            .build());
  }
}
