package ca.businessx.nurture.notion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Filters and cursor pagination of the fake, for database queries and block children. */
final class FakeNotionQuery {
  private FakeNotionQuery() {}

  static boolean matches(FakeNotionData.Page page, JsonNode filter) {
    if (filter == null || filter.isMissingNode() || filter.isNull()) {
      return true;
    }
    if (filter.has("and")) {
      for (JsonNode f : filter.get("and")) {
        if (!matches(page, f)) {
          return false;
        }
      }
      return true;
    }
    if (filter.has("or")) {
      for (JsonNode f : filter.get("or")) {
        if (matches(page, f)) {
          return true;
        }
      }
      return false;
    }
    if (filter.has("timestamp")) {
      return timestamp(page, filter);
    }
    if (!filter.has("property")) {
      throw FakeNotionError.validation("body.filter should have a property, timestamp, or/and.");
    }
    Map.Entry<String, ObjectNode> property =
        FakeNotionData.resolve(page.db, filter.get("property").asText());
    String type = property.getValue().path("type").asText();
    if (!filter.has(type)) {
      throw FakeNotionError.validation(
          "database property "
              + type
              + " does not match filter "
              + filter.properties().stream()
                  .map(Map.Entry::getKey)
                  .filter(k -> !k.equals("property"))
                  .findFirst()
                  .orElse("?")
              + ".");
    }
    JsonNode condition = filter.get(type);
    JsonNode value = page.properties.path(property.getKey()).path(type);
    String actual =
        switch (type) {
          case "title", "rich_text" -> RichText.plain(value);
          case "select" -> value.path("name").asText(null);
          default -> value.isNull() ? null : value.asText();
        };
    if (condition.has("equals")) {
      return condition.get("equals").asText().equals(actual);
    }
    if (condition.has("is_empty")) {
      return actual == null || actual.isEmpty();
    }
    throw FakeNotionError.validation(
        "body.filter." + type + " uses an operator the fake does not know.");
  }

  private static boolean timestamp(FakeNotionData.Page page, JsonNode filter) {
    String which = filter.get("timestamp").asText();
    Instant at =
        switch (which) {
          case "last_edited_time" -> page.lastEdited;
          case "created_time" -> page.created;
          default ->
              throw FakeNotionError.validation(
                  "body.filter.timestamp should be created_time or last_edited_time.");
        };
    JsonNode condition = filter.path(which);
    if (condition.has("on_or_after")) {
      return !at.isBefore(instant(condition.get("on_or_after").asText()));
    }
    if (condition.has("after")) {
      return at.isAfter(instant(condition.get("after").asText()));
    }
    if (condition.has("before")) {
      return at.isBefore(instant(condition.get("before").asText()));
    }
    throw FakeNotionError.validation("body.filter." + which + " should have a date condition.");
  }

  private static Instant instant(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (RuntimeException e) {
      throw FakeNotionError.validation(
          "body.filter date should be an ISO 8601 date, instead was `" + text + "`.");
    }
  }

  /** One page of a list answer; the cursor is the id of the next item, as in Notion. */
  static <T> ObjectNode page(
      List<T> all,
      Function<T, String> id,
      Function<T, JsonNode> render,
      JsonNode pageSize,
      String cursor) {
    int size =
        pageSize == null || pageSize.isMissingNode() || pageSize.isNull()
            ? 100
            : pageSize.asInt(-1);
    if (size < 1 || size > 100) {
      throw FakeNotionError.validation(
          "body.page_size should be ≤ `100`, instead was `" + pageSize + "`.");
    }
    int from = 0;
    if (cursor != null) {
      from = -1;
      for (int i = 0; i < all.size(); i++) {
        if (id.apply(all.get(i)).equals(cursor)) {
          from = i;
        }
      }
      if (from < 0) {
        throw FakeNotionError.validation("body.start_cursor should be a valid cursor.");
      }
    }
    int to = Math.min(all.size(), from + size);
    ObjectNode answer = FakeNotionData.JSON.createObjectNode().put("object", "list");
    ArrayNode results = answer.putArray("results");
    all.subList(from, to).forEach(item -> results.add(render.apply(item)));
    boolean more = to < all.size();
    answer.put("has_more", more);
    if (more) {
      answer.put("next_cursor", id.apply(all.get(to)));
    } else {
      answer.putNull("next_cursor");
    }
    return answer;
  }
}
