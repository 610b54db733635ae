package ca.businessx.nurture.notion;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A content block with its children already fetched; {@code content} is the payload under its type.
 */
public record NotionBlock(String id, String type, JsonNode content, List<NotionBlock> children) {

  public NotionBlock {
    children = List.copyOf(children);
  }

  static NotionBlock of(JsonNode block, List<NotionBlock> children) {
    String type = block.path("type").asText("");
    return new NotionBlock(block.path("id").asText(), type, block.path(type), children);
  }

  public JsonNode richText() {
    return content.path("rich_text");
  }
}
