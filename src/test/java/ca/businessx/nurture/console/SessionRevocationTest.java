package ca.businessx.nurture.console;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.support.TestApp;
import ca.businessx.nurture.support.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stolen console cookie dies with a logout or a new ADMIN_TOKEN, on every node. */
class SessionRevocationTest {
  static final String TOKEN = "session-revocation-test-token-0123456789";
  static final String OTHER = "another-admin-token-after-rotation-0123456";
  @TempDir Path dir;
  final HttpClient client = HttpClient.newHttpClient();

  @Test
  void loggingOutEndsTheSessionAndEveryOther() throws Exception {
    try (TestApp t = app(dir, TOKEN)) {
      String base = t.http.base();
      String mine = logIn(base, TOKEN);
      String stolen = logIn(base, TOKEN);
      assertThat(get(base + "/console", stolen).statusCode()).isEqualTo(200);
      String page = get(base + "/console", mine).body();
      HttpResponse<String> out = post(base + "/console/logout", "csrf=" + csrf(page), mine);
      assertThat(out.statusCode()).isEqualTo(302);
      assertThat(get(base + "/console", mine).statusCode())
          .as("the logged-out cookie, replayed")
          .isEqualTo(302);
      assertThat(get(base + "/console", stolen).statusCode())
          .as("a copy taken before the logout")
          .isEqualTo(302);
      String again = logIn(base, TOKEN);
      assertThat(get(base + "/console", again).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void aNewTokenEndsEarlierSessionsEvenIfTheOldTokenComesBack() throws Exception {
    Path data = dir.resolve("data");
    String cookie;
    try (TestApp t = app(data, TOKEN)) {
      cookie = logIn(t.http.base(), TOKEN);
    }
    try (TestApp t = app(data, TOKEN)) {
      assertThat(get(t.http.base() + "/console", cookie).statusCode())
          .as("a restart with the same token keeps sessions")
          .isEqualTo(200);
    }
    try (TestApp t = app(data, OTHER)) {
      assertThat(get(t.http.base() + "/console", cookie).statusCode()).isEqualTo(302);
    }
    try (TestApp t = app(data, TOKEN)) {
      assertThat(get(t.http.base() + "/console", cookie).statusCode())
          .as("rotating back does not revive it")
          .isEqualTo(302);
    }
  }

  static TestApp app(Path data, String token) {
    return new TestApp(data, TestDatabases.Kind.SQLITE, Map.of("ADMIN_TOKEN", token));
  }

  String logIn(String base, String token) throws Exception {
    HttpResponse<String> r = post(base + "/console/login", "token=" + token, null);
    assertThat(r.statusCode()).isEqualTo(302);
    return r.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
  }

  HttpResponse<String> get(String url, String cookie) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookie).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String url, String form, String cookie) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String csrf(String html) {
    Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(html);
    assertThat(m.find()).as("a csrf field").isTrue();
    return m.group(1);
  }
}
