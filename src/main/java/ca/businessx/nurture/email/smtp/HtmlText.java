package ca.businessx.nurture.email.smtp;

import static ca.businessx.nurture.email.smtp.HtmlScan.at;
import static ca.businessx.nurture.email.smtp.HtmlScan.boundaryAfterLetter;
import static ca.businessx.nurture.email.smtp.HtmlScan.isSpace;
import static ca.businessx.nurture.email.smtp.HtmlScan.replace;
import static ca.businessx.nurture.email.smtp.HtmlScan.skipSpace;
import static ca.businessx.nurture.email.smtp.HtmlScan.spacesThenGt;

import java.util.List;
import java.util.Map;

/**
 * A readable plain-text alternative for an HTML email: tags stripped, entities decoded, block
 * elements turned into line breaks, and link targets kept next to their text, since a plain-text
 * reader cannot click an anchor it cannot see.
 *
 * <p>Every email sent through Resend is converted, so this is written as plain scans rather than a
 * chain of regular expressions (which took half the send loop's time). Each pass does what one
 * expression of the first version did, in the same order, and the comment above it names that
 * expression; {@code HtmlTextEquivalenceTest} holds the two to the same output byte for byte.
 */
public final class HtmlText {
  private static final List<String> HIDDEN_TAGS = List.of("script", "style", "head");
  private static final List<String> BLOCKS =
      List.of("p", "div", "h", "table", "ul", "ol", "blockquote");
  private static final List<String> LINES = List.of("li", "tr");
  private static final Map<String, String> NAMED =
      Map.of(
          "amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'", "nbsp", " ", "mdash", "—",
          "ndash", "–", "hellip", "…", "rsquo", "’");

  private HtmlText() {}

  public static String from(String html) {
    // (?is)<(script|style|head)\b.*?</\1\s*>|<!--.*?-->
    String text = replace(html, '<', HtmlText::hiddenEnd, "");
    // \s+
    text = oneSpace(text);
    text = links(text);
    // (?i)<br\s*/?>
    text = replace(text, '<', HtmlText::breakEnd, "\n");
    // (?i)</(p|div|h[1-6]|table|ul|ol|blockquote)\s*>
    text = replace(text, '<', (s, i) -> closingEnd(s, i, BLOCKS), "\n\n");
    // (?i)</(li|tr)\s*>
    text = replace(text, '<', (s, i) -> closingEnd(s, i, LINES), "\n");
    // (?i)<li\b[^>]*>
    text = replace(text, '<', HtmlText::listItemEnd, "- ");
    text = withoutTags(text);
    text = decode(text);
    return spacing(text).strip();
  }

  private static int hiddenEnd(String s, int i) {
    for (String name : HIDDEN_TAGS) {
      int from = i + 1 + name.length();
      if (at(s, i + 1, name) && boundaryAfterLetter(s, from)) {
        for (int j = s.indexOf("</", from); j >= 0; j = s.indexOf("</", j + 1)) {
          int end = at(s, j + 2, name) ? spacesThenGt(s, j + 2 + name.length()) : -1;
          if (end >= 0) {
            return end;
          }
        }
        return -1; // the names differ in their first two letters: no other can match here
      }
    }
    if (s.startsWith("<!--", i)) {
      int close = s.indexOf("-->", i + 4);
      return close < 0 ? -1 : close + 3;
    }
    return -1;
  }

  /**
   * {@code \s+} as one space, over the characters as an array (this and spacing are the hot loops).
   */
  private static String oneSpace(String s) {
    char[] in = s.toCharArray();
    char[] out = new char[in.length];
    int o = 0;
    int i = 0;
    while (i < in.length) {
      char c = in[i++];
      if (!isSpace(c)) {
        out[o++] = c;
        continue;
      }
      out[o++] = ' ';
      while (i < in.length && isSpace(in[i])) {
        i++;
      }
    }
    return new String(out, 0, o);
  }

