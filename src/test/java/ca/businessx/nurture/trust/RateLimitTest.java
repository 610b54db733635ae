package ca.businessx.nurture.trust;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.support.Http;
import ca.businessx.nurture.support.TestApp;
import ca.businessx.nurture.support.TestDatabases;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RateLimitTest {
  @TempDir Path dir;

  @Test
  void aFloodFromOneAddressGets429WithRetryAfterAfterTheBurst() {
    try (TestApp t =
        new TestApp(
            dir,
            TestDatabases.Kind.SQLITE,
            Map.of("WEBHOOK_RATE_LIMIT", "1", "WEBHOOK_RATE_BURST", "5"))) {
      List<Integer> statuses = new ArrayList<>();
      Http.Response last = null;
      for (int i = 0; i < 8; i++) {
        last = t.http.postJson("/webhook/signup", "{\"email\":\"flood" + i + "@example.ca\"}");
        statuses.add(last.status());
      }
      assertThat(statuses.subList(0, 5)).containsOnly(201);
      assertThat(statuses.subList(5, 8)).containsOnly(429);
      assertThat(last.header("Retry-After")).isPresent();
      assertThat(last.json().get("error").asText()).isEqualTo("rate_limited");
      assertThat(t.http.get("/health/live").status())
          .as("other routes are not limited")
          .isEqualTo(200);
    }
  }
}
