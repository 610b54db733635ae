package ca.businessx.nurture.notion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The fake's endpoints; {@link FakeNotion} has already checked token, version and endpoint set. */
final class FakeNotionRoutes {
  private final FakeNotionData data;

  FakeNotionRoutes(FakeNotionData data) {
    this.data = data;
  }

  static Map<String, String> contactsSchema() {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("Name", "title");
    s.put("Email", "email");
    s.put("First Name", "rich_text");
    s.put("Business Name", "rich_text");
    for (String colour : List.of("Red", "Orange", "Yellow", "Green")) {
      s.put(colour + " Systems", "number");
    }
    s.put("Assessment Score", "number");
    s.put("Segment", "select");
    s.put("Sequence Status", "select");
    s.put("Last Email", "rich_text");
    s.put("Signed Up", "date");
    s.put("Assessed", "date");
    s.put("Time Zone", "rich_text");
    s.put("Engagement Score", "number");
    s.put("Last Engaged", "date");
    s.put("Booked At", "date");
    return s;
  }

  static void selectOptions(FakeNotionData.Db db, String property, String... names) {
    ArrayNode options = db.schema.get(property).withObject("/select").putArray("options");
    for (String name : names) {
      options
          .addObject()
          .put("id", java.util.UUID.randomUUID().toString())
          .put("name", name)
          .put("color", "default");
    }
  }

  JsonNode getDatabase(FakeNotion.Call call) {
    FakeNotionData.Db db = data.database(call.id());
    ObjectNode out =
        FakeNotionData.JSON.createObjectNode().put("object", "database").put("id", db.id);
    out.putArray("title")
        .addObject()
        .put("type", "text")
        .put("plain_text", db.title)
        .putObject("text")
        .put("content", db.title);
    if (call.version().equals(FakeNotion.V2025)) {
      out.putArray("data_sources").addObject().put("id", db.dataSourceId).put("name", db.title);
    } else {
      out.set("properties", schema(db));
    }
    return out;
  }

  JsonNode patchDatabase(FakeNotion.Call call) {
    FakeNotionData.Db db = data.database(call.id());
    if (call.body().has("properties")) {
      if (call.version().equals(FakeNotion.V2025)) {
        throw FakeNotionError.validation(
            "body.properties should be not present: properties belong to the data source.");
      }
      data.patchSchema(db, call.body().get("properties"));
    }
    return getDatabase(call);
  }

  JsonNode getDataSource(FakeNotion.Call call) {
    FakeNotionData.Db db = data.dataSource(call.id());
    ObjectNode out =
        FakeNotionData.JSON
            .createObjectNode()
            .put("object", "data_source")
            .put("id", db.dataSourceId);
    out.putObject("parent").put("type", "database_id").put("database_id", db.id);
    out.set("properties", schema(db));
    return out;
  }

  JsonNode patchDataSource(FakeNotion.Call call) {
    FakeNotionData.Db db = data.dataSource(call.id());
    if (call.body().has("properties")) {
      data.patchSchema(db, call.body().get("properties"));
    }
    return getDataSource(call);
  }

  JsonNode queryDatabase(FakeNotion.Call call) {
    return query(data.database(call.id()), call, "page_or_database");
  }

  JsonNode queryDataSource(FakeNotion.Call call) {
    return query(data.dataSource(call.id()), call, "page_or_data_source");
  }

  private JsonNode query(FakeNotionData.Db db, FakeNotion.Call call, String listType) {
    JsonNode body = call.body();
    List<FakeNotionData.Page> hits;
    synchronized (data) {
      hits =
          data.pages(db).stream()
              .filter(p -> FakeNotionQuery.matches(p, body.path("filter")))
              .toList();
    }
    ObjectNode answer =
        FakeNotionQuery.page(
            hits,
            p -> p.id,
            p -> render(p, call.version()),
            body.path("page_size"),
            body.path("start_cursor").asText(null));
    answer.put("type", listType).putObject(listType);
    return answer;
  }

  JsonNode createPage(FakeNotion.Call call) {
    JsonNode parent = call.body().path("parent");
    FakeNotionData.Db db;
    if (parent.has("data_source_id")) {
      if (call.version().equals(FakeNotion.V2022)) {
        throw FakeNotionError.validation(
            "body.parent.database_id should be defined, instead was `undefined`.");
      }
      db = data.dataSource(parent.get("data_source_id").asText());
    } else if (parent.has("database_id")) {
      db = data.database(parent.get("database_id").asText());
    } else {
      throw FakeNotionError.validation(
          "body.parent should be a database, data source or page parent.");
    }
    return render(data.createPage(db, call.body().path("properties")), call.version());
  }

  JsonNode getPage(FakeNotion.Call call) {
    return render(data.page(call.id()), call.version());
  }

  JsonNode updatePage(FakeNotion.Call call) {
    JsonNode trash =
        call.body().has("in_trash") ? call.body().get("in_trash") : call.body().get("archived");
    if (trash != null) {
      if (!trash.isBoolean()) {
        throw FakeNotionError.validation("body.archived should be a boolean");
      }
      data.archive(call.id(), trash.asBoolean());
    }
    return render(data.updatePage(call.id(), call.body().path("properties")), call.version());
  }

  JsonNode blockChildren(FakeNotion.Call call) {
    List<ObjectNode> children;
    synchronized (data) {
      boolean known =
          data.blocks.containsKey(call.id())
              || data.pages.stream().anyMatch(p -> p.id.equals(call.id()))
              || data.blocks.values().stream()
                  .flatMap(List::stream)
                  .anyMatch(b -> b.path("id").asText().equals(call.id()));
      if (!known) {
        throw FakeNotionError.notFound("block", call.id());
      }
      children = List.copyOf(data.blocks.getOrDefault(call.id(), List.of()));
    }
    String size = call.http().queryParam("page_size");
    ObjectNode answer =
        FakeNotionQuery.page(
            children,
            b -> b.path("id").asText(),
            b -> b,
            size == null ? null : FakeNotionData.JSON.getNodeFactory().textNode(size),
            call.http().queryParam("start_cursor"));
    answer.put("type", "block").putObject("block");
    return answer;
  }

  private static ObjectNode schema(FakeNotionData.Db db) {
    ObjectNode out = FakeNotionData.JSON.createObjectNode();
    db.schema.forEach((name, p) -> out.set(name, p.deepCopy()));
    return out;
  }

  private static ObjectNode render(FakeNotionData.Page page, String version) {
    ObjectNode out =
        FakeNotionData.JSON
            .createObjectNode()
            .put("object", "page")
            .put("id", page.id)
            .put("created_time", page.created.toString())
            .put("last_edited_time", page.lastEdited.toString())
            .put("in_trash", page.archived)
            .put("archived", page.archived)
            .put("url", "https://www.notion.so/" + page.id.replace("-", ""));
    ObjectNode parent = out.putObject("parent");
    if (version.equals(FakeNotion.V2025)) {
      parent
          .put("type", "data_source_id")
          .put("data_source_id", page.db.dataSourceId)
          .put("database_id", page.db.id);
    } else {
      parent.put("type", "database_id").put("database_id", page.db.id);
    }
    out.set("properties", page.properties.deepCopy());
    return out;
  }
}
