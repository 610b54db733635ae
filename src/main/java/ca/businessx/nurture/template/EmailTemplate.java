package ca.businessx.nurture.template;

import java.util.Objects;

/**
 * One email's Mustache source: a subject line and an HTML body (the part inside the shared layout).
 * {@code origin} says where it came from, e.g. {@code classpath}, {@code config}, {@code notion}.
 * {@code preheader} is the line an inbox shows after the subject, hidden in the email itself.
 */
public record EmailTemplate(
    String key, String subject, String htmlBody, String origin, String preheader) {
  public EmailTemplate {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(htmlBody, "htmlBody");
    Objects.requireNonNull(origin, "origin");
    preheader = preheader == null ? "" : preheader;
  }

  /** A template without preheader text (the inbox shows the body's first words instead). */
  public EmailTemplate(String key, String subject, String htmlBody, String origin) {
    this(key, subject, htmlBody, origin, "");
  }
}
