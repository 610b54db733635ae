package ca.businessx.nurture.template;

import java.util.Objects;

/**
 * One email's Mustache source: a subject line and an HTML body (the part inside the shared layout).
 * {@code origin} says where it came from, e.g. {@code classpath}, {@code config}, {@code notion}.
 */
public record EmailTemplate(String key, String subject, String htmlBody, String origin) {
  public EmailTemplate {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(htmlBody, "htmlBody");
    Objects.requireNonNull(origin, "origin");
  }
}
