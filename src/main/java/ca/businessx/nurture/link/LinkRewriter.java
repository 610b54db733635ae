package ca.businessx.nurture.link;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Rewrites the {@code href} of each {@code <a>} tag of rendered HTML, leaving every other byte as
 * it was. A small scanner rather than a parser: it skips comments (Outlook's conditional blocks
 * among them), reads attributes with their quotes (so a {@code >} inside a quoted value does not
 * end the tag), decodes the entities the template engine writes ({@code &amp;}, {@code &#61;} …)
 * before handing the URL over, and writes the new URL back double-quoted and escaped.
 */
public final class LinkRewriter {
  /** One link as the template wrote it: its decoded URL and its {@code data-link} name, if any. */
  public record Anchor(String href, Optional<String> name) {}

  private LinkRewriter() {}

  /**
   * @param replace the new URL for an anchor, or empty to keep it as it is
   */
  public static String rewrite(String html, Function<Anchor, Optional<String>> replace) {
    StringBuilder out = new StringBuilder(html.length() + 256);
    int i = 0;
    while (i < html.length()) {
      if (html.startsWith("<!--", i)) {
        int end = html.indexOf("-->", i + 4);
        int stop = end < 0 ? html.length() : end + 3;
        out.append(html, i, stop);
        i = stop;
      } else if (isAnchorStart(html, i)) {
        int end = tagEnd(html, i);
        out.append(anchor(html.substring(i, end), replace));
        i = end;
      } else {
        // Text and other tags are copied as they are, up to the next tag.
        int next = html.indexOf('<', i + 1);
        int stop = next < 0 ? html.length() : next;
        out.append(html, i, stop);
        i = stop;
      }
    }
    return out.toString();
  }

  private static boolean isAnchorStart(String html, int i) {
    if (html.charAt(i) != '<' || i + 2 >= html.length()) {
      return false;
    }
    char a = html.charAt(i + 1);
    char next = html.charAt(i + 2);
    return (a == 'a' || a == 'A') && (Character.isWhitespace(next) || next == '>' || next == '/');
  }

  /** The index just past the tag's closing {@code >}, outside quotes (or the end of the text). */
  private static int tagEnd(String html, int start) {
    char quote = 0;
    for (int i = start + 1; i < html.length(); i++) {
      char c = html.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        return i + 1;
      }
    }
    return html.length();
  }

  /** One attribute's value as it stands in the tag: where it starts and ends, quotes included. */
  private record Value(int start, int end, String raw) {}

  private static String anchor(String tag, Function<Anchor, Optional<String>> replace) {
    Value href = null;
    String name = null;
    int i = 2;
    while (i < tag.length()) {
      char c = tag.charAt(i);
      if (Character.isWhitespace(c) || c == '/' || c == '>') {
        i++;
        continue;
      }
      int nameStart = i;
      while (i < tag.length() && !isNameEnd(tag.charAt(i))) {
        i++;
      }
      String attribute = tag.substring(nameStart, i).toLowerCase(Locale.ROOT);
      int j = skipSpace(tag, i);
      if (j >= tag.length() || tag.charAt(j) != '=') {
        continue; // an attribute without a value
      }
      j = skipSpace(tag, j + 1);
      Value v = value(tag, j);
      i = v.end();
      if (attribute.equals("href") && href == null) {
        href = v;
      } else if (attribute.equals("data-link") && name == null) {
        name = Entities.decode(unquote(v.raw())).strip();
      }
    }
    if (href == null) {
      return tag;
    }
    String url = Entities.decode(unquote(href.raw())).strip();
    Optional<String> replaced =
        replace.apply(new Anchor(url, Optional.ofNullable(name).filter(n -> !n.isEmpty())));
    if (replaced.isEmpty()) {
      return tag;
    }
    return tag.substring(0, href.start())
        + '"'
        + Entities.escape(replaced.get())
        + '"'
        + tag.substring(href.end());
  }

  private static boolean isNameEnd(char c) {
    return Character.isWhitespace(c) || c == '=' || c == '>' || c == '/';
  }

  private static int skipSpace(String s, int i) {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static Value value(String tag, int start) {
    if (start >= tag.length()) {
      return new Value(start, start, "");
    }
    char q = tag.charAt(start);
    if (q == '"' || q == '\'') {
      int close = tag.indexOf(q, start + 1);
      int end = close < 0 ? tag.length() : close + 1;
      return new Value(start, end, tag.substring(start, end));
    }
    int end = start;
    while (end < tag.length()
        && !Character.isWhitespace(tag.charAt(end))
        && tag.charAt(end) != '>') {
      end++;
    }
    return new Value(start, end, tag.substring(start, end));
  }

  private static String unquote(String raw) {
    if (raw.length() >= 1 && (raw.charAt(0) == '"' || raw.charAt(0) == '\'')) {
      char q = raw.charAt(0);
      int end =
          raw.length() >= 2 && raw.charAt(raw.length() - 1) == q ? raw.length() - 1 : raw.length();
      return raw.substring(1, end);
    }
    return raw;
  }
}
