package ca.businessx.nurture.consent;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.support.Http;
import ca.businessx.nurture.support.TestApp;
import ca.businessx.nurture.support.TestDatabases;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A forged signup must neither undo an unsubscribe nor rewrite the consent record: the evidence is
 * append-only, and only the address clicking its confirmation email's link is mailed again.
 */
class ResubscribeTest {
  private static final String ANA = "ana.optout@example.ca";
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void onlyTheConfirmationLinkLiftsAnUnsubscribeAndEveryConsentIsKept(TestDatabases.Kind kind) {
    try (TestApp t =
        new TestApp(
            dir,
            kind,
            Map.of(
                "PUBLIC_BASE_URL",
                "https://nurture.example",
                "SENDER_NAME",
                "BusinessX Canada",
                "SENDER_ADDRESS",
                "1 Main St, Moncton NB",
                "SENDER_CONTACT",
                "hello@businessx.ca"))) {
      t.http.postJson(
          "/webhook/signup",
          "{\"email\":\"" + ANA + "\",\"first_name\":\"Ana\",\"consent_text\":\"Original\"}");
      t.assess(ANA, 0, 0);
      t.runDue();
      String unsubscribe = path(html(t, "email_1"), "/unsubscribe/");
      t.http.post(unsubscribe, "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click");
      assertThat(suppressions(t)).isEqualTo(1);

      // A stranger posts the address with an explicit opt-in.
      Http.Response forged =
          t.http.postJson(
              "/webhook/signup",
              "{\"email\":\""
                  + ANA
                  + "\",\"consent\":true,\"consent_text\":\"Forged\",\"form_id\":\"f-9\"}");
      assertThat(forged.status()).isEqualTo(200);
      assertThat(suppressions(t)).as("a webhook never lifts an unsubscribe").isEqualTo(1);
      assertThat(one(t, "select consent_text from contacts")).isEqualTo("Original");
      List<Map<String, Object>> records =
          t.jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "select kind, consent_text, form_id, client_ip, at from consent_records"
                                  + " order by at, kind")
                          .mapToMap()
                          .list());
      assertThat(records)
          .extracting(r -> r.get("kind"))
          .contains("SIGNUP", "RESUBSCRIBE_REQUESTED");
      assertThat(records)
          .anySatisfy(
              r -> {
                assertThat(r.get("consent_text")).isEqualTo("Forged");
                assertThat(r.get("form_id")).isEqualTo("f-9");
                assertThat(r.get("client_ip")).isNotNull();
              });
      assertThat(records).anySatisfy(r -> assertThat(r.get("consent_text")).isEqualTo("Original"));

      // The address gets one confirmation email, with the unsubscribe rules of every email.
      t.runDue();
      t.http.postJson("/webhook/signup", "{\"email\":\"" + ANA + "\",\"consent\":true}");
      t.runDue();
      assertThat(t.outboxTemplates(ANA).stream().filter("resubscribe_confirm"::equals)).hasSize(1);
      String confirmation = html(t, "resubscribe_confirm");
      assertThat(confirmation).contains("/unsubscribe/").contains("1 Main St, Moncton NB");
      assertThat(one(t, "select headers from outbox where template_key = 'resubscribe_confirm'"))
          .contains("List-Unsubscribe-Post");

      // A forged or scanned link changes nothing; the click does.
      String confirm = path(confirmation, "/resubscribe/");
      assertThat(t.http.post(confirm + "x", "application/x-www-form-urlencoded", "").status())
          .isEqualTo(404);
      assertThat(t.http.get(confirm).status()).isEqualTo(200);
      assertThat(suppressions(t)).isEqualTo(1);
      assertThat(t.http.post(confirm, "application/x-www-form-urlencoded", "").status())
          .isEqualTo(200);
      assertThat(suppressions(t)).isZero();
      assertThat(
              one(t, "select count(*) from consent_records where kind = 'RESUBSCRIBE_CONFIRMED'"))
          .isEqualTo("1");
    }
  }

  private static String html(TestApp t, String template) {
    return one(t, "select html from outbox where template_key = '" + template + "'");
  }

  private static String path(String html, String prefix) {
    return html.replaceAll(
        "(?s).*https://nurture\\.example(" + prefix + "[A-Za-z0-9_.-]+).*", "$1");
  }

  private static int suppressions(TestApp t) {
    return Integer.parseInt(one(t, "select count(*) from suppressions"));
  }

  private static String one(TestApp t, String sql) {
    return t.jdbi().withHandle(h -> h.createQuery(sql).map((rs, ctx) -> rs.getString(1)).one());
  }
}
