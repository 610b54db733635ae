package ca.businessx.nurture.notion;

import static ca.businessx.nurture.notion.Blocks.block;
import static ca.businessx.nurture.notion.Blocks.run;
import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.support.CapturedLogs;
import ca.businessx.nurture.support.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Marketing's text in Notion is what the lead receives; when Notion fails, the shipped text is. */
class NotionTemplatesE2ETest {
  private static final String ANA = "ana@example.ca";

  @TempDir Path dir;
  @RegisterExtension final FakeNotion fake = FakeNotion.start();
  private Map<String, String> env;

  @BeforeEach
  void templates() throws IOException {
    // An empty override folder, so the static templates are the ones shipped in the jar.
    Path overrides = Files.createDirectories(dir.resolve("config"));
    env =
        Map.of(
            "NOTION_TEMPLATES_DB_ID",
            fake.templates.id,
            "NURTURE_CONFIG_DIR",
            overrides.toString());
    ObjectNode p = FakeNotionData.JSON.createObjectNode();
    p.putObject("Name").putArray("title").addObject().putObject("text").put("content", "email_1");
    p.putObject("Subject")
        .putArray("rich_text")
        .addObject()
        .putObject("text")
        .put("content", "Welcome aboard, {{first_name}}");
    FakeNotionData.Page page = fake.data.createPage(fake.templates, p);
    fake.data.addBlocks(
        page.id,
        List.of(
            block("heading_2", run("Your results")),
            block(
                "paragraph",
                run("Hi {{first_", "bold"),
                run("name}}", "italic"),
                run(", thanks for the assessment.")),
            block("bulleted_list_item", run("Book a call"))));
  }

  @Test
  void theFirstEmailUsesTheTextEditedInNotion() {
    try (TestApp t = NotionE2E.start(dir.resolve("data"), fake, env)) {
      String id = t.signup(ANA, "Ana");
      t.assess(ANA, 0, 0);
      NotionE2E.drain(t);

      Map<String, Object> sent = outbox(t);
      assertThat(sent.get("subject")).isEqualTo("Welcome aboard, Ana");
      assertThat((String) sent.get("html"))
          .contains("<h2>Your results</h2>")
          .contains("<strong>Hi Ana</strong>, thanks for the assessment.")
          .contains("<ul><li>Book a call</li></ul>")
          .doesNotContain("{{")
          .doesNotContain("first_")
          .doesNotContain("<em>");
      JsonNode email = t.http.get("/api/contacts/" + id).json().at("/emails/0");
      assertThat(email.get("template_origin").asText()).isEqualTo("notion");
      assertThat(t.app.templateFallbacks()).isEmpty();
    }
  }

  @Test
  void whenNotionFailsTheStaticTemplateIsUsedAndTheFallbackCounted() {
    fake.inject(new FakeNotion.Status(503, "service_unavailable", null), 5);
    try (TestApp t = NotionE2E.start(dir.resolve("data"), fake, env);
        CapturedLogs logs = new CapturedLogs(NotionTemplateSource.class)) {
      String id = t.signup(ANA, "Ana");
      t.assess(ANA, 0, 0);
      NotionE2E.drain(t);

      Map<String, Object> sent = outbox(t);
      assertThat(sent.get("subject")).isEqualTo("Your business-systems assessment results");
      assertThat((String) sent.get("html")).contains("Hi Ana,").doesNotContain("Welcome aboard");
      JsonNode email = t.http.get("/api/contacts/" + id).json().at("/emails/0");
      assertThat(email.get("template_origin").asText()).isEqualTo("default");
      assertThat(t.app.templateFallbacks()).isEqualTo(Map.of("email_1", 1L));
      assertThat(logs.lines())
          .anyMatch(
              l -> l.startsWith("WARN") && l.contains("email_1") && l.contains("static template"));
    }
  }

  @Test
  void aNotionTemplateWithARawTagIsRefusedAndTheShippedOneCounted() {
    ObjectNode p = FakeNotionData.JSON.createObjectNode();
    p.putObject("Name").putArray("title").addObject().putObject("text").put("content", "email_2c");
    p.putObject("Subject")
        .putArray("rich_text")
        .addObject()
        .putObject("text")
        .put("content", "About {{business_name}}");
    FakeNotionData.Page page = fake.data.createPage(fake.templates, p);
    fake.data.addBlocks(
        page.id, List.of(block("paragraph", run("Dear {{{first_name}}}, see {{&business_name}}"))));
    try (TestApp t = NotionE2E.start(dir.resolve("data"), fake, env)) {
      t.http.postJson(
          "/webhook/signup", "{\"email\":\"" + ANA + "\",\"first_name\":\"<b>Ana</b>\"}");
      t.assess(ANA, 0, 0);
      NotionE2E.drain(t);
      NotionE2E.advance(t, java.time.Duration.ofHours(25), java.time.Duration.ofMinutes(30));
      NotionE2E.drain(t);

      String html =
          t.jdbi()
              .withHandle(
                  h ->
                      h.createQuery("select html from outbox where template_key = 'email_2c'")
                          .mapTo(String.class)
                          .one());
      assertThat(html).doesNotContain("<b>Ana</b>").doesNotContain("Dear ");
      assertThat(t.app.templateFallbacks()).containsKey("email_2c");
      assertThat(t.http.get("/metrics").body())
          .containsPattern("nurture_template_fallbacks_total\\{template=\"email_2c\"\\} [1-9]");
    }
  }

  private static Map<String, Object> outbox(TestApp t) {
    return t.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select subject, html from outbox where recipient = :r and template_key = 'email_1'")
                    .bind("r", ANA)
                    .mapToMap()
                    .one());
  }
}
