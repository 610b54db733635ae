package ca.businessx.nurture.contact;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.support.Http;
import ca.businessx.nurture.support.TestApp;
import ca.businessx.nurture.support.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The website's form is public: a stranger's repeated signup of a real lead's address must not put
 * words into that lead's emails. It fills only empty fields; changes wait for a person's accept.
 */
class RepeatedSignupTest {
  private static final String LEAD = "real.lead@example.ca";
  private static final String FORGED = "your account is suspended, call +1-555-0100";
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void aRepeatedSignupFillsOnlyEmptyFieldsAndChangesWaitForAPerson(TestDatabases.Kind kind) {
    try (TestApp t = new TestApp(dir, kind, Map.of("TESTING_MODE", "true"))) {
      String id =
          t.http
              .postJson("/webhook/signup", "{\"email\":\"" + LEAD + "\",\"first_name\":\"Ana\"}")
              .json()
              .get("contact_id")
              .asText();
      t.assess(LEAD, 0, 0);
      t.runDue();

      Http.Response again =
          t.http.postJson(
              "/webhook/signup",
              "{\"email\":\""
                  + LEAD
                  + "\",\"first_name\":\""
                  + FORGED
                  + "\",\"business_name\":\"Tremblay Plumbing\"}");
      assertThat(again.status()).isEqualTo(200);

      JsonNode view = t.http.get("/api/contacts/" + id).json();
      assertThat(view.at("/contact/first_name").asText()).isEqualTo("Ana");
      assertThat(view.at("/contact/business_name").asText()).isEqualTo("Tremblay Plumbing");
      assertThat(view.get("proposals")).hasSize(1);
      assertThat(view.at("/proposals/0/field").asText()).isEqualTo("first_name");
      assertThat(view.get("timeline").toString())
          .contains("profile_change_proposed")
          .doesNotContain(FORGED);

      // Email 2c goes out with the name the lead gave, never the stranger's text.
      t.advance(Duration.ofMinutes(2), Duration.ofSeconds(30));
      String second =
          t.jdbi()
              .withHandle(
                  h ->
                      h.createQuery("select html from outbox where template_key = 'email_2c'")
                          .mapTo(String.class)
                          .one());
      assertThat(second).contains("Ana").doesNotContain("suspended");

      // A person accepts it (through the API); later emails use it.
      String proposal = view.at("/proposals/0/id").asText();
      assertThat(
              t.http
                  .postJson("/api/contacts/" + id + "/proposals/" + proposal + "/accept", "{}")
                  .status())
          .isEqualTo(200);
      JsonNode after = t.http.get("/api/contacts/" + id).json();
      assertThat(after.at("/contact/first_name").asText()).isEqualTo(FORGED);
      assertThat(after.get("proposals")).isEmpty();
      assertThat(
              t.http
                  .postJson("/api/contacts/" + id + "/proposals/" + proposal + "/accept", "{}")
                  .status())
          .isEqualTo(404);
    }
  }
}
