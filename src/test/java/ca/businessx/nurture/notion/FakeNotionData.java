package ca.businessx.nurture.notion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The fake's workspace: databases (one data source each), their pages, and page blocks. */
final class FakeNotionData {
  static final ObjectMapper JSON = new ObjectMapper();

  static final class Db {
    final String id = UUID.randomUUID().toString();
    final String dataSourceId = UUID.randomUUID().toString();
    final String title;
    final Map<String, ObjectNode> schema = new LinkedHashMap<>();

    Db(String title) {
      this.title = title;
    }
  }

  static final class Page {
    final String id = UUID.randomUUID().toString();
    final Db db;
    final Instant created;
    Instant lastEdited;
    boolean archived;
    final ObjectNode properties = JSON.createObjectNode();

    Page(Db db, Instant created) {
      this.db = db;
      this.created = created;
      this.lastEdited = created;
    }
  }

  final Map<String, Db> databases = new LinkedHashMap<>();
  final List<Page> pages = new ArrayList<>();
  final Map<String, List<ObjectNode>> blocks = new LinkedHashMap<>();
  final Set<String> unshared = new HashSet<>();
  volatile Clock clock = Clock.systemUTC();

  synchronized Db addDatabase(String title, Map<String, String> types) {
    Db db = new Db(title);
    types.forEach((name, type) -> db.schema.put(name, property(name, type)));
    databases.put(db.id, db);
    return db;
  }

  static ObjectNode property(String name, String type) {
    String id = type.equals("title") ? "title" : UUID.randomUUID().toString().substring(0, 4);
    ObjectNode p = JSON.createObjectNode().put("id", id).put("name", name).put("type", type);
    ObjectNode config = p.putObject(type);
    if (type.equals("select") || type.equals("multi_select")) {
      config.putArray("options");
    }
    return p;
  }

  synchronized Db database(String id) {
    Db db = databases.get(id);
    if (db == null || unshared.contains(id)) {
      throw FakeNotionError.notFound("database", id);
    }
    return db;
  }

  synchronized Db dataSource(String id) {
    for (Db db : databases.values()) {
      if (db.dataSourceId.equals(id) && !unshared.contains(db.id)) {
        return db;
      }
    }
    throw FakeNotionError.notFound("data source", id);
  }

  /** Resolves a property by name or by id, as Notion accepts both. */
  static Map.Entry<String, ObjectNode> resolve(Db db, String nameOrId) {
    for (Map.Entry<String, ObjectNode> p : db.schema.entrySet()) {
      if (p.getKey().equals(nameOrId) || p.getValue().path("id").asText().equals(nameOrId)) {
        return p;
      }
    }
    throw FakeNotionError.validation(nameOrId + " is not a property that exists.");
  }

  synchronized Page createPage(Db db, JsonNode properties) {
    Page page = new Page(db, clock.instant());
    db.schema.forEach((name, schema) -> page.properties.set(name, FakeNotionValues.empty(schema)));
    write(page, properties);
    pages.add(page);
    return page;
  }

  synchronized Page updatePage(String id, JsonNode properties) {
    Page page = page(id);
    write(page, properties);
    page.lastEdited = clock.instant();
    return page;
  }

  synchronized Page page(String id) {
    return pages.stream()
        .filter(p -> p.id.equals(id) && !unshared.contains(p.db.id))
        .findFirst()
        .orElseThrow(() -> FakeNotionError.notFound("page", id));
  }

  /** Pages in the database, as a query sees them: archived (trashed) pages are left out. */
  synchronized List<Page> pages(Db db) {
    return pages.stream().filter(p -> p.db == db && !p.archived).toList();
  }

  synchronized Page archive(String id, boolean archived) {
    Page page = page(id);
    page.archived = archived;
    page.lastEdited = clock.instant();
    return page;
  }

  private static void write(Page page, JsonNode properties) {
    if (properties == null || properties.isNull()) {
      return;
    }
    if (!properties.isObject()) {
      throw FakeNotionError.validation("body.properties should be an object.");
    }
    // Validate everything first: Notion applies all of a request or none of it.
    Map<String, ObjectNode> values = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> p : properties.properties()) {
      Map.Entry<String, ObjectNode> schema = resolve(page.db, p.getKey());
      values.put(
          schema.getKey(), FakeNotionValues.read(schema.getKey(), schema.getValue(), p.getValue()));
    }
    values.forEach(page.properties::set);
  }

  synchronized void patchSchema(Db db, JsonNode properties) {
    for (Map.Entry<String, JsonNode> change : properties.properties()) {
      JsonNode def = change.getValue();
      Map.Entry<String, ObjectNode> existing =
          db.schema.entrySet().stream()
              .filter(e -> e.getKey().equals(change.getKey()))
              .findFirst()
              .orElse(null);
      if (def.isNull()) {
        db.schema.remove(change.getKey());
      } else if (def.has("name") && existing != null && def.size() == 1) {
        ObjectNode renamed = existing.getValue().put("name", def.get("name").asText());
        db.schema.remove(change.getKey());
        db.schema.put(def.get("name").asText(), renamed);
        pages(db)
            .forEach(
                p ->
                    p.properties.set(
                        def.get("name").asText(), p.properties.remove(change.getKey())));
      } else {
        String type = def.properties().iterator().next().getKey();
        if (!List.of(
                "title",
                "rich_text",
                "number",
                "select",
                "multi_select",
                "date",
                "email",
                "checkbox",
                "url",
                "phone_number")
            .contains(type)) {
          throw FakeNotionError.validation(
              "body.properties." + change.getKey() + " has an unknown type " + type + ".");
        }
        if (type.equals("title")
            && (existing == null || !existing.getValue().path("type").asText().equals("title"))) {
          throw FakeNotionError.validation("Cannot create a second title property.");
        }
        ObjectNode p = property(change.getKey(), type);
        if (existing != null) {
          p.put("id", existing.getValue().path("id").asText());
        }
        if (def.path(type).has("options")) {
          p.withObject(type).set("options", def.path(type).path("options").deepCopy());
        }
        boolean retyped =
            existing == null || !existing.getValue().path("type").asText().equals(type);
        db.schema.put(change.getKey(), p);
        if (retyped) {
          pages(db)
              .forEach(page -> page.properties.set(change.getKey(), FakeNotionValues.empty(p)));
        }
      }
    }
  }

  /** Adds blocks under a page or block; answers the new blocks' ids. */
  synchronized List<String> addBlocks(String parentId, List<ObjectNode> children) {
    List<String> ids = new ArrayList<>();
    for (ObjectNode child : children) {
      String id = UUID.randomUUID().toString();
      child.put("object", "block").put("id", id).put("has_children", false);
      blocks.computeIfAbsent(parentId, k -> new ArrayList<>()).add(child);
      ids.add(id);
    }
    blocks.values().stream()
        .flatMap(List::stream)
        .filter(b -> b.path("id").asText().equals(parentId))
        .forEach(b -> b.put("has_children", true));
    return ids;
  }
}
