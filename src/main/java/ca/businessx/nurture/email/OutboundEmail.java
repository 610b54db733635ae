package ca.businessx.nurture.email;

import java.util.Map;
import java.util.Objects;

/**
 * A fully rendered email ready for a provider. The same idempotency key always carries the same
 * content, so a provider can recognise a retry.
 */
public record OutboundEmail(
    String idempotencyKey,
    String to,
    String subject,
    String html,
    String text,
    String templateKey,
    Map<String, String> headers) {

  public OutboundEmail {
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(html, "html");
    headers = headers == null ? Map.of() : Map.copyOf(headers);
  }
}
