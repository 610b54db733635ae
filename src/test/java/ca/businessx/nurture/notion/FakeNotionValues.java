package ca.businessx.nurture.notion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Checks a written property value the way Notion does and turns it into Notion's read shape. */
final class FakeNotionValues {
  private FakeNotionValues() {}

  /** {@code schema} is the property definition; answers {"id","type",type: value}. */
  static ObjectNode read(String name, ObjectNode schema, JsonNode written) {
    String type = schema.path("type").asText();
    String at = "body.properties." + name + "." + type;
    if (!written.isObject() || !written.has(type)) {
      throw FakeNotionError.validation(at + " should be defined, instead was `undefined`.");
    }
    JsonNode value = written.get(type);
    ObjectNode out =
        FakeNotionData.JSON
            .createObjectNode()
            .put("id", schema.path("id").asText())
            .put("type", type);
    switch (type) {
      case "title", "rich_text" -> out.set(type, richText(at, value));
      case "email" -> out.set(type, text(at, value, 200));
      case "url" -> out.set(type, text(at, value, 2000));
      case "number" -> {
        if (!value.isNull() && !value.isNumber()) {
          throw FakeNotionError.validation(
              at + " should be a number or `null`, instead was `" + value + "`.");
        }
        out.set(type, value);
      }
      case "select" -> out.set(type, select(at, schema, value));
      case "date" -> out.set(type, date(at, value));
      case "checkbox" -> {
        if (!value.isBoolean()) {
          throw FakeNotionError.validation(
              at + " should be a boolean, instead was `" + value + "`.");
        }
        out.set(type, value);
      }
      default -> out.set(type, value);
    }
    return out;
  }

  /** An empty value of the type, as Notion shows properties that were never set. */
  static ObjectNode empty(ObjectNode schema) {
    String type = schema.path("type").asText();
    ObjectNode out =
        FakeNotionData.JSON
            .createObjectNode()
            .put("id", schema.path("id").asText())
            .put("type", type);
    if (type.equals("title") || type.equals("rich_text") || type.equals("multi_select")) {
      out.putArray(type);
    } else if (type.equals("checkbox")) {
      out.put(type, false);
    } else {
      out.putNull(type);
    }
    return out;
  }

  private static ArrayNode richText(String at, JsonNode value) {
    if (!value.isArray()) {
      throw FakeNotionError.validation(at + " should be an array, instead was `" + value + "`.");
    }
    if (value.size() > 100) {
      throw FakeNotionError.validation(
          at + ".length should be ≤ `100`, instead was `" + value.size() + "`.");
    }
    ArrayNode items = FakeNotionData.JSON.createArrayNode();
    for (int i = 0; i < value.size(); i++) {
      JsonNode content = value.get(i).path("text").path("content");
      if (!content.isTextual()) {
        throw FakeNotionError.validation(
            at + "[" + i + "].text.content should be a string, instead was `undefined`.");
      }
      int length = content.asText().length();
      if (length > 2000) {
        throw FakeNotionError.validation(
            at
                + "["
                + i
                + "].text.content.length should be ≤ `2000`, instead was `"
                + length
                + "`.");
      }
      JsonNode link = value.get(i).path("text").path("link");
      ObjectNode item = items.addObject().put("type", "text");
      ObjectNode text = item.putObject("text").put("content", content.asText());
      text.set("link", link.isMissingNode() ? null : link);
      item.putObject("annotations")
          .put("bold", false)
          .put("italic", false)
          .put("strikethrough", false)
          .put("underline", false)
          .put("code", false)
          .put("color", "default");
      item.put("plain_text", content.asText());
      item.put("href", link.path("url").asText(null));
    }
    return items;
  }

  private static JsonNode text(String at, JsonNode value, int max) {
    if (value.isNull()) {
      return value;
    }
    if (!value.isTextual()) {
      throw FakeNotionError.validation(
          at + " should be a string or `null`, instead was `" + value + "`.");
    }
    if (value.asText().length() > max) {
      throw FakeNotionError.validation(
          at + ".length should be ≤ `" + max + "`, instead was `" + value.asText().length() + "`.");
    }
    return value;
  }

  private static JsonNode select(String at, ObjectNode schema, JsonNode value) {
    if (value.isNull()) {
      return value;
    }
    String name = value.path("name").asText("");
    if (name.isEmpty() || name.length() > 100 || name.contains(",")) {
      throw FakeNotionError.validation(at + ".name should be a non-empty string without commas.");
    }
    ArrayNode options = (ArrayNode) schema.withObject("/select").withArray("options");
    for (JsonNode option : options) {
      if (option.path("name").asText().equals(name)) {
        return option.deepCopy();
      }
    }
    // Notion adds an unknown option when the integration may edit the schema (unconfirmed).
    ObjectNode added =
        options
            .addObject()
            .put("id", UUID.randomUUID().toString())
            .put("name", name)
            .put("color", "default");
    return added.deepCopy();
  }

  private static JsonNode date(String at, JsonNode value) {
    if (value.isNull()) {
      return value;
    }
    String start = value.path("start").asText("");
    try {
      if (start.length() == 10) {
        LocalDate.parse(start);
      } else {
        OffsetDateTime.parse(start);
      }
    } catch (RuntimeException e) {
      throw FakeNotionError.validation(at + ".start should be a valid ISO 8601 date string.");
    }
    ObjectNode out = FakeNotionData.JSON.createObjectNode().put("start", start);
    out.set("end", value.path("end").isMissingNode() ? null : value.get("end"));
    out.putNull("time_zone");
    return out;
  }
}
