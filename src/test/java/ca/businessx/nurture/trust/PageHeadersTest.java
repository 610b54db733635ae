package ca.businessx.nurture.trust;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.support.Http;
import ca.businessx.nurture.support.TestApp;
import ca.businessx.nurture.support.TestDatabases;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Console and unsubscribe pages cannot be framed by another site, sniffed, or run a script. */
class PageHeadersTest {
  @TempDir Path dir;

  @Test
  void consolePagesForbidFramingAndScripts() {
    try (TestApp t = new TestApp(dir, TestDatabases.Kind.SQLITE, Map.of())) {
      for (String path : new String[] {"/console", "/console/leads", "/console/templates"}) {
        Http.Response page = t.http.get(path);
        assertThat(page.status()).isEqualTo(200);
        String policy = page.header("Content-Security-Policy").orElse("");
        assertThat(policy)
            .as(path)
            .contains("frame-ancestors 'none'", "default-src 'none'", "form-action 'self'")
            .doesNotContain("script-src");
        assertThat(page.header("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.header("Referrer-Policy")).contains("same-origin");
        assertThat(page.header("X-Frame-Options")).contains("DENY");
      }
    }
  }

  @Test
  void theLoginPageAndRefusalsCarryThemToo() {
    try (TestApp t =
        new TestApp(
            dir,
            TestDatabases.Kind.SQLITE,
            Map.of("ADMIN_TOKEN", "page-headers-test-token-0123456789ab"))) {
      Http.Response login = t.http.get("/console/login");
      assertThat(login.status()).isEqualTo(200);
      assertThat(login.header("Content-Security-Policy").orElse(""))
          .contains("frame-ancestors 'none'");
      assertThat(t.http.get("/console").header("X-Frame-Options")).contains("DENY");
    }
  }

  @Test
  void unsubscribePagesForbidFramingAndLeakNoReferrer() {
    try (TestApp t =
        new TestApp(
            dir, TestDatabases.Kind.SQLITE, Map.of("PUBLIC_BASE_URL", "https://nurture.example"))) {
      t.signup("ana@example.ca", "Ana");
      t.assess("ana@example.ca", 0, 0);
      t.runDue();
      String token = UnsubscribeTest.tokenIn(t, "ana@example.ca");
      for (String path : new String[] {"/unsubscribe/" + token, "/unsubscribe/forged.token"}) {
        Http.Response page = t.http.get(path);
        assertThat(page.body()).contains("<");
        assertThat(page.header("Content-Security-Policy").orElse(""))
            .as(path)
            .contains("frame-ancestors 'none'", "default-src 'none'");
        assertThat(page.header("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.header("Referrer-Policy")).contains("no-referrer");
      }
    }
  }
}
