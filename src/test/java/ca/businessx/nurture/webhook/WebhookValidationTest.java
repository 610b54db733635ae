package ca.businessx.nurture.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.support.Http;
import ca.businessx.nurture.support.TestApp;
import ca.businessx.nurture.support.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every kind of bad input gets a 4xx naming the problem, and nothing is written. */
class WebhookValidationTest {
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

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "missing email            | {\"name\":\"Ana\"}                                        | email         | is required",
        "email not a string       | {\"email\":42}                                           | email         | must be a string",
        "invalid email            | {\"email\":\"ana@@example\"}                             | email         | is not a valid email address",
        "email without domain dot | {\"email\":\"ana@localhost\"}                            | email         | is not a valid email address",
        "name ill-typed           | {\"email\":\"a@example.ca\",\"name\":[\"x\"]}             | name          | must be a string",
        "first name too long      | {\"email\":\"a@example.ca\",\"first_name\":\"%LONG%\"}   | first_name    | must be at most 100 characters",
        "control characters       | {\"email\":\"a@example.ca\",\"business_name\":\"a\\u0000b\"} | business_name | must not contain control characters",
      })
  void signupFieldProblemsAreNamed(String label, String body, String field, String problem) {
    Http.Response r = t.http.postJson("/webhook/signup", body.replace("%LONG%", "x".repeat(101)));
    assertProblem(r, 422, field, problem);
    assertNoContacts();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "negative count     | -1        | red_systems | must be between 0 and 1000",
        "absurd count       | 1000001   | red_systems | must be between 0 and 1000",
        "huge number        | 1e400     | red_systems | is too large",
        "fractional count   | 1.5       | red_systems | must be a whole number",
        "count as word      | \"three\" | red_systems | must be a number",
        "count as boolean   | true      | red_systems | must be a number",
        "count as object    | {}        | red_systems | must be a number",
      })
  void assessmentFieldProblemsAreNamed(String label, String red, String field, String problem) {
    String body =
        "{\"email\":\"lead@example.ca\",\"red_systems\":"
            + red
            + ",\"orange_systems\":0,\"yellow_systems\":0,\"green_systems\":0}";
    assertProblem(t.http.postJson("/webhook/assessment", body), 422, field, problem);
  }

  @Test
  void everyMissingAssessmentFieldIsNamedAtOnce() {
    Http.Response r = t.http.postJson("/webhook/assessment", "{\"assessment_score\":500}");
    assertThat(r.status()).isEqualTo(422);
    List<String> fields = new ArrayList<>();
    r.json().get("problems").forEach(p -> fields.add(p.get("field").asText()));
    assertThat(fields)
        .containsExactlyInAnyOrder(
            "email",
            "red_systems",
            "orange_systems",
            "yellow_systems",
            "green_systems",
            "assessment_score");
  }

  @Test
  void malformedJsonIsRefused() {
    assertError(t.http.postJson("/webhook/signup", "{\"email\": "), 400, "malformed_body");
    assertError(t.http.postJson("/webhook/signup", "[1,2]"), 400, "malformed_body");
    assertError(t.http.postJson("/webhook/signup", ""), 400, "malformed_body");
    assertError(
        t.http.postJson("/webhook/signup", "{\"email\":\"a@b.ca\",\"email\":\"c@d.ca\"}"),
        400,
        "malformed_body");
    assertError(t.http.postJson("/webhook/signup", "[".repeat(5000)), 400, "malformed_body");
    assertNoContacts();
  }

  @Test
  void unsupportedContentTypeIsRefused() {
    assertError(
        t.http.post("/webhook/signup", "text/plain", "email=a@b.ca"),
        415,
        "unsupported_content_type");
    assertError(t.http.post("/webhook/signup", null, "{}"), 415, "unsupported_content_type");
    assertNoContacts();
  }

  @Test
  void bodyOver64KiBIsRefused() {
    String big = "{\"email\":\"a@example.ca\",\"name\":\"" + "x".repeat(70_000) + "\"}";
    assertError(t.http.postJson("/webhook/signup", big), 413, "body_too_large");
    assertNoContacts();
  }

  @Test
  void assessmentForUnknownContactIs404() {
    Http.Response r =
        t.http.postJson(
            "/webhook/assessment",
            "{\"email\":\"nobody@example.ca\",\"red_systems\":2,\"orange_systems\":0,\"yellow_systems\":0,\"green_systems\":0}");
    assertError(r, 404, "contact_not_found");
  }

  @Test
  void formPostsWorkLikeJsonAndTheSameSignupTwiceIsOneContact() {
    String form = "email=%20Form.Lead%40Example.CA%20&first_name=Jo&business_name=Jo%27s+Caf%C3%A9";
    Http.Response first = t.http.post("/webhook/signup", "application/x-www-form-urlencoded", form);
    Http.Response again =
        t.http.postJson("/webhook/signup", "{\"email\":\"form.lead@example.ca\"}");
    assertThat(first.status()).isEqualTo(201);
    assertThat(first.json().get("created").asBoolean()).isTrue();
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("created").asBoolean()).isFalse();
    assertThat(again.json().get("contact_id")).isEqualTo(first.json().get("contact_id"));
    JsonNode contact =
        t.http.get("/api/contacts/" + first.json().get("contact_id").asText()).json();
    assertThat(contact.at("/contact/email").asText()).isEqualTo("form.lead@example.ca");
    assertThat(contact.at("/contact/business_name").asText()).isEqualTo("Jo's Café");

    Http.Response assessed =
        t.http.post(
            "/webhook/assessment",
            "application/x-www-form-urlencoded",
            "email=form.lead%40example.ca&red_systems=0&orange_systems=2&yellow_systems=1&green_systems=4");
    assertThat(assessed.status()).isEqualTo(200);
    assertThat(assessed.json().get("segment").asText()).isEqualTo("URGENT");
  }

  private static void assertProblem(Http.Response r, int status, String field, String problem) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    List<String> named = new ArrayList<>();
    r.json()
        .get("problems")
        .forEach(p -> named.add(p.get("field").asText() + " " + p.get("problem").asText()));
    assertThat(named).contains(field + " " + problem);
  }

  private static void assertError(Http.Response r, int status, String code) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.json().get("error").asText()).isEqualTo(code);
    assertThat(r.json().get("message").asText()).isNotBlank();
  }

  private static void assertNoContacts() {
    int count =
        t.jdbi()
            .withHandle(
                h ->
                    h.createQuery("select count(*) from contacts where email not like 'form.%'")
                        .mapTo(Integer.class)
                        .one());
    assertThat(count).isZero();
  }
}
