package ca.businessx.nurture.abtest;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.support.TestApp;
import ca.businessx.nurture.support.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A template with a second subject: each lead's email goes out with its own variant, recorded on
 * the email; once a person promotes one, every later lead gets it.
 */
class SubjectVariantsEndToEndTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void leadsSplitBetweenTheSubjectsUntilOneIsPromoted(TestDatabases.Kind kind) throws Exception {
    Path config = dir.resolve("config");
    Files.createDirectories(config.resolve("templates"));
    Files.writeString(
        config.resolve("templates/email_1.mustache"),
        "subject: Your results, {{first_name}}\nsubject_b: {{first_name}}, your score is in\n"
            + "---\n<p>Results.</p>\n");
    try (TestApp t =
        new TestApp(dir.resolve("data"), kind, Map.of("NURTURE_CONFIG_DIR", config.toString()))) {
      for (int i = 0; i < 30; i++) {
        t.signup("lead" + i + "@example.ca", "Ana");
        t.assess("lead" + i + "@example.ca", 0, 1);
      }
      t.runDue();
      List<Map<String, Object>> sent = emails(t);
      assertThat(sent).hasSize(30);
      assertThat(sent)
          .allSatisfy(
              e ->
                  assertThat(e.get("subject"))
                      .isEqualTo(
                          "A".equals(e.get("subject_variant"))
                              ? "Your results, Ana"
                              : "Ana, your score is in"));
      assertThat(sent.stream().map(e -> e.get("subject_variant")).distinct())
          .containsExactlyInAnyOrder("A", "B");

      JsonNode tests = t.http.get("/api/subject-tests").json().get("tests");
      assertThat(tests.get(0).get("template").asText()).isEqualTo("email_1");
      assertThat(tests.get(0).at("/a/sent").asLong() + tests.get(0).at("/b/sent").asLong())
          .isEqualTo(30);
      assertThat(
              t.http
                  .postJson("/api/templates/email_1/promote", "{\"variant\":\"B\"}")
                  .json()
                  .get("changed")
                  .asBoolean())
          .isTrue();
      assertThat(t.http.postJson("/api/templates/email_1/promote", "{\"variant\":\"C\"}").status())
          .isEqualTo(422);

      for (int i = 30; i < 40; i++) {
        t.signup("lead" + i + "@example.ca", "Ana");
        t.assess("lead" + i + "@example.ca", 0, 1);
      }
      t.runDue();
      assertThat(emails(t).subList(30, 40))
          .allSatisfy(e -> assertThat(e.get("subject")).isEqualTo("Ana, your score is in"));
    }
  }

  private static List<Map<String, Object>> emails(TestApp t) {
    return t.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select e.subject, e.subject_variant from emails e join contacts c on"
                            + " c.id = e.contact_id order by length(c.email), c.email")
                    .mapToMap()
                    .list());
  }
}
