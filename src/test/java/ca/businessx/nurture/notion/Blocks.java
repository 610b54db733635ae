package ca.businessx.nurture.notion;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Builds Notion block JSON in the read shape, for tests and for seeding the fake. */
final class Blocks {
  private Blocks() {}

  /** A rich-text run; {@code annotations} are names such as "bold" or "code". */
  static ObjectNode run(String text, String... annotations) {
    ObjectNode run = FakeNotionData.JSON.createObjectNode().put("type", "text");
    run.putObject("text").put("content", text).putNull("link");
    ObjectNode a = run.putObject("annotations");
    for (String name : List.of("bold", "italic", "strikethrough", "underline", "code")) {
      a.put(name, List.of(annotations).contains(name));
    }
    a.put("color", "default");
    run.put("plain_text", text).putNull("href");
    return run;
  }

  static ObjectNode link(String text, String url) {
    ObjectNode run = run(text);
    run.withObject("/text").putObject("link").put("url", url);
    run.put("href", url);
    return run;
  }

  static ObjectNode block(String type, ObjectNode... runs) {
    ObjectNode block =
        FakeNotionData.JSON
            .createObjectNode()
            .put("object", "block")
            .put("type", type)
            .put("has_children", false);
    ObjectNode content = block.putObject(type);
    if (!type.equals("divider")) {
      ArrayNode richText = content.putArray("rich_text");
      List.of(runs).forEach(richText::add);
      content.put("color", "default");
    }
    return block;
  }

  static NotionBlock node(ObjectNode block, NotionBlock... children) {
    return NotionBlock.of(block, List.of(children));
  }
}
