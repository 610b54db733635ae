package ca.businessx.nurture.email.resend;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Resend's idempotency rules (providers.md §2.3): within 24 hours the same key and payload replay
 * the first answer; another payload is 409 invalid_idempotent_request; a key still being processed
 * is 409 concurrent_idempotent_requests. Only successful answers are kept, so a failed attempt can
 * be retried under the same key.
 */
final class FakeIdempotencyStore {
  static final Duration RETENTION = Duration.ofHours(24);

  sealed interface Claim {}

  record Fresh() implements Claim {}

  record Replay(FakeResend.Answer answer) implements Claim {}

  record Conflict(String name, String message) implements Claim {}

  private record Entry(JsonNode payload, Instant createdAt, FakeResend.Answer answer) {}

  private final Map<String, Entry> entries = new HashMap<>();
  private final Clock clock;

  FakeIdempotencyStore(Clock clock) {
    this.clock = clock;
  }

  synchronized Claim claim(String key, JsonNode payload) {
    Instant now = clock.instant();
    Entry entry = entries.get(key);
    if (entry != null && entry.createdAt().plus(RETENTION).isAfter(now)) {
      if (entry.answer() == null) {
        return new Conflict(
            "concurrent_idempotent_requests",
            "Same idempotency key used while original request is still in progress.");
      }
      if (!entry.payload().equals(payload)) {
        return new Conflict(
            "invalid_idempotent_request",
            "Same idempotency key used with a different request payload.");
      }
      return new Replay(entry.answer());
    }
    entries.put(key, new Entry(payload, now, null));
    return new Fresh();
  }

  synchronized void settle(String key, FakeResend.Answer answer) {
    Entry entry = entries.remove(key);
    if (entry != null && answer.status() / 100 == 2) {
      entries.put(key, new Entry(entry.payload(), entry.createdAt(), answer));
    }
  }
}
