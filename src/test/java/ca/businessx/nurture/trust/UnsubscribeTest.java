package ca.businessx.nurture.trust;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.support.Http;
import ca.businessx.nurture.support.TestApp;
import ca.businessx.nurture.support.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnsubscribeTest {
  static final Pattern LINK =
      Pattern.compile("https://nurture\\.example/unsubscribe/([A-Za-z0-9_.-]+)");
  @TempDir Path dir;

  TestApp app() {
    return new TestApp(
        dir, TestDatabases.Kind.SQLITE, Map.of("PUBLIC_BASE_URL", "https://nurture.example"));
  }

  static String tokenIn(TestApp t, String email) {
    String html =
        t.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select html from outbox where recipient = :r order by recorded_at limit 1")
                        .bind("r", email)
                        .mapTo(String.class)
                        .one());
    Matcher m = LINK.matcher(html);
    assertThat(m.find()).as("the footer carries the unsubscribe link").isTrue();
    return m.group(1);
  }

  @Test
  void everyEmailCarriesTheOneClickHeadersAndAVisibleLink() {
    try (TestApp t = app()) {
      String id = t.signup("ana@example.ca", "Ana");
      t.assess("ana@example.ca", 0, 0);
      t.runDue();
      String headers =
          t.jdbi()
              .withHandle(
                  h -> h.createQuery("select headers from outbox").mapTo(String.class).one());
      String token = tokenIn(t, "ana@example.ca");
      assertThat(headers)
          .contains("\"List-Unsubscribe\":\"<https://nurture.example/unsubscribe/" + token + ">\"")
          .contains("\"List-Unsubscribe-Post\":\"List-Unsubscribe=One-Click\"");
      assertThat(id).isNotBlank();
    }
  }

  @Test
  void oneClickAfterEmailTwoStopsEverythingForGood() {
    try (TestApp t = app()) {
      String id = t.signup("ana@example.ca", "Ana");
      t.assess("ana@example.ca", 2, 0);
      t.advance(Duration.ofHours(25), Duration.ofHours(1));
      assertThat(t.outboxTemplates("ana@example.ca")).containsExactly("email_1", "email_2a");
      String token = tokenIn(t, "ana@example.ca");

      Http.Response page = t.http.get("/unsubscribe/" + token);
      assertThat(page.status()).isEqualTo(200);
      assertThat(page.body()).contains("<form method=\"post\"");
      assertThat(t.http.get("/api/contacts/" + id).json().at("/enrollment/state").asText())
          .as("a GET, as a link scanner makes, must not unsubscribe")
          .isEqualTo("ACTIVE");

      Http.Response oneClick =
          t.http.post(
              "/unsubscribe/" + token,
              "application/x-www-form-urlencoded",
              "List-Unsubscribe=One-Click");
      assertThat(oneClick.status()).isEqualTo(200);
      assertThat(oneClick.body()).contains("You are unsubscribed");
      assertThat(t.http.get("/api/contacts/" + id).json().at("/enrollment/state").asText())
          .isEqualTo("STOPPED");

      t.advance(Duration.ofDays(8), Duration.ofHours(6));
      assertThat(t.outboxTemplates("ana@example.ca")).containsExactly("email_1", "email_2a");

      Http.Response again = t.http.postJson("/webhook/signup", "{\"email\":\"ana@example.ca\"}");
      assertThat(again.status()).isEqualTo(200);
      Http.Response assessed = t.assess("ana@example.ca", 3, 0);
      assertThat(assessed.json().get("enrolled").asBoolean()).isFalse();
      t.advance(Duration.ofDays(8), Duration.ofHours(6));
      assertThat(t.outboxTemplates("ana@example.ca")).containsExactly("email_1", "email_2a");
      assertThat(t.http.get("/api/contacts/" + id).json().get("timeline").toString())
          .contains("unsubscribed")
          .contains("signup_while_suppressed");
    }
  }

  @Test
  void aForgedOrAlteredTokenIsRefused() {
    try (TestApp t = app()) {
      String id = t.signup("ana@example.ca", "Ana");
      t.assess("ana@example.ca", 0, 0);
      t.runDue();
      String token = tokenIn(t, "ana@example.ca");
      String altered =
          token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
      String otherContact =
          java.util.Base64.getUrlEncoder()
                  .withoutPadding()
                  .encodeToString("someone-else".getBytes())
              + token.substring(token.indexOf('.'));
      for (String bad : new String[] {altered, otherContact, "nonsense", "a.b"}) {
        assertThat(
                t.http
                    .post(
                        "/unsubscribe/" + bad,
                        "application/x-www-form-urlencoded",
                        "List-Unsubscribe=One-Click")
                    .status())
            .as(bad)
            .isEqualTo(404);
        assertThat(t.http.get("/unsubscribe/" + bad).body()).contains("not valid");
      }
      assertThat(t.http.get("/api/contacts/" + id).json().at("/enrollment/state").asText())
          .isEqualTo("ACTIVE");
    }
  }

  @Test
  void anExplicitOptInByWebhookDoesNotLiftAnUnsubscribe() {
    try (TestApp t = app()) {
      t.signup("ana@example.ca", "Ana");
      t.assess("ana@example.ca", 0, 0);
      t.runDue();
      t.http.post(
          "/unsubscribe/" + tokenIn(t, "ana@example.ca"), "application/x-www-form-urlencoded", "");
      int suppressed =
          t.jdbi()
              .withHandle(
                  h ->
                      h.createQuery("select count(*) from suppressions")
                          .mapTo(Integer.class)
                          .one());
      assertThat(suppressed).isEqualTo(1);
      t.http.postJson(
          "/webhook/signup",
          "{\"email\":\"ana@example.ca\",\"consent\":true,\"consent_text\":\"Yes, email me\"}");
      int after =
          t.jdbi()
              .withHandle(
                  h ->
                      h.createQuery("select count(*) from suppressions")
                          .mapTo(Integer.class)
                          .one());
      assertThat(after).as("only the confirmation email's link lifts it").isEqualTo(1);
      String consent =
          t.jdbi()
              .withHandle(
                  h ->
                      h.createQuery("select consent_text from contacts").mapTo(String.class).one());
      assertThat(consent).as("the first evidence is never replaced").isNotEqualTo("Yes, email me");
    }
  }
}
