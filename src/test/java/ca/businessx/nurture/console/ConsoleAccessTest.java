package ca.businessx.nurture.console;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.support.FlakySender;
import ca.businessx.nurture.support.Http;
import ca.businessx.nurture.support.TestApp;
import ca.businessx.nurture.support.TestDatabases;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who gets into the console, and that its forms cannot be posted from elsewhere. */
class ConsoleAccessTest {
  static final String TOKEN = "console-token-42-long-enough-for-the-rule";
  @TempDir Path dir;
  final HttpClient client = HttpClient.newHttpClient();

  @Test
  void withATokenPeopleLogInAndGetAStrictHttpOnlyCookie() throws Exception {
    try (TestApp t = new TestApp(dir, TestDatabases.Kind.SQLITE, Map.of("ADMIN_TOKEN", TOKEN))) {
      String base = "http://127.0.0.1:" + t.app.port();
      HttpResponse<String> anonymous = get(base + "/console", null);
      assertThat(anonymous.statusCode()).isEqualTo(302);
      assertThat(anonymous.headers().firstValue("Location")).contains("/console/login");
      assertThat(post(base + "/console/login", "token=wrong", null).statusCode()).isEqualTo(401);

      HttpResponse<String> login = post(base + "/console/login", "token=" + TOKEN, null);
      assertThat(login.statusCode()).isEqualTo(302);
      String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
      assertThat(setCookie)
          .contains("HttpOnly", "SameSite=Strict", "Path=/console")
          .doesNotContain(TOKEN);
      String cookie = setCookie.substring(0, setCookie.indexOf(';'));
      assertThat(get(base + "/console", cookie).body())
          .contains("Sequence funnel by segment", "Log out");

      String tampered = cookie.substring(0, cookie.length() - 2) + "xx";
      assertThat(get(base + "/console", tampered).statusCode()).isEqualTo(302);
      HttpResponse<String> bearer =
          client.send(
              HttpRequest.newBuilder(URI.create(base + "/console/leads"))
                  .header("Authorization", "Bearer " + TOKEN)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(bearer.statusCode()).as("scripts may use the bearer header").isEqualTo(200);
    }
  }

  @Test
  void formsNeedTheSessionsCsrfTokenAndTheSameOrigin() throws Exception {
    FlakySender sender = new FlakySender().refuse("pat@example.ca");
    try (TestApp t =
        new TestApp(
            dir,
            TestDatabases.Kind.SQLITE,
            Map.of("ADMIN_TOKEN", TOKEN),
            b -> b.emailSender(sender))) {
      String base = "http://127.0.0.1:" + t.app.port();
      String id = t.signup("pat@example.ca", "Pat");
      t.assess("pat@example.ca", 1, 0);
      t.advance(Duration.ofMinutes(1), Duration.ofMinutes(1));
      HttpResponse<String> login = post(base + "/console/login", "token=" + TOKEN, null);
      String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
      String page = get(base + "/console/leads/" + id, cookie).body();
      assertThat(page)
          .contains("pat@example.ca", "PARKED", "recipient domain rejected", "signed_up");
      String csrf = field(page, "csrf");
      String emailId =
          new Http(t.app.port())
              .bearer(TOKEN)
              .get("/api/emails?contact_id=" + id)
              .json()
              .at("/emails/0/id")
              .asText();
      String action = base + "/console/emails/" + emailId + "/retry";

      assertThat(post(action, "csrf=forged", cookie).statusCode()).isEqualTo(403);
      HttpResponse<String> crossSite =
          client.send(
              HttpRequest.newBuilder(URI.create(action))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .header("Cookie", cookie)
                  .header("Origin", "https://evil.example")
                  .POST(HttpRequest.BodyPublishers.ofString("csrf=" + csrf))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(crossSite.statusCode()).isEqualTo(403);

      HttpResponse<String> ok = post(action, "csrf=" + csrf + "&back=/console/follow-up", cookie);
      assertThat(ok.statusCode()).isEqualTo(302);
      assertThat(ok.headers().firstValue("Location").orElseThrow())
          .startsWith("/console/follow-up?notice=");
      HttpResponse<String> again =
          post(action, "csrf=" + csrf + "&back=https://evil.example/", cookie);
      assertThat(again.headers().firstValue("Location").orElseThrow())
          .as("no open redirect; the conflict is reported")
          .startsWith("/console?error=");
    }
  }

  @Test
  void withoutATokenTheConsoleAnswersThisMachineWithoutLogin() throws Exception {
    try (TestApp t = new TestApp(dir, TestDatabases.Kind.SQLITE, Map.of())) {
      String base = "http://127.0.0.1:" + t.app.port();
      t.signup("zoe@example.ca", "Zoe");
      assertThat(get(base + "/console", null).statusCode()).isEqualTo(200);
      assertThat(get(base + "/console/leads?q=ZOE", null).body()).contains("zoe@example.ca");
      assertThat(get(base + "/console/leads?q=nobody", null).body()).contains("No lead matches");
      assertThat(get(base + "/console/templates?key=email_2b&segment=URGENT", null).body())
          .contains("id=\"template-key\">email_2b<", "srcdoc=")
          .containsPattern("id=\"origin\">(default|config)<");
      assertThat(get(base + "/console/login", null).statusCode()).isEqualTo(302);
      assertThat(get(base + "/openapi.json", null).body())
          .contains("\"openapi\": \"3.0.3\"", "/api/emails/{id}/retry");
      assertThat(new Http(t.app.port()).get("/health/ready").json().get("migrations").asText())
          .isEqualTo("done");
    }
  }

  private HttpResponse<String> get(String url, String cookie)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String url, String form, String cookie)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String field(String html, String name) {
    Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(html);
    assertThat(m.find()).as("a " + name + " field").isTrue();
    return m.group(1);
  }
}
