package ca.businessx.nurture.template;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.abtest.Variant;
import ca.businessx.nurture.platform.ConfigFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A template's second subject line: read from its file, rendered for the lead, or refused. */
class SubjectVariantTemplateTest {
  @TempDir Path dir;

  @Test
  void aSubjectBLineRendersASecondSubjectAndEmailForTheSameLead() throws Exception {
    write(
        "email_3",
        "subject: Hi {{first_name}}\nsubject_b: {{first_name}}, one question\n---\n<p>Body</p>\n");
    List<String> fallbacks = new ArrayList<>();
    RenderedEmail e = renderer(fallbacks).render("email_3", model());

    assertThat(e.subject()).isEqualTo("Hi Ana");
    assertThat(e.subjectB()).isEqualTo("Ana, one question");
    assertThat(e.html()).contains("<title>Hi Ana</title>", "<p>Body</p>");
    RenderedEmail b = e.withVariant(Variant.B);
    assertThat(b.subject()).isEqualTo("Ana, one question");
    assertThat(b.html()).contains("<title>Ana, one question</title>", "<p>Body</p>");
    assertThat(e.withVariant(Variant.A)).isSameAs(e);
    assertThat(fallbacks).isEmpty();
  }

  @Test
  void aMalformedVariantLineFallsBackToTheSingleSubjectAndIsCountedOnce() throws Exception {
    write("email_3", "subject: Hi {{first_name}}\nsubject_b:   \n---\n<p>Body</p>\n");
    write("email_4", "subject: Four\nsubject-b Another\n---\n<p>Four</p>\n");
    List<String> fallbacks = new ArrayList<>();
    TemplateRenderer r = renderer(fallbacks);
    for (int i = 0; i < 3; i++) {
      RenderedEmail three = r.render("email_3", model());
      assertThat(three.hasSubjectB()).isFalse();
      assertThat(three.withVariant(Variant.B).subject()).isEqualTo("Hi Ana");
      assertThat(r.render("email_4", model()).html())
          .contains("<p>Four</p>")
          .doesNotContain("subject-b");
    }
    assertThat(fallbacks).containsExactly("email_3", "email_4");
  }

  @Test
  void anEmailRecordsTheHashOfTheTemplateTextNotOfTheLead() throws Exception {
    write("email_3", "subject: Hi {{first_name}}\n---\n<p>Body</p>\n");
    TemplateRenderer r = renderer(new ArrayList<>());
    RenderedEmail ana = r.render("email_3", model());
    RenderedEmail bo =
        r.render(
            "email_3",
            TemplateModel.of(
                TemplateRendererTest.contact("Bo", "Bakery"), TemplateRendererTest.SENDER, "v"));
    assertThat(ana.sourceHash()).hasSize(64).isEqualTo(bo.sourceHash());
    write("email_3", "subject: Hello {{first_name}}\n---\n<p>Body</p>\n");
    assertThat(r.render("email_3", model()).sourceHash()).isNotEqualTo(ana.sourceHash());
  }

  @Test
  void theShippedTemplatesHaveOneSubject() {
    ConfigFiles defaults = new ConfigFiles(Optional.empty());
    TemplateRenderer r = new TemplateRenderer(List.of(), new StaticTemplates(defaults), defaults);
    assertThat(r.render("email_1", model()).hasSubjectB()).isFalse();
  }

  private static java.util.Map<String, Object> model() {
    return TemplateModel.of(
        TemplateRendererTest.contact("Ana", null), TemplateRendererTest.SENDER, "u");
  }

  private TemplateRenderer renderer(List<String> fallbacks) {
    ConfigFiles files = new ConfigFiles(Optional.of(dir));
    return new TemplateRenderer(List.of(), new StaticTemplates(files, fallbacks::add), files);
  }

  private void write(String key, String text) throws Exception {
    Files.createDirectories(dir.resolve("templates"));
    Files.writeString(dir.resolve("templates/" + key + ".mustache"), text);
  }
}
