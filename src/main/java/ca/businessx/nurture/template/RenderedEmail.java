package ca.businessx.nurture.template;

import ca.businessx.nurture.abtest.Variant;
import ca.businessx.nurture.contact.Language;

/**
 * A template rendered for one lead: what goes into the email, where its text came from, and the
 * language it was written in. {@code subjectB}, when the template tests a second subject, is that
 * subject rendered for the same lead, with {@code htmlB} its email; the sender picks one with
 * {@link #withVariant}. {@code sourceHash} is the SHA-256 of the template text it was rendered from
 * (layout, subjects, preheader and body), empty when not known.
 */
public record RenderedEmail(
    String templateKey,
    String subject,
    String html,
    String origin,
    Language language,
    String subjectB,
    String htmlB,
    String sourceHash) {
  public RenderedEmail {
    language = language == null ? Language.EN : language;
    if (subjectB == null || htmlB == null) {
      subjectB = null;
      htmlB = null;
    }
  }

  public RenderedEmail(
      String templateKey, String subject, String html, String origin, Language language) {
    this(templateKey, subject, html, origin, language, null, null, "");
  }

  public RenderedEmail(String templateKey, String subject, String html, String origin) {
    this(templateKey, subject, html, origin, Language.EN);
  }

  /** This email with its source's hash. */
  public RenderedEmail withSourceHash(String hash) {
    return new RenderedEmail(templateKey, subject, html, origin, language, subjectB, htmlB, hash);
  }

  public boolean hasSubjectB() {
    return subjectB != null;
  }

  /** This email as it goes out with the given subject variant (A keeps it as rendered). */
  public RenderedEmail withVariant(Variant variant) {
    if (variant != Variant.B || subjectB == null) {
      return this;
    }
    return new RenderedEmail(
        templateKey, subjectB, htmlB, origin, language, subjectB, htmlB, sourceHash);
  }
}
