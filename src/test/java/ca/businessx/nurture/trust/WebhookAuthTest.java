package ca.businessx.nurture.trust;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.support.Http;
import ca.businessx.nurture.support.Signing;
import ca.businessx.nurture.support.TestApp;
import ca.businessx.nurture.support.TestDatabases;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With WEBHOOK_SECRET set, only signed, fresh requests may enroll leads. */
class WebhookAuthTest {
  static final String SECRET = "website-shared-secret";
  static final String BODY = "{\"email\":\"signed@example.ca\",\"first_name\":\"Sig\"}";
  @TempDir static Path dir;
  static TestApp t;

  @BeforeAll
  static void start() {
    t =
        new TestApp(
            dir,
            TestDatabases.Kind.SQLITE,
            Map.of("WEBHOOK_SECRET", SECRET, "CORS_ORIGINS", "https://businessx.ca"));
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  long now() {
    return t.clock.instant().getEpochSecond();
  }

  Http.Response post(String body, String timestamp, String signature, String origin) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + t.app.port() + "/webhook/signup"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (timestamp != null) {
      b.header("X-Nurture-Timestamp", timestamp);
    }
    if (signature != null) {
      b.header("X-Nurture-Signature", signature);
    }
    if (origin != null) {
      b.header("Origin", origin);
    }
    return t.http.send(b.build());
  }

  @Test
  void aSignedFreshRequestIsAccepted() {
    long ts = now();
    Http.Response r = post(BODY, Long.toString(ts), Signing.nurture(SECRET, ts, BODY), null);
    assertThat(r.status()).isIn(200, 201);
  }

  @Test
  void anUnsignedRequestIsRefused() {
    Http.Response r = t.http.postJson("/webhook/signup", "{\"email\":\"unsigned@example.ca\"}");
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.json().get("message").asText()).contains("missing X-Nurture-Timestamp");
    assertNotStored("unsigned@example.ca");
  }

  @Test
  void aBadSignatureIsRefused() {
    long ts = now();
    String forged = Signing.nurture("not-the-secret", ts, BODY);
    Http.Response r = post(BODY.replace("signed@", "forged@"), Long.toString(ts), forged, null);
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.json().get("message").asText()).contains("does not match");
    Http.Response tampered =
        post(
            BODY.replace("signed@", "tampered@"),
            Long.toString(ts),
            Signing.nurture(SECRET, ts, BODY),
            null);
    assertThat(tampered.status()).isEqualTo(401);
    assertNotStored("forged@example.ca");
    assertNotStored("tampered@example.ca");
  }

  @Test
  void aStaleTimestampIsRefused() {
    long stale = now() - 301;
    String body = BODY.replace("signed@", "stale@");
    Http.Response r = post(body, Long.toString(stale), Signing.nurture(SECRET, stale, body), null);
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.json().get("message").asText()).contains("more than 5 minutes");
    assertNotStored("stale@example.ca");
  }

  @Test
  void onlyListedOriginsMayPostFromABrowser() {
    long ts = now();
    String body = BODY.replace("signed@", "origin@");
    Http.Response other =
        post(body, Long.toString(ts), Signing.nurture(SECRET, ts, body), "https://evil.example");
    assertThat(other.status()).isEqualTo(403);
    Http.Response ours =
        post(body, Long.toString(ts), Signing.nurture(SECRET, ts, body), "https://businessx.ca");
    assertThat(ours.status()).isIn(200, 201);
    assertThat(ours.header("Access-Control-Allow-Origin")).contains("https://businessx.ca");
    Http.Response preflight =
        t.http.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + t.app.port() + "/webhook/signup"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://businessx.ca")
                .header("Access-Control-Request-Method", "POST")
                .build());
    assertThat(preflight.status()).isEqualTo(204);
    assertThat(preflight.header("Access-Control-Allow-Headers").orElse(""))
        .contains("X-Nurture-Signature");
  }

  static void assertNotStored(String email) {
    int n =
        t.jdbi()
            .withHandle(
                h ->
                    h.createQuery("select count(*) from contacts where email = :e")
                        .bind("e", email)
                        .mapTo(Integer.class)
                        .one());
    assertThat(n).isZero();
  }
}
