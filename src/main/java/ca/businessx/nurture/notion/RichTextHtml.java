package ca.businessx.nurture.notion;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One rich-text array to escaped inline HTML. Notion splits text wherever formatting changes, so a
 * Mustache tag can arrive in pieces; each tag is moved whole into the run where it starts.
 */
final class RichTextHtml {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\{?[^{}]*}?}}");

  private record Run(String text, JsonNode annotations, String href) {}

  private RichTextHtml() {}

  static String render(JsonNode richText) {
    List<Run> runs = new ArrayList<>();
    StringBuilder all = new StringBuilder();
    for (JsonNode item : richText) {
      String text = RichText.itemText(item);
      String href = item.path("href").asText(item.path("text").path("link").path("url").asText(""));
      runs.add(new Run(text, item.path("annotations"), href));
      all.append(text);
    }
    int[] owner = new int[all.length()];
    int at = 0;
    for (int r = 0; r < runs.size(); r++) {
      for (int i = 0; i < runs.get(r).text().length(); i++) {
        owner[at++] = r;
      }
    }
    Matcher tag = PLACEHOLDER.matcher(all);
    while (tag.find()) {
      for (int i = tag.start(); i < tag.end(); i++) {
        owner[i] = owner[tag.start()];
      }
    }
    StringBuilder html = new StringBuilder();
    int start = 0;
    for (int i = 1; i <= owner.length; i++) {
      if (i == owner.length || owner[i] != owner[start]) {
        html.append(wrap(all.substring(start, i), runs.get(owner[start])));
        start = i;
      }
    }
    return html.toString();
  }

  private static String wrap(String text, Run run) {
    String html = escape(text).replace("\n", "<br>");
    JsonNode a = run.annotations();
    if (a.path("code").asBoolean()) {
      html = "<code>" + html + "</code>";
    }
    if (a.path("strikethrough").asBoolean()) {
      html = "<s>" + html + "</s>";
    }
    if (a.path("underline").asBoolean()) {
      html = "<u>" + html + "</u>";
    }
    if (a.path("italic").asBoolean()) {
      html = "<em>" + html + "</em>";
    }
    if (a.path("bold").asBoolean()) {
      html = "<strong>" + html + "</strong>";
    }
    if (safeLink(run.href())) {
      html = "<a href=\"" + escape(run.href()) + "\">" + html + "</a>";
    }
    return html;
  }

  /** Only web and mail links: a javascript: or data: URL has no business in an email. */
  static boolean safeLink(String href) {
    String h = href.trim().toLowerCase(Locale.ROOT);
    return h.startsWith("https://") || h.startsWith("http://") || h.startsWith("mailto:");
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
