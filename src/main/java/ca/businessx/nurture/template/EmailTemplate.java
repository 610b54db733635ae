package ca.businessx.nurture.template;

import java.util.Objects;

/**
 * One email's Mustache source: a subject line and an HTML body (the part inside the shared layout).
 * {@code origin} says where it came from, e.g. {@code classpath}, {@code config}, {@code notion}.
 * {@code preheader} is the line an inbox shows after the subject, hidden in the email itself.
 * {@code subjectB}, when not empty, is a second subject line tested against the first.
 */
public record EmailTemplate(
    String key, String subject, String htmlBody, String origin, String preheader, String subjectB) {
  public EmailTemplate {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(htmlBody, "htmlBody");
    Objects.requireNonNull(origin, "origin");
    preheader = preheader == null ? "" : preheader;
    subjectB = subjectB == null ? "" : subjectB.strip();
  }

  public EmailTemplate(
      String key, String subject, String htmlBody, String origin, String preheader) {
    this(key, subject, htmlBody, origin, preheader, "");
  }

  /** Whether the template tests a second subject line (A/B). */
  public boolean hasSubjectB() {
    return !subjectB.isEmpty();
  }

  /** A template without preheader text (the inbox shows the body's first words instead). */
  public EmailTemplate(String key, String subject, String htmlBody, String origin) {
    this(key, subject, htmlBody, origin, "");
  }
}
