package ca.businessx.nurture.alert.discord;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** Discord's message limits (providers.md §3.1), as an errors tree path → reason. */
final class FakeDiscordValidation {
  private FakeDiscordValidation() {}

  static boolean isEmpty(JsonNode message) {
    return message.path("content").asText("").isBlank()
        && message.path("embeds").isEmpty()
        && !message.has("components")
        && !message.has("poll");
  }

  static Map<String, String> problems(JsonNode message) {
    Map<String, String> problems = new LinkedHashMap<>();
    max(problems, "content", message.path("content"), 2000);
    max(problems, "username", message.path("username"), 80);
    JsonNode embeds = message.path("embeds");
    if (embeds.size() > 10) {
      problems.put("embeds", "Must be 10 or fewer in length.");
    }
    int total = 0;
    for (int i = 0; i < embeds.size(); i++) {
      JsonNode embed = embeds.get(i);
      String at = "embeds." + i + ".";
      total += max(problems, at + "title", embed.path("title"), 256);
      total += max(problems, at + "description", embed.path("description"), 4096);
      total += max(problems, at + "footer.text", embed.path("footer").path("text"), 2048);
      total += max(problems, at + "author.name", embed.path("author").path("name"), 256);
      String url = embed.path("url").asText("");
      if (!url.isEmpty() && !url.startsWith("http://") && !url.startsWith("https://")) {
        problems.put(at + "url", "Not a well formed URL.");
      }
      JsonNode fields = embed.path("fields");
      if (fields.size() > 25) {
        problems.put(at + "fields", "Must be 25 or fewer in length.");
      }
      for (int f = 0; f < fields.size(); f++) {
        String fieldAt = at + "fields." + f + ".";
        total += required(problems, fieldAt + "name", fields.get(f).path("name"), 256);
        total += required(problems, fieldAt + "value", fields.get(f).path("value"), 1024);
      }
    }
    if (total > 6000) {
      problems.put("embeds", "Embed size exceeds maximum size of 6000");
    }
    return problems;
  }

  private static int required(
      Map<String, String> problems, String path, JsonNode value, int limit) {
    if (value.asText("").isBlank()) {
      problems.put(path, "This field is required");
    }
    return max(problems, path, value, limit);
  }

  private static int max(Map<String, String> problems, String path, JsonNode value, int limit) {
    int length = value.asText("").strip().length();
    if (length > limit) {
      problems.put(path, "Must be " + limit + " or fewer in length.");
    }
    return length;
  }
}
