package ca.businessx.nurture.email.smtp;

import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plain-text conversion as it was written first, a chain of regular expressions: kept as the
 * reference {@link HtmlText} must agree with byte for byte ({@code HtmlTextEquivalenceTest}).
 */
final class RegexHtmlText {
  private static final Pattern HIDDEN =
      Pattern.compile("(?is)<(script|style|head)\\b.*?</\\1\\s*>|<!--.*?-->");
  private static final Pattern LINK =
      Pattern.compile("(?is)<a\\b[^>]*?href\\s*=\\s*([\"'])(.*?)\\1[^>]*>(.*?)</a\\s*>");
  private static final Pattern BREAK = Pattern.compile("(?i)<br\\s*/?>");
  private static final Pattern BLOCK_END =
      Pattern.compile("(?i)</(p|div|h[1-6]|table|ul|ol|blockquote)\\s*>");
  private static final Pattern LINE_END = Pattern.compile("(?i)</(li|tr)\\s*>");
  private static final Pattern LIST_ITEM = Pattern.compile("(?i)<li\\b[^>]*>");
  private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
  private static final Pattern ENTITY = Pattern.compile("&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z]+);");
  // Compiled once: String.replaceAll compiles its pattern on every call, and every email is
  // converted.
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final Pattern SPACES = Pattern.compile("[ \\t\\x0B\\f\\u00A0]+");
  private static final Pattern AROUND_NEWLINE = Pattern.compile(" *\n *");
  private static final Pattern BLANK_LINES = Pattern.compile("\n{3,}");
  private static final Map<String, String> NAMED =
      Map.of(
          "amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'", "nbsp", " ", "mdash", "—",
          "ndash", "–", "hellip", "…", "rsquo", "’");

  private RegexHtmlText() {}

  static String from(String html) {
    String text = HIDDEN.matcher(html).replaceAll("");
    text = WHITESPACE.matcher(text).replaceAll(" ");
    text = LINK.matcher(text).replaceAll(RegexHtmlText::link);
    text = BREAK.matcher(text).replaceAll("\n");
    text = BLOCK_END.matcher(text).replaceAll("\n\n");
    text = LINE_END.matcher(text).replaceAll("\n");
    text = LIST_ITEM.matcher(text).replaceAll("- ");
    text = TAG.matcher(text).replaceAll("");
    text = decode(text);
    text = SPACES.matcher(text).replaceAll(" ");
    text = AROUND_NEWLINE.matcher(text).replaceAll("\n");
    return BLANK_LINES.matcher(text).replaceAll("\n\n").strip();
  }

  private static String link(MatchResult anchor) {
    String url = anchor.group(2).strip();
    String label = TAG.matcher(anchor.group(3)).replaceAll("").strip();
    String shown =
        label.isEmpty() || decode(label).equals(decode(url)) || url.startsWith("#")
            ? (label.isEmpty() ? url : label)
            : label + " (" + url + ")";
    return Matcher.quoteReplacement(shown);
  }

  private static String decode(String text) {
    return ENTITY
        .matcher(text)
        .replaceAll(
            entity -> {
              String name = entity.group(1);
              String decoded = entity.group();
              try {
                if (name.startsWith("#x") || name.startsWith("#X")) {
                  decoded = Character.toString(Integer.parseInt(name.substring(2), 16));
                } else if (name.startsWith("#")) {
                  decoded = Character.toString(Integer.parseInt(name.substring(1)));
                } else {
                  decoded = NAMED.getOrDefault(name, decoded);
                }
              } catch (IllegalArgumentException notACodePoint) {
                // Left as written: a broken entity is still readable.
              }
              return Matcher.quoteReplacement(decoded);
            });
  }
}
