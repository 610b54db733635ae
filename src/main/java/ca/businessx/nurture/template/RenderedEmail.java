package ca.businessx.nurture.template;

import ca.businessx.nurture.contact.Language;

/**
 * A template rendered for one lead: what goes into the email, where its text came from, and the
 * language it was written in.
 */
public record RenderedEmail(
    String templateKey, String subject, String html, String origin, Language language) {
  public RenderedEmail {
    language = language == null ? Language.EN : language;
  }

  public RenderedEmail(String templateKey, String subject, String html, String origin) {
    this(templateKey, subject, html, origin, Language.EN);
  }
}
