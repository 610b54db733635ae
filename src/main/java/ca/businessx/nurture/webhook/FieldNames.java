package ca.businessx.nurture.webhook;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Is an unknown webhook field another spelling of a known one? {@code firstName}, {@code
 * First-Name} and {@code nmae} are a form's mistakes, which would otherwise leave the lead's emails
 * opening "Hi there,"; {@code utm_source} or {@code referrer} are hidden fields to keep.
 */
public final class FieldNames {
  private FieldNames() {}

  /**
   * The known name {@code given} most likely meant: the same letters once case, dashes, underscores
   * and spaces are ignored, or up to two edits away (one for names of seven letters or fewer, so
   * that {@code page} is not taken for {@code name}); a swap of neighbours is one edit.
   */
  public static Optional<String> suggest(String given, Collection<String> known) {
    String g = letters(given);
    if (g.isEmpty() || known.contains(given)) {
      return Optional.empty();
    }
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String k : known) {
      String n = letters(k);
      int allowed = n.length() <= 7 ? 1 : 2;
      int d = distance(g, n, allowed);
      if (d <= allowed && d < bestDistance) {
        best = k;
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * Lower-case letters and digits only: {@code First-Name}, {@code firstName} are {@code
   * firstname}.
   */
  static String letters(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
  }

  /**
   * Edits (insert, delete, replace, swap of neighbours) from a to b; anything above {@code limit}
   * reads as {@code limit + 1}, so a long hostile name costs no more than a short one.
   */
  static int distance(String a, String b, int limit) {
    if (Math.abs(a.length() - b.length()) > limit) {
      return limit + 1;
    }
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return Math.min(d[a.length()][b.length()], limit + 1);
  }
}
