package ca.businessx.nurture.notion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

/** Plain text to and from Notion rich-text arrays, within Notion's size limits. */
final class RichText {
  static final int MAX_CHARS_PER_ITEM = 2000;
  static final int MAX_ITEMS = 100;

  private RichText() {}

  /**
   * Splits text into items of at most 2000 characters (Notion counts UTF-16 units, as Java does),
   * never between the two halves of a surrogate pair; text past 100 items is dropped.
   */
  static ArrayNode of(String text) {
    ArrayNode items = NotionHttp.JSON.createArrayNode();
    int start = 0;
    while (start < text.length() && items.size() < MAX_ITEMS) {
      int end = Math.min(text.length(), start + MAX_CHARS_PER_ITEM);
      if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
        end--;
      }
      items
          .addObject()
          .put("type", "text")
          .putObject("text")
          .put("content", text.substring(start, end));
      start = end;
    }
    return items;
  }

  /**
   * The plain text of a rich-text array (Notion splits text into items at each formatting change).
   */
  static String plain(JsonNode items) {
    StringBuilder text = new StringBuilder();
    for (JsonNode item : items) {
      text.append(itemText(item));
    }
    return text.toString();
  }

  static String itemText(JsonNode item) {
    JsonNode plain = item.get("plain_text");
    return plain != null && plain.isTextual()
        ? plain.asText()
        : item.path("text").path("content").asText("");
  }
}
