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

  /** The key a provider deduplicates on: stable per enrollment and step, whatever happens. */
  public static String idempotencyKey(String enrollmentId, int step) {
    return "nurture-" + enrollmentId + "-step-" + step;
  }
}
