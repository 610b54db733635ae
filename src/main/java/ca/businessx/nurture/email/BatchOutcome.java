package ca.businessx.nurture.email;

import java.util.Objects;

/**
 * What happened to one email of a batch: exactly one of {@code result} and {@code failure} is set.
 * The key is carried along so a caller can match outcomes without relying on list positions alone.
 */
public record BatchOutcome(String idempotencyKey, SendResult result, SendException failure) {

  public BatchOutcome {
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    if ((result == null) == (failure == null)) {
      throw new IllegalArgumentException("a batch outcome holds either a result or a failure");
    }
  }

  public static BatchOutcome sent(OutboundEmail email, SendResult result) {
    return new BatchOutcome(email.idempotencyKey(), Objects.requireNonNull(result), null);
  }

  public static BatchOutcome failed(OutboundEmail email, SendException failure) {
    return new BatchOutcome(email.idempotencyKey(), null, Objects.requireNonNull(failure));
  }

  public boolean isSent() {
    return result != null;
  }
}
