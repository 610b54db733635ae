package ca.businessx.nurture.template;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.support.TestApp;
import ca.businessx.nurture.support.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A template file in the config folder that would insert a lead's input unescaped is refused: the
 * lead gets the shipped text, escaped, and the fallback is counted.
 */
class UnescapedTemplateTest {
  private static final String LEAD = "raw@example.ca";
  @TempDir Path dir;

  @Test
  void aConfigTemplateWithARawTagFallsBackToTheShippedOneAndIsCounted() throws Exception {
    Path config = Files.createDirectories(dir.resolve("config/templates"));
    Files.writeString(
        config.resolve("email_1.mustache"),
        "subject: Hello {{first_name}}\n---\n<p>Hi {{{first_name}}}, from {{&business_name}}</p>\n");
    try (TestApp t =
        new TestApp(
            dir.resolve("data"),
            TestDatabases.Kind.SQLITE,
            Map.of("NURTURE_CONFIG_DIR", dir.resolve("config").toString()))) {
      t.http.postJson(
          "/webhook/signup",
          "{\"email\":\""
              + LEAD
              + "\",\"first_name\":\"<img src=x onerror=alert(1)>\","
              + "\"business_name\":\"<a href='https://evil.example'>Acme</a>\"}");
      t.assess(LEAD, 0, 0);
      t.runDue();

      String html =
          t.jdbi()
              .withHandle(
                  h ->
                      h.createQuery("select html from outbox where template_key = 'email_1'")
                          .mapTo(String.class)
                          .one());
      assertThat(html)
          .doesNotContain("<img src=x")
          .doesNotContain("<a href='https://evil.example'>")
          .contains("Hi &lt;img src")
          .contains("business-systems assessment");
      assertThat(t.http.get("/metrics").body())
          .containsPattern("nurture_template_fallbacks_total\\{template=\"email_1\"\\} [1-9]");
    }
  }

  @Test
  void safetyRecognisesEveryRawForm() {
    assertThat(TemplateSafety.hasUnescapedTag("{{{first_name}}}")).isTrue();
    assertThat(TemplateSafety.hasUnescapedTag("{{ &first_name}}")).isTrue();
    assertThat(TemplateSafety.hasUnescapedTag("{{&amp;first_name}}")).isTrue();
    assertThat(TemplateSafety.hasUnescapedTag("{{=<% %>=}}<%&first_name%>")).isTrue();
    assertThat(TemplateSafety.hasUnescapedTag("{{first_name}} {{#x}}{{/x}} {{^y}}{{/y}}"))
        .isFalse();
    assertThat(TemplateSafety.layoutIsSafe("<body>{{{body}}}</body>")).isTrue();
    assertThat(TemplateSafety.layoutIsSafe("<body>{{{body}}}{{{first_name}}}</body>")).isFalse();
  }
}
