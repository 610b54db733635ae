package ca.businessx.nurture.notion;

import static ca.businessx.nurture.notion.Blocks.block;
import static ca.businessx.nurture.notion.Blocks.run;
import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.support.Http;
import ca.businessx.nurture.support.TestApp;
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

/**
 * Notion learns each lead's time zone, and its templates come in two languages: a French lead gets
 * the French page, or the French file when there is none, never the English page.
 */
class NotionLocaleTest {
  private static final String LEA = "lea@example.ca";
  private static final String OWEN = "owen@example.ca";

  @TempDir Path dir;
  @RegisterExtension final FakeNotion fake = FakeNotion.start();
  private Map<String, String> env;

  @BeforeEach
  void overrides() throws IOException {
    Path overrides = Files.createDirectories(dir.resolve("config"));
    env =
        Map.of(
            "NOTION_TEMPLATES_DB_ID",
            fake.templates.id,
            "NURTURE_CONFIG_DIR",
            overrides.toString());
  }

  @Test
  void eachContactCarriesTheTimeZoneItsEmailsUse() {
    try (TestApp t = NotionE2E.start(dir.resolve("data"), fake, Map.of())) {
      signup(t, LEA, "\"timezone\":\"America/Montreal\",\"province\":\"QC\"");
      signup(t, OWEN, "\"postal_code\":\"V6B 1A1\"");
      signup(t, "sam@example.ca", "\"first_name\":\"Sam\"");
      NotionE2E.drain(t);

      assertThat(timeZoneOf(LEA)).isEqualTo("America/Montreal");
      assertThat(timeZoneOf(OWEN)).isEqualTo("America/Vancouver");
      assertThat(timeZoneOf("sam@example.ca")).isEqualTo("America/Toronto");
    }
  }

  @Test
  void aFrenchLeadGetsTheFrenchPageAndAnEnglishLeadTheEnglishOne() {
    template("email_1", null, "Welcome, {{first_name}}", "English text from Notion.");
    template("email_1", "fr", "Bienvenue, {{first_name}}", "Texte français de Notion.");
    try (TestApp t = NotionE2E.start(dir.resolve("data"), fake, env)) {
      signup(t, LEA, "\"first_name\":\"Léa\",\"province\":\"QC\"");
      signup(t, OWEN, "\"first_name\":\"Owen\",\"province\":\"ON\"");
      t.assess(LEA, 0, 0);
      t.assess(OWEN, 0, 0);
      NotionE2E.drain(t);

      assertThat(firstEmail(t, LEA).get("subject")).isEqualTo("Bienvenue, Léa");
      assertThat((String) firstEmail(t, LEA).get("html"))
          .contains("Texte français de Notion.")
          .contains("lang=\"fr-CA\"");
      assertThat(firstEmail(t, OWEN).get("subject")).isEqualTo("Welcome, Owen");
      assertThat(t.app.templateFallbacks()).isEmpty();
    }
  }

  @Test
  void aMissingFrenchPageFallsBackToTheFrenchFileNeverToEnglish() {
    template("email_1", "en", "Welcome, {{first_name}}", "English text from Notion.");
    try (TestApp t = NotionE2E.start(dir.resolve("data"), fake, env)) {
      signup(t, LEA, "\"first_name\":\"Léa\",\"language\":\"fr\"");
      t.assess(LEA, 0, 0);
      NotionE2E.drain(t);

      Map<String, Object> sent = firstEmail(t, LEA);
      assertThat(sent.get("subject"))
          .isEqualTo("Les résultats de votre diagnostic de systèmes d’affaires");
      assertThat((String) sent.get("html"))
          .contains("Bonjour Léa,")
          .doesNotContain("English text from Notion");
      assertThat(t.app.templateFallbacks()).containsEntry("email_1", 1L);
      String language =
          t.jdbi()
              .withHandle(
                  h ->
                      h.createQuery("select language from emails where step = 1")
                          .mapTo(String.class)
                          .one());
      assertThat(language).isEqualTo("fr");
    }
  }

  private void template(String key, String language, String subject, String text) {
    ObjectNode p = FakeNotionData.JSON.createObjectNode();
    p.putObject("Name").putArray("title").addObject().putObject("text").put("content", key);
    p.putObject("Subject")
        .putArray("rich_text")
        .addObject()
        .putObject("text")
        .put("content", subject);
    if (language != null) {
      p.putObject("Language").putObject("select").put("name", language);
    }
    FakeNotionData.Page page = fake.data.createPage(fake.templates, p);
    fake.data.addBlocks(page.id, List.of(block("paragraph", run(text))));
  }

  private static void signup(TestApp t, String email, String fields) {
    Http.Response r =
        t.postWebhook("/webhook/signup", "{\"email\":\"" + email + "\"," + fields + "}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
  }

  private String timeZoneOf(String email) {
    List<FakeNotionData.Page> pages = NotionE2E.pagesFor(fake, email);
    assertThat(pages).hasSize(1);
    return NotionE2E.text(pages.get(0), "Time Zone");
  }

  private static Map<String, Object> firstEmail(TestApp t, String email) {
    return t.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select subject, html from outbox where recipient = :r"
                            + " and template_key = 'email_1'")
                    .bind("r", email)
                    .mapToMap()
                    .one());
  }
}
