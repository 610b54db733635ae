package ca.businessx.nurture.template;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.contact.Contact;
import ca.businessx.nurture.platform.Config;
import ca.businessx.nurture.platform.ConfigFiles;
import ca.businessx.nurture.segment.Segment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TemplateRendererTest {
  static final Config.Sender SENDER =
      new Config.Sender(
          "BusinessX Canada",
          "1 Main St, Moncton NB",
          "hello@businessx.ca",
          "https://nurture.example",
          "https://businessx.ca/book");
  final ConfigFiles defaults = new ConfigFiles(Optional.empty());
  final TemplateRenderer renderer =
      new TemplateRenderer(List.of(), new StaticTemplates(defaults), defaults);

  static Contact contact(String firstName, String business) {
    return new Contact(
        "c1",
        "ana@example.ca",
        "Ana Tremblay",
        firstName,
        business,
        Segment.CRITICAL,
        3,
        1,
        2,
        4,
        48.0,
        Instant.EPOCH,
        Instant.EPOCH);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "email_1",
        "email_2a",
        "email_2b",
        "email_2c",
        "email_3",
        "email_4",
        "email_5a",
        "email_5b",
        "email_5c"
      })
  void everyShippedTemplateRendersInTheLayoutWithTheFooter(String key) {
    RenderedEmail r =
        renderer.render(
            key, TemplateModel.of(contact("Ana", "Tremblay Plumbing"), SENDER, "https://u/x"));
    assertThat(r.subject()).isNotBlank().doesNotContain("{{");
    assertThat(r.html())
        .contains(
            "Hi Ana,", "1 Main St, Moncton NB", "href=\"https://u/x\"", "https://businessx.ca/book")
        .doesNotContain("{{");
    assertThat(r.origin()).isEqualTo("default");
  }

  @Test
  void contactDataIsEscaped() {
    Contact evil = contact("<script>alert(1)</script>", "Smith & <b>Sons</b>");
    RenderedEmail r = renderer.render("email_1", TemplateModel.of(evil, SENDER, "https://u/x"));
    assertThat(r.html())
        .doesNotContain("<script>")
        .doesNotContain("<b>Sons")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .contains("Smith &amp; &lt;b&gt;Sons");
  }

  @Test
  void aMissingFirstNameReadsNaturally() {
    RenderedEmail r =
        renderer.render("email_1", TemplateModel.of(contact(null, null), SENDER, "https://u/x"));
    assertThat(r.html()).contains("Hi there,").doesNotContain("Hi ,").doesNotContain(" for .");
  }

  @Test
  void aConfigFolderOverridesTemplatesOneByOne(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("templates"));
    Files.writeString(
        dir.resolve("templates/email_3.mustache"),
        "subject: Custom for {{first_name}}\n---\n<p>Edited by marketing, {{first_name}}.</p>\n");
    ConfigFiles files = new ConfigFiles(Optional.of(dir));
    TemplateRenderer custom = new TemplateRenderer(List.of(), new StaticTemplates(files), files);
    RenderedEmail three =
        custom.render("email_3", TemplateModel.of(contact("Ana", null), SENDER, "u"));
    RenderedEmail four =
        custom.render("email_4", TemplateModel.of(contact("Ana", null), SENDER, "u"));
    assertThat(three.subject()).isEqualTo("Custom for Ana");
    assertThat(three.html()).contains("Edited by marketing, Ana.");
    assertThat(three.origin()).isEqualTo("config");
    assertThat(four.origin()).isEqualTo("default");
  }

  @Test
  void aPreferredSourceWinsAndAMissFallsBack() {
    TemplateSource crm =
        key ->
            key.equals("email_1")
                ? Optional.of(new EmailTemplate(key, "From the CRM", "<p>CRM body</p>", "notion"))
                : Optional.empty();
    TemplateRenderer r =
        new TemplateRenderer(List.of(crm), new StaticTemplates(defaults), defaults);
    assertThat(r.render("email_1", TemplateModel.of(contact("A", null), SENDER, "u")).origin())
        .isEqualTo("notion");
    assertThat(r.render("email_2a", TemplateModel.of(contact("A", null), SENDER, "u")).origin())
        .isEqualTo("default");
  }

  @Test
  void aSubjectCannotCarryALineBreak() {
    TemplateSource crm =
        key -> Optional.of(new EmailTemplate(key, "Hi {{first_name}}", "<p>x</p>", "notion"));
    TemplateRenderer r =
        new TemplateRenderer(List.of(crm), new StaticTemplates(defaults), defaults);
    RenderedEmail e =
        r.render("email_1", TemplateModel.of(contact("Ana\r\nBcc: x@evil", null), SENDER, "u"));
    assertThat(e.subject()).doesNotContain("\r").doesNotContain("\n");
  }
}
