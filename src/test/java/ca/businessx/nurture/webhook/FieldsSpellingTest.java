package ca.businessx.nurture.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.privacy.ContactPrivacy;
import ca.businessx.nurture.support.Http;
import ca.businessx.nurture.support.TestApp;
import ca.businessx.nurture.support.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A misspelt field is refused with the name it should have; a form's other fields are kept on the
 * contact, shown in the console and exported with it.
 */
class FieldsSpellingTest {
  static final String TOKEN = "console-token-42-long-enough-for-the-rule";
  @TempDir static Path dir;
  static TestApp t;

  @BeforeAll
  static void start() {
    t = new TestApp(dir, TestDatabases.Kind.SQLITE, Map.of("ADMIN_TOKEN", TOKEN));
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  @Test
  void misspeltFieldsAreRefusedNamingTheExpectedOnes() {
    Http.Response r =
        t.http.postJson(
            "/webhook/signup",
            "{\"email\":\"ana@example.ca\",\"firstName\":\"Ana\",\"businessName\":\"Acme\","
                + "\"nmae\":\"Ana T\"}");
    assertThat(r.status()).isEqualTo(422);
    JsonNode problems = r.json().get("problems");
    assertThat(problems.findValuesAsText("field"))
        .containsExactlyInAnyOrder("firstName", "businessName", "nmae");
    assertThat(r.body()).contains("did you mean first_name", "did you mean business_name");
    assertThat(r.body()).contains("did you mean name");
    assertThat(contacts("ana@example.ca")).isZero();

    Http.Response assessment =
        t.http.postJson(
            "/webhook/assessment",
            "{\"email\":\"ana@example.ca\",\"redSystems\":1,\"orange_systems\":0,"
                + "\"yellow_systems\":0,\"green_systems\":0}");
    assertThat(assessment.status()).isEqualTo(422);
    assertThat(assessment.body()).contains("did you mean red_systems");
  }

  @Test
  void otherFieldsAreKeptShownAndExported() {
    Http.Response r =
        t.http.postJson(
            "/webhook/signup",
            "{\"email\":\"utm@example.ca\",\"first_name\":\"Uma\",\"utm_source\":\"newsletter\","
                + "\"utm_campaign\":\"spring\",\"referrer\":\"https://example.org/\","
                + "\"g-recaptcha-response\":\""
                + "x".repeat(900)
                + "\"}");
    assertThat(r.status()).isEqualTo(201);
    String id = r.json().get("contact_id").asText();
    // A repeated signup adds names, never replaces the first touch.
    t.http.postJson(
        "/webhook/signup",
        "{\"email\":\"utm@example.ca\",\"utm_source\":\"ads\",\"utm_medium\":\"cpc\"}");

    Optional<Map<String, Object>> export =
        new ContactPrivacy(t.app.database(), Optional.empty(), t.clock).export("utm@example.ca");
    assertThat(export.orElseThrow().get("attributes"))
        .isEqualTo(
            Map.of(
                "utm_source", "newsletter",
                "utm_campaign", "spring",
                "utm_medium", "cpc",
                "referrer", "https://example.org/"));

    String page = new Http(t.app.port()).bearer(TOKEN).get("/console/leads/" + id).body();
    assertThat(page).contains("utm_source", "newsletter", "utm_campaign", "spring", "referrer");
  }

  static int contacts(String email) {
    return t.jdbi()
        .withHandle(
            h ->
                h.createQuery("select count(*) from contacts where email = :e")
                    .bind("e", email)
                    .mapTo(Integer.class)
                    .one());
  }
}
