package ca.businessx.nurture.trust;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.support.RawHttp;
import ca.businessx.nurture.support.TestApp;
import ca.businessx.nurture.support.TestDatabases;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What Jetty refuses before Javalin sees it is answered in JSON like every other error. */
class JettyErrorsTest {
  @TempDir static Path dir;
  static TestApp t;

  @BeforeAll
  static void start() {
    t = new TestApp(dir, TestDatabases.Kind.SQLITE, Map.of());
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  @Test
  void aBadEscapeInThePathIsA400InJson() {
    RawHttp.Response r = RawHttp.get(t.app.port(), "/%zz", "localhost");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.head()).containsIgnoringCase("Content-Type: application/json");
    assertThat(r.body()).startsWith("{\"error\":\"bad_request\"").doesNotContain("<html");
  }

  @Test
  void hugeHeadersAreA431InJson() {
    RawHttp.Response r =
        RawHttp.get(t.app.port(), "/health/live", "localhost", "X-Big: " + "a".repeat(20_000));
    assertThat(r.status()).isEqualTo(431);
    assertThat(r.head()).containsIgnoringCase("Content-Type: application/json");
    assertThat(r.body()).contains("\"error\":\"headers_too_large\"").doesNotContain("<html");
  }

  @Test
  void aMalformedRequestLineIsJsonToo() {
    RawHttp.Response r =
        RawHttp.send(t.app.port(), "GET /health/live HTTP/1.1\r\nHost: a\r\nBad Header");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body()).contains("\"error\":").doesNotContain("<html");
  }
}
