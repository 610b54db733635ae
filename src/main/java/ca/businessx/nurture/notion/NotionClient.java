package ca.businessx.nurture.notion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The few Notion endpoints Nurture uses, for either API version. Callers name databases; with
 * {@value NotionSettings#CURRENT_VERSION} the client finds and caches each one's data source.
 */
public final class NotionClient {
  private static final int PAGE_SIZE = 100;
  // Notion allows two nesting levels on write; reading deeper than this is a loop, not an email.
  private static final int MAX_BLOCK_DEPTH = 8;

  private final NotionHttp http;
  private final boolean classic;
  private final Map<String, String> dataSources = new ConcurrentHashMap<>();

  public NotionClient(NotionSettings settings, Clock clock) {
    this.http = new NotionHttp(settings, clock);
    this.classic = settings.classic();
  }

  /** The id of the database's first data source (the one a single-source database has). */
  public String dataSourceId(String databaseId) {
    return dataSourceId(databaseId, null);
  }

  private String dataSourceId(String databaseId, Duration permitWait) {
    String known = dataSources.get(databaseId);
    if (known != null) {
      return known;
    }
    String dbPath = "/v1/databases/" + id(databaseId);
    JsonNode db = permitWait == null ? http.get(dbPath) : http.get(dbPath, permitWait);
    String found = db.path("data_sources").path(0).path("id").asText("");
    if (found.isEmpty()) {
      throw new NotionException(
          "Notion database " + databaseId + " has no data source",
          false,
          null,
          200,
          "no_data_source");
    }
    dataSources.put(databaseId, found);
    return found;
  }

  /** Every page of the database matching the filter (null for all), oldest first. */
  public List<NotionPage> query(String databaseId, JsonNode filter) {
    return query(databaseId, filter, null);
  }

  /**
   * Like {@link #query(String, JsonNode)}, waiting at most {@code permitWait} for each request's
   * rate-limit permit (null: as long as it takes).
   */
  public List<NotionPage> query(String databaseId, JsonNode filter, Duration permitWait) {
    String path =
        classic
            ? "/v1/databases/" + id(databaseId) + "/query"
            : "/v1/data_sources/" + id(dataSourceId(databaseId, permitWait)) + "/query";
    ObjectNode body = NotionHttp.JSON.createObjectNode();
    if (filter != null) {
      body.set("filter", filter);
    }
    body.putArray("sorts")
        .addObject()
        .put("timestamp", "created_time")
        .put("direction", "ascending");
    body.put("page_size", PAGE_SIZE);
    List<NotionPage> pages = new ArrayList<>();
    String cursor = null;
    do {
      if (cursor != null) {
        body.put("start_cursor", cursor);
      }
      JsonNode answer =
          permitWait == null ? http.post(path, body) : http.post(path, body, permitWait);
      for (JsonNode result : answer.path("results")) {
        if ("page".equals(result.path("object").asText())) {
          pages.add(NotionPage.of(result));
        }
      }
      cursor = nextCursor(answer);
    } while (cursor != null);
    return pages;
  }

  public NotionPage createPage(String databaseId, ObjectNode properties) {
    ObjectNode body = NotionHttp.JSON.createObjectNode();
    ObjectNode parent = body.putObject("parent");
    if (classic) {
      parent.put("database_id", id(databaseId));
    } else {
      parent.put("type", "data_source_id").put("data_source_id", dataSourceId(databaseId));
    }
    body.set("properties", properties);
    return NotionPage.of(http.post("/v1/pages", body));
  }

  public NotionPage updatePage(String pageId, ObjectNode properties) {
    ObjectNode body = NotionHttp.JSON.createObjectNode();
    body.set("properties", properties);
    return NotionPage.of(http.patch("/v1/pages/" + id(pageId), body));
  }

  /** Archives a page; {@code archived} is the field name up to version 2026-03-11. */
  public void archivePage(String pageId) {
    ObjectNode body = NotionHttp.JSON.createObjectNode();
    body.put("archived", true);
    http.patch("/v1/pages/" + id(pageId), body);
  }

  /** The block's children, each with its own children, read page by page. */
  public List<NotionBlock> blockTree(String blockId) {
    return children(blockId, 0);
  }

  /** The property schema of the database (or its data source): name to definition. */
  public JsonNode schema(String databaseId) {
    return http.get(schemaPath(databaseId)).path("properties");
  }

  /** Adds or changes properties: name to {@code {"<type>": {config}}}, as Notion's PATCH takes. */
  public void updateSchema(String databaseId, ObjectNode properties) {
    ObjectNode body = NotionHttp.JSON.createObjectNode();
    body.set("properties", properties);
    http.patch(schemaPath(databaseId), body);
  }

  private String schemaPath(String databaseId) {
    return classic
        ? "/v1/databases/" + id(databaseId)
        : "/v1/data_sources/" + id(dataSourceId(databaseId));
  }

  private List<NotionBlock> children(String blockId, int depth) {
    List<NotionBlock> blocks = new ArrayList<>();
    String cursor = null;
    do {
      String path =
          "/v1/blocks/"
              + id(blockId)
              + "/children?page_size="
              + PAGE_SIZE
              + (cursor == null
                  ? ""
                  : "&start_cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
      JsonNode answer = http.get(path);
      for (JsonNode block : answer.path("results")) {
        boolean nested = block.path("has_children").asBoolean(false) && depth < MAX_BLOCK_DEPTH;
        List<NotionBlock> kids =
            nested ? children(block.path("id").asText(), depth + 1) : List.of();
        blocks.add(NotionBlock.of(block, kids));
      }
      cursor = nextCursor(answer);
    } while (cursor != null);
    return blocks;
  }

  private static String nextCursor(JsonNode answer) {
    String next = answer.path("next_cursor").asText("");
    return answer.path("has_more").asBoolean(false) && !next.isEmpty() ? next : null;
  }

  private static String id(String id) {
    return NotionSettings.requireId("Notion id", id);
  }
}
