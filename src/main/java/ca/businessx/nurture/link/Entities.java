package ca.businessx.nurture.link;

/**
 * The HTML character references a URL in an attribute may carry (what jmustache writes: {@code
 * &amp; &quot; &#39; &#61; &#96;}, and the few named ones a person writes), and the escaping that
 * puts a URL back into a double-quoted attribute.
 */
final class Entities {
  private Entities() {}

  static String decode(String s) {
    if (s.indexOf('&') < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      int semi = c == '&' ? s.indexOf(';', i) : -1;
      if (semi > i + 1 && semi - i <= 10) {
        String ref = s.substring(i + 1, semi);
        int code = codePoint(ref);
        if (code >= 0) {
          out.appendCodePoint(code);
          i = semi + 1;
          continue;
        }
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }

  private static int codePoint(String ref) {
    try {
      if (ref.startsWith("#x") || ref.startsWith("#X")) {
        return valid(Integer.parseInt(ref.substring(2), 16));
      }
      if (ref.startsWith("#")) {
        return valid(Integer.parseInt(ref.substring(1)));
      }
    } catch (NumberFormatException e) {
      return -1;
    }
    return switch (ref) {
      case "amp" -> '&';
      case "quot" -> '"';
      case "apos" -> '\'';
      case "lt" -> '<';
      case "gt" -> '>';
      default -> -1;
    };
  }

  private static int valid(int code) {
    return code > 0 && code <= Character.MAX_CODE_POINT ? code : -1;
  }

  static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
