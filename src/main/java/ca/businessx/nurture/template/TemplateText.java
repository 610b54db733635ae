package ca.businessx.nurture.template;

import ca.businessx.nurture.platform.NurtureException;

/**
 * The file format of a template: a first line {@code subject: ...}, an optional line {@code
 * subject_b: ...} (a second subject tested against the first), an optional line {@code preheader:
 * ...}, a line {@code ---}, then the HTML body. Chosen so a person can edit one readable file per
 * email.
 */
public final class TemplateText {
  private TemplateText() {}

  public static EmailTemplate parse(String key, String text, String origin) {
    String normalised = text.replace("\r\n", "\n");
    int firstBreak = normalised.indexOf('\n');
    String first = firstBreak < 0 ? normalised : normalised.substring(0, firstBreak);
    if (!first.toLowerCase().startsWith("subject:")) {
      throw new NurtureException("template " + key + " must start with a 'subject:' line");
    }
    String rest = firstBreak < 0 ? "" : normalised.substring(firstBreak + 1);
    String subjectB = "";
    if (variantLine(rest)) {
      int lineEnd = rest.indexOf('\n');
      String line = lineEnd < 0 ? rest : rest.substring(0, lineEnd);
      subjectB = wellFormedVariant(line) ? line.substring("subject_b:".length()).trim() : "";
      rest = lineEnd < 0 ? "" : rest.substring(lineEnd + 1);
    }
    String preheader = "";
    if (rest.toLowerCase().startsWith("preheader:")) {
      int lineEnd = rest.indexOf('\n');
      String line = lineEnd < 0 ? rest : rest.substring(0, lineEnd);
      preheader = line.substring("preheader:".length()).trim();
      rest = lineEnd < 0 ? "" : rest.substring(lineEnd + 1);
    }
    if (!rest.startsWith("---")) {
      throw new NurtureException("template " + key + " needs a '---' line after the subject");
    }
    int bodyStart = rest.indexOf('\n');
    String body = bodyStart < 0 ? "" : rest.substring(bodyStart + 1);
    return new EmailTemplate(
        key, first.substring("subject:".length()).trim(), body, origin, preheader, subjectB);
  }

  /**
   * Whether the text has a second-subject line that cannot be used (no colon, or nothing after it):
   * such a template goes out with its single subject, and the caller logs and counts it.
   */
  public static boolean hasMalformedVariant(String text) {
    String normalised = text.replace("\r\n", "\n");
    int firstBreak = normalised.indexOf('\n');
    String rest = firstBreak < 0 ? "" : normalised.substring(firstBreak + 1);
    if (!variantLine(rest)) {
      return false;
    }
    int lineEnd = rest.indexOf('\n');
    return !wellFormedVariant(lineEnd < 0 ? rest : rest.substring(0, lineEnd));
  }

  private static boolean variantLine(String line) {
    String lower = line.toLowerCase(java.util.Locale.ROOT);
    return lower.startsWith("subject_b")
        || lower.startsWith("subject-b")
        || lower.startsWith("subject b");
  }

  private static boolean wellFormedVariant(String line) {
    return line.toLowerCase(java.util.Locale.ROOT).startsWith("subject_b:")
        && !line.substring("subject_b:".length()).isBlank();
  }
}
