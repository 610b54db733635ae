package ca.businessx.nurture.notion;

import static ca.businessx.nurture.notion.Blocks.block;
import static ca.businessx.nurture.notion.Blocks.link;
import static ca.businessx.nurture.notion.Blocks.node;
import static ca.businessx.nurture.notion.Blocks.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.samskivert.mustache.Mustache;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NotionBlocksToHtmlTest {

  @Test
  void convertsEveryBlockKind() {
    String html =
        BlocksToHtml.render(
            List.of(
                node(block("heading_1", run("Title"))),
                node(block("heading_2", run("Sub"))),
                node(block("heading_3", run("Minor"))),
                node(block("paragraph", run("Plain text."))),
                node(
                    block("bulleted_list_item", run("one")),
                    node(block("bulleted_list_item", run("one.a"))),
                    node(block("bulleted_list_item", run("one.b")))),
                node(block("bulleted_list_item", run("two"))),
                node(block("numbered_list_item", run("first"))),
                node(
                    block("numbered_list_item", run("second")),
                    node(block("numbered_list_item", run("second.1")))),
                node(block("quote", run("Wise words"))),
                node(block("divider")),
                node(block("paragraph", run("After"))),
                node(block("bulleted_list_item", run("separate list")))));

    assertThat(html.replace("\n", ""))
        .isEqualTo(
            "<h1>Title</h1><h2>Sub</h2><h3>Minor</h3><p>Plain text.</p>"
                + "<ul><li>one<ul><li>one.a</li><li>one.b</li></ul></li><li>two</li></ul>"
                + "<ol><li>first</li><li>second<ol><li>second.1</li></ol></li></ol>"
                + "<blockquote>Wise words</blockquote><hr><p>After</p><ul><li>separate list</li></ul>");
  }

  @Test
  void convertsEveryAnnotationAndSafeLinksOnly() {
    String html =
        BlocksToHtml.render(
            List.of(
                node(
                    block(
                        "paragraph",
                        run("b", "bold"),
                        run("i", "italic"),
                        run("u", "underline"),
                        run("s", "strikethrough"),
                        run("c", "code"),
                        run("bi", "bold", "italic"),
                        link("web", "https://example.ca/a?x=1&y=2"),
                        link("mail", "mailto:hi@example.ca"),
                        link("bad", "javascript:alert(1)")))));

    assertThat(html.strip())
        .isEqualTo(
            "<p><strong>b</strong><em>i</em><u>u</u><s>s</s><code>c</code>"
                + "<strong><em>bi</em></strong>"
                + "<a href=\"https://example.ca/a?x=1&amp;y=2\">web</a><a href=\"mailto:hi@example.ca\">mail</a>bad</p>");
  }

  @Test
  void escapesTextAndKeepsLineBreaks() {
    String html =
        BlocksToHtml.render(List.of(node(block("paragraph", run("a < b & \"c\"\nnext")))));

    assertThat(html.strip()).isEqualTo("<p>a &lt; b &amp; &quot;c&quot;<br>next</p>");
  }

  @Test
  void placeholderSplitAcrossRunsStaysWholeAndRenders() {
    String html =
        BlocksToHtml.render(
            List.of(
                node(
                    block(
                        "paragraph",
                        run("Hello {{first_", "bold"),
                        run("name}}, welcome to "),
                        run("{{business", "italic"),
                        run("_name}}", "underline"),
                        run("!")))));

    assertThat(html).contains("{{first_name}}").contains("{{business_name}}");
    String rendered =
        Mustache.compiler()
            .compile(html)
            .execute(Map.of("first_name", "Ana", "business_name", "Tremblay & Fils"));
    assertThat(rendered.strip())
        .isEqualTo("<p><strong>Hello Ana</strong>, welcome to <em>Tremblay &amp; Fils</em>!</p>");
  }

  @Test
  void leavesOutEmptyParagraphsAndUnknownBlocksWithoutText() {
    String html =
        BlocksToHtml.render(
            List.of(
                node(block("paragraph")),
                node(FakeNotionData.JSON.createObjectNode().put("type", "image").put("id", "img")),
                node(block("callout", run("Note")))));

    assertThat(html.strip()).isEqualTo("<p>Note</p>");
  }
}
