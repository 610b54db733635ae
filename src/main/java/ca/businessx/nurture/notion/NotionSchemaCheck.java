package ca.businessx.nurture.notion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compares both databases with what Nurture needs ({@code nurture notion check}) and adds what is
 * missing ({@code nurture notion setup}). Problems are sentences for the person running the
 * command.
 */
public final class NotionSchemaCheck {
  private final NotionClient client;
  private final NotionSettings settings;

  public NotionSchemaCheck(NotionClient client, NotionSettings settings) {
    this.client = client;
    this.settings = settings;
  }

  /** Every problem found; empty means both databases are ready. */
  public List<String> check() {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, Target> t : targets().entrySet()) {
      try {
        SchemaDiff diff = new SchemaDiff(client.schema(t.getValue().id()), t.getValue().expected());
        diff.problems().forEach(p -> problems.add(t.getKey() + " database: " + p));
      } catch (NotionException e) {
        problems.add(t.getKey() + " database " + t.getValue().id() + ": " + unreachable(e));
      }
    }
    return problems;
  }

  /** Adds missing properties and options, fixes mistyped ones, then answers what is still wrong. */
  public List<String> setup() {
    for (Target t : targets().values()) {
      try {
        ObjectNode fixes = new SchemaDiff(client.schema(t.id()), t.expected()).fixes();
        if (!fixes.isEmpty()) {
          client.updateSchema(t.id(), fixes);
        }
      } catch (NotionException e) {
        // check() below reports the database as unreachable.
      }
    }
    return check();
  }

  private record Target(String id, List<ExpectedSchema.Property> expected) {}

  private Map<String, Target> targets() {
    Map<String, Target> targets = new java.util.LinkedHashMap<>();
    targets.put(
        "Contacts", new Target(settings.contactsDbId(), ExpectedSchema.contacts(settings.names())));
    if (settings.templatesDbId() != null) {
      targets.put(
          "Templates",
          new Target(settings.templatesDbId(), ExpectedSchema.templates(settings.names())));
    }
    return targets;
  }

  private static String unreachable(NotionException e) {
    return switch (e.status()) {
      case 401 -> "the API key was rejected (401 " + e.code() + ").";
      case 403 -> "the integration lacks permission to read it (403 " + e.code() + ").";
      case 404 -> "not found; share the database with the integration (404 " + e.code() + ").";
      default ->
          e.isTransient()
              ? "Notion could not be reached: " + e.getMessage()
              : "Notion refused the request: " + e.getMessage();
    };
  }

  /** One database's differences from what Nurture expects. */
  private record SchemaDiff(JsonNode actual, List<ExpectedSchema.Property> expected) {

    List<String> problems() {
      List<String> problems = new ArrayList<>();
      for (ExpectedSchema.Property want : expected) {
        JsonNode have = actual.get(want.name());
        String quoted = "property \"" + want.name() + "\"";
        if (have == null) {
          String title = titleName();
          problems.add(
              "title".equals(want.type()) && title != null
                  ? quoted + " is missing: the title column is called \"" + title + "\"."
                  : quoted + " is missing (expected type " + want.type() + ").");
        } else if (!want.type().equals(have.path("type").asText())) {
          problems.add(
              quoted
                  + " has type "
                  + have.path("type").asText()
                  + ", expected "
                  + want.type()
                  + ".");
        } else if (!missingOptions(want, have).isEmpty()) {
          problems.add(
              quoted + " lacks the options " + String.join(", ", missingOptions(want, have)) + ".");
        }
      }
      return problems;
    }

    ObjectNode fixes() {
      ObjectNode fixes = NotionHttp.JSON.createObjectNode();
      for (ExpectedSchema.Property want : expected) {
        JsonNode have = actual.get(want.name());
        if ("title".equals(want.type())) {
          // A database has exactly one title column; renaming it is the only fix.
          String title = titleName();
          if (have == null && title != null) {
            fixes.putObject(title).put("name", want.name());
          }
        } else if (have == null
            || !want.type().equals(have.path("type").asText())
            || !missingOptions(want, have).isEmpty()) {
          ObjectNode config = fixes.putObject(want.name()).putObject(want.type());
          if (!want.options().isEmpty()) {
            ArrayNode options = config.putArray("options");
            existingOptions(have).forEach(o -> options.addObject().put("name", o));
            missingOptions(want, have).forEach(o -> options.addObject().put("name", o));
          }
        }
      }
      return fixes;
    }

    private String titleName() {
      for (Map.Entry<String, JsonNode> p : actual.properties()) {
        if ("title".equals(p.getValue().path("type").asText())) {
          return p.getKey();
        }
      }
      return null;
    }

    private static List<String> existingOptions(JsonNode have) {
      if (have == null || !"select".equals(have.path("type").asText())) {
        return List.of();
      }
      List<String> names = new ArrayList<>();
      have.path("select").path("options").forEach(o -> names.add(o.path("name").asText()));
      return names;
    }

    private static List<String> missingOptions(ExpectedSchema.Property want, JsonNode have) {
      List<String> existing = existingOptions(have);
      return want.options().stream().filter(o -> !existing.contains(o)).toList();
    }
  }
}
