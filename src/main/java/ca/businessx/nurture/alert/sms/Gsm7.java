package ca.businessx.nurture.alert.sms;

import java.text.Normalizer;

/**
 * The GSM 03.38 alphabet that SMS uses unless a message needs UCS-2: one segment holds 160 of its
 * characters (the extension ones count twice) but only 70 of UCS-2. Accented letters outside it are
 * written without their accent where that keeps a message in GSM-7: "Zoë" costs a whole segment's
 * worth of room otherwise.
 */
final class Gsm7 {
  static final int SEGMENT = 160;
  static final int UCS2_SEGMENT = 70;
  private static final String BASIC =
      "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
          + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
  private static final String EXTENSION = "^{}\\[~]|€\f";

  private Gsm7() {}

  static boolean encodable(String text) {
    return text.codePoints().allMatch(c -> BASIC.indexOf(c) >= 0 || EXTENSION.indexOf(c) >= 0);
  }

  /** Septets the text takes in GSM-7, or -1 when it cannot be written in it. */
  static int length(String text) {
    int n = 0;
    for (int c : text.codePoints().toArray()) {
      if (BASIC.indexOf(c) >= 0) {
        n += 1;
      } else if (EXTENSION.indexOf(c) >= 0) {
        n += 2;
      } else {
        return -1;
      }
    }
    return n;
  }

  /**
   * Each character outside GSM-7 without its accents when that lands inside it ("ë" to "e", "ô" to
   * "o"), typographic quotes and dashes as their plain forms; other characters stay.
   */
  static String fold(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            c -> {
              String one = Character.toString(c);
              if (encodable(one)) {
                out.append(one);
                return;
              }
              String plain =
                  switch (c) {
                    case '‘', '’', '‚', '′' -> "'";
                    case '“', '”', '„', '″' -> "\"";
                    case '–', '—', '−' -> "-";
                    case '…' -> "...";
                    case '\u00a0', '\t' -> " ";
                    default ->
                        Normalizer.normalize(one, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
                  };
              out.append(encodable(plain) && !plain.isEmpty() ? plain : one);
            });
    return out.toString();
  }
}
