package ca.businessx.nurture.template;

import ca.businessx.nurture.platform.NurtureException;

/**
 * The file format of a template: a first line {@code subject: ...}, an optional line {@code
 * preheader: ...}, a line {@code ---}, then the HTML body. Chosen so a person can edit one readable
 * file per email.
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
        key, first.substring("subject:".length()).trim(), body, origin, preheader);
  }
}
