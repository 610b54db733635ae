package ca.businessx.nurture.admin;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.support.LogCapture;
import ca.businessx.nurture.support.RawHttp;
import ca.businessx.nurture.support.TestApp;
import ca.businessx.nurture.support.TestDatabases;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without ADMIN_TOKEN, "this machine" means a request made here, straight to a loopback name: not a
 * visitor relayed by a proxy on this machine, nor a DNS-rebinding page under its own name.
 */
class AdminAccessTest {
  @TempDir Path dir;

  @Test
  void onlyDirectLocalRequestsReachTheAdminRoutesWithoutAToken() {
    try (LogCapture logs = new LogCapture();
        TestApp t = new TestApp(dir, TestDatabases.Kind.SQLITE, Map.of())) {
      int port = t.app.port();
      t.signup("ana@example.ca", "Ana");
      for (String host :
          new String[] {"127.0.0.1:" + port, "localhost:" + port, "localhost", "[::1]:" + port}) {
        assertThat(RawHttp.get(port, "/api/outbox", host).status()).as(host).isEqualTo(200);
      }
      assertThat(RawHttp.get(port, "/console", "LOCALHOST:" + port).status()).isEqualTo(200);

      for (String path : new String[] {"/api/outbox", "/metrics", "/console", "/api/emails"}) {
        RawHttp.Response proxied =
            RawHttp.get(port, path, "127.0.0.1:" + port, "X-Forwarded-For: 203.0.113.9");
        assertThat(proxied.status()).as(path + " through a proxy").isEqualTo(403);
        assertThat(proxied.body()).contains("set ADMIN_TOKEN").doesNotContain("ana@example.ca");
      }
      for (String header :
          new String[] {
            "Forwarded: for=203.0.113.9",
            "X-Real-IP: 203.0.113.9",
            "X-Forwarded-Host: nurture.example"
          }) {
        assertThat(RawHttp.get(port, "/api/outbox", "localhost", header).status())
            .as(header)
            .isEqualTo(403);
      }
      RawHttp.Response rebound = RawHttp.get(port, "/api/outbox", "attacker.example:" + port);
      assertThat(rebound.status()).as("DNS rebinding").isEqualTo(403);
      assertThat(rebound.body()).contains("ADMIN_TOKEN").doesNotContain("ana@example.ca");
      assertThat(RawHttp.get(port, "/api/outbox", "127.0.0.1.attacker.example").status())
          .isEqualTo(403);

      assertThat(RawHttp.get(port, "/health/live", "attacker.example").status())
          .as("health stays open to the load balancer")
          .isEqualTo(200);
      assertThat(logs.lines().stream().filter(l -> l.contains("ADMIN_TOKEN is not set")))
          .as("one warning at start")
          .hasSize(1);
    }
  }
}
