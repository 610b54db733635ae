package ca.businessx.nurture.notion;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** A page as Notion answers it; {@code properties} keeps Notion's read shape. */
public record NotionPage(String id, String url, Instant lastEditedTime, JsonNode properties) {

  static NotionPage of(JsonNode page) {
    return new NotionPage(
        page.path("id").asText(),
        page.path("url").asText(null),
        instant(page.path("last_edited_time").asText(null)),
        page.path("properties"));
  }

  /** The property of this name, or a missing node. */
  public JsonNode property(String name) {
    return properties.path(name);
  }

  private static Instant instant(String text) {
    try {
      return text == null ? null : Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
