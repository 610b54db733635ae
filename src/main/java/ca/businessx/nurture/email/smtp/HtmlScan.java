package ca.businessx.nurture.email.smtp;

/**
 * The few character tests {@link HtmlText} needs, each with the meaning the regular expressions it
 * replaced gave it: {@code \s} is {@code [ \t\n\x0B\f\r]}, {@code (?i)} folds ASCII letters only
 * (not {@code ſ} or the Kelvin sign, which {@code equalsIgnoreCase} would), and {@code \b} after a
 * letter holds before anything but an ASCII word character or a non-spacing mark.
 */
final class HtmlScan {
  /** Where a match ends in the text, or -1 when none starts at {@code at}. */
  interface Match {
    int end(String s, int at);
  }

  private HtmlScan() {}

  static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  static int skipSpace(String s, int i) {
    while (i < s.length() && isSpace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /** Whether {@code word} (lower-case ASCII) stands at {@code i}, ASCII letters in either case. */
  static boolean at(String s, int i, String word) {
    if (i < 0 || i + word.length() > s.length()) {
      return false;
    }
    for (int k = 0; k < word.length(); k++) {
      char c = s.charAt(i + k);
      char lower = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
      if (lower != word.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** {@code \b} at {@code i}, right after an ASCII letter. */
  static boolean boundaryAfterLetter(String s, int i) {
    if (i >= s.length()) {
      return true;
    }
    int c = s.codePointAt(i);
    boolean word =
        (c >= 'a' && c <= 'z')
            || (c >= 'A' && c <= 'Z')
            || (c >= '0' && c <= '9')
            || c == '_'
            || Character.getType(c) == Character.NON_SPACING_MARK;
    return !word;
  }

  /** The end of {@code \s*>} from {@code i}, or -1. */
  static int spacesThenGt(String s, int i) {
    int j = skipSpace(s, i);
    return j < s.length() && s.charAt(j) == '>' ? j + 1 : -1;
  }

  /**
   * Every match starting at a {@code first} character replaced by {@code with}, left to right, each
   * search going on after the last match (what {@code Matcher.replaceAll} does).
   */
  static String replace(String s, char first, Match match, String with) {
    StringBuilder out = null;
    int copied = 0;
    int i = s.indexOf(first);
    while (i >= 0) {
      int end = match.end(s, i);
      if (end < 0) {
        i = s.indexOf(first, i + 1);
        continue;
      }
      if (out == null) {
        out = new StringBuilder(s.length());
      }
      out.append(s, copied, i).append(with);
      copied = end;
      i = s.indexOf(first, end);
    }
    return out == null ? s : out.append(s, copied, s.length()).toString();
  }
}