  /**
   * {@code (?is)<a\b[^>]*?href\s*=\s*(["'])(.*?)\1[^>]*>(.*?)</a\s*>}: for each {@code href} before
   * the tag's first {@code >} in turn, the first closing quote, the first {@code >} after it and
   * the first {@code </a>} after that. A later closing quote cannot help where the first failed: it
   * only moves the {@code >} and the {@code </a>} further on.
   */
  private static String links(String s) {
    StringBuilder out = null;
    int copied = 0;
    int[] groups = new int[4];
    int i = s.indexOf('<');
    while (i >= 0) {
      int end = anchorEnd(s, i, groups);
      if (end < 0) {
        i = s.indexOf('<', i + 1);
        continue;
      }
      if (out == null) {
        out = new StringBuilder(s.length());
      }
      out.append(s, copied, i)
          .append(link(s.substring(groups[0], groups[1]), s.substring(groups[2], groups[3])));
      copied = end;
      i = s.indexOf('<', end);
    }
    return out == null ? s : out.append(s, copied, s.length()).toString();
  }

  private static int anchorEnd(String s, int i, int[] groups) {
    if (!at(s, i + 1, "a") || !boundaryAfterLetter(s, i + 2)) {
      return -1;
    }
    int firstGt = s.indexOf('>', i + 2);
    int limit = firstGt < 0 ? s.length() : firstGt;
    for (int p = href(s, i + 2, limit); p >= 0; p = href(s, p + 1, limit)) {
      int j = skipSpace(s, p + 4);
      if (j >= s.length() || s.charAt(j) != '=') {
        continue;
      }
      j = skipSpace(s, j + 1);
      if (j >= s.length() || (s.charAt(j) != '"' && s.charAt(j) != '\'')) {
        continue;
      }
      int close = s.indexOf(s.charAt(j), j + 1);
      int tagEnd = close < 0 ? -1 : s.indexOf('>', close + 1);
      if (tagEnd < 0) {
        continue;
      }
      for (int c = s.indexOf("</", tagEnd + 1); c >= 0; c = s.indexOf("</", c + 1)) {
        int end = at(s, c + 2, "a") ? spacesThenGt(s, c + 3) : -1;
        if (end >= 0) {
          groups[0] = j + 1;
          groups[1] = close;
          groups[2] = tagEnd + 1;
          groups[3] = c;
          return end;
        }
      }
    }
    return -1;
  }

  /** The first {@code href}, in any case, starting in [from, limit), or -1. */
  private static int href(String s, int from, int limit) {
    for (int p = from; p < limit; p++) {
      if (at(s, p, "href")) {
        return p;
      }
    }
    return -1;
  }

  private static String link(String href, String content) {
    String url = href.strip();
    String label = withoutTags(content).strip();
    return label.isEmpty() || decode(label).equals(decode(url)) || url.startsWith("#")
        ? (label.isEmpty() ? url : label)
        : label + " (" + url + ")";
  }

  private static int breakEnd(String s, int i) {
    if (!at(s, i + 1, "br")) {
      return -1;
    }
    int j = skipSpace(s, i + 3);
    if (j < s.length() && s.charAt(j) == '/') {
      j++;
    }
    return j < s.length() && s.charAt(j) == '>' ? j + 1 : -1;
  }

  /** {@code </name\s*>} for the first of the names that matches ({@code h} stands for h1–h6). */
  private static int closingEnd(String s, int i, List<String> names) {
    if (i + 1 >= s.length() || s.charAt(i + 1) != '/') {
      return -1;
    }
    for (String name : names) {
      int after = i + 2 + name.length();
      if (name.equals("h")) {
        boolean heading =
            at(s, i + 2, "h")
                && after < s.length()
                && s.charAt(after) >= '1'
                && s.charAt(after) <= '6';
        after = heading ? after + 1 : -1;
      } else if (!at(s, i + 2, name)) {
        after = -1;
      }
      int end = after < 0 ? -1 : spacesThenGt(s, after);
      if (end >= 0) {
        return end;
      }
    }
    return -1;
  }

