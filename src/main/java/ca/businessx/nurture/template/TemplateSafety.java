package ca.businessx.nurture.template;

import java.util.regex.Pattern;

/**
 * Templates edited outside the code (Notion pages, the config folder) may only insert values
 * HTML-escaped. {@code {{{x}}}} and {@code {{&x}}} would put a lead's raw input into an email, and
 * a delimiter change ({@code {{=<% %>=}}}) would let either come back in disguise.
 */
public final class TemplateSafety {
  /** After {@code &} is HTML-escaped (Notion text), {@code {{&amp;x}}} is still a raw tag. */
  private static final Pattern RAW_TAG = Pattern.compile("\\{\\{\\s*[{&=]");

  private TemplateSafety() {}

  /** Whether the text holds a tag that inserts a value unescaped, or changes the delimiters. */
  public static boolean hasUnescapedTag(String text) {
    return text != null && RAW_TAG.matcher(text).find();
  }

  /** The layout must insert the rendered body as HTML, and nothing else. */
  public static boolean layoutIsSafe(String layout) {
    return !hasUnescapedTag(layout.replace("{{{body}}}", ""));
  }
}
