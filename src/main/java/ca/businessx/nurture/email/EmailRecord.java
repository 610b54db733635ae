package ca.businessx.nurture.email;

import java.time.Instant;

/** One email of one enrollment, rendered once so every attempt carries the same content. */
public record EmailRecord(
    String id,
    String enrollmentId,
    String contactId,
    int step,
    String templateKey,
    String templateOrigin,
    String idempotencyKey,
    EmailState state,
    String subject,
    String html,
    Instant dueAt,
    Instant sentAt,
    String provider,
    String providerMessageId,
    int attempts,
    String lastError,
    Instant createdAt,
    Instant updatedAt,
    Instant nextAttemptAt,
    String dispatchGroup,
    Instant claimedUntil) {

  /** The email as the API and the CLI show it: no HTML, times as instants. */
  public java.util.Map<String, Object> summary() {
    java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("id", id);
    m.put("contact_id", contactId);
    m.put("step", step);
    m.put("template", templateKey);
    m.put("template_origin", templateOrigin);
    m.put("subject", subject);
    m.put("state", state);
    m.put("due_at", dueAt);
    m.put("sent_at", sentAt);
    m.put("provider", provider);
    m.put("provider_message_id", providerMessageId);
    m.put("attempts", attempts);
    m.put("last_error", lastError);
    m.put("idempotency_key", idempotencyKey);
    return m;
  }

  /** The key a provider deduplicates on: stable per enrollment and step, whatever happens. */
  public static String idempotencyKey(String enrollmentId, int step) {
    return "nurture-" + enrollmentId + "-step-" + step;
  }
}