  private static int listItemEnd(String s, int i) {
    if (!at(s, i + 1, "li") || !boundaryAfterLetter(s, i + 3)) {
      return -1;
    }
    int gt = s.indexOf('>', i + 3);
    return gt < 0 ? -1 : gt + 1;
  }

  /** {@code (?s)<[^>]*>} removed: a {@code <} with no {@code >} after it stays as it is. */
  private static String withoutTags(String s) {
    int i = s.indexOf('<');
    if (i < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    int copied = 0;
    while (i >= 0) {
      int gt = s.indexOf('>', i + 1);
      if (gt < 0) {
        break;
      }
      out.append(s, copied, i);
      copied = gt + 1;
      i = s.indexOf('<', copied);
    }
    return out.append(s, copied, s.length()).toString();
  }

  /** {@code &(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z]+);} decoded; what cannot be is left as written. */
  private static String decode(String s) {
    int i = s.indexOf('&');
    if (i < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    int copied = 0;
    while (i >= 0) {
      int semi = entityEnd(s, i);
      if (semi < 0) {
        i = s.indexOf('&', i + 1);
        continue;
      }
      out.append(s, copied, i).append(decoded(s.substring(i + 1, semi), s.substring(i, semi + 1)));
      copied = semi + 1;
      i = s.indexOf('&', copied);
    }
    return out.append(s, copied, s.length()).toString();
  }

  /** The index of the {@code ;} closing an entity at {@code i}, or -1. */
  private static int entityEnd(String s, int i) {
    int j = i + 1;
    if (j < s.length() && s.charAt(j) == '#') {
      int digits = run(s, j + 1, false);
      if (digits > j + 1 && digits < s.length() && s.charAt(digits) == ';') {
        return digits;
      }
      char x = j + 1 < s.length() ? s.charAt(j + 1) : 0;
      int hex = x == 'x' || x == 'X' ? run(s, j + 2, true) : -1;
      return hex > j + 2 && hex < s.length() && s.charAt(hex) == ';' ? hex : -1;
    }
    int letters = j;
    while (letters < s.length() && isAsciiLetter(s.charAt(letters))) {
      letters++;
    }
    return letters > j && letters < s.length() && s.charAt(letters) == ';' ? letters : -1;
  }

  private static int run(String s, int from, boolean hex) {
    int k = from;
    while (k < s.length() && isDigit(s.charAt(k), hex)) {
      k++;
    }
    return k;
  }

  private static boolean isDigit(char c, boolean hex) {
    return (c >= '0' && c <= '9') || (hex && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static String decoded(String name, String written) {
    try {
      if (name.startsWith("#x") || name.startsWith("#X")) {
        return Character.toString(Integer.parseInt(name.substring(2), 16));
      } else if (name.startsWith("#")) {
        return Character.toString(Integer.parseInt(name.substring(1)));
      }
      return NAMED.getOrDefault(name, written);
    } catch (IllegalArgumentException notACodePoint) {
      return written; // a broken entity is still readable
    }
  }

  /**
   * {@code [ \t\x0B\f\u00A0]+} as one space, then {@code " *\n *"} as a line break, then {@code
   * \n{3,}} as two: a run of those characters is a space without a line break in it, else one or
   * two line breaks.
   */
  private static String spacing(String s) {
    char[] in = s.toCharArray();
    char[] out = new char[in.length];
    int o = 0;
    int i = 0;
    while (i < in.length) {
      char c = in[i];
      if (!isGap(c)) {
        out[o++] = c;
        i++;
        continue;
      }
      int breaks = 0;
      while (i < in.length && isGap(in[i])) {
        breaks += in[i] == '\n' ? 1 : 0;
        i++;
      }
      if (breaks == 0) {
        out[o++] = ' ';
      } else {
        out[o++] = '\n';
        if (breaks > 1) {
          out[o++] = '\n';
        }
      }
    }
    return new String(out, 0, o);
  }

  private static boolean isGap(char c) {
    return c <= ' '
        ? c == ' ' || c == '\t' || c == '\u000B' || c == '\f' || c == '\n'
        : c == '\u00A0';
  }
}
