package ca.businessx.nurture.email;

import ca.businessx.nurture.platform.NurtureException;
import java.time.Duration;
import java.util.Optional;

/**
 * A provider refused or could not take an email. Transient failures are retried; others park it.
 */
public class SendException extends NurtureException {
  private final boolean transientFailure;
  private final Duration retryAfter;

  private SendException(
      String message, boolean transientFailure, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.transientFailure = transientFailure;
    this.retryAfter = retryAfter;
  }

  public static SendException transientFailure(
      String message, Duration retryAfter, Throwable cause) {
    return new SendException(message, true, retryAfter, cause);
  }

  public static SendException permanent(String message) {
    return new SendException(message, false, null, null);
  }

  public boolean isTransient() {
    return transientFailure;
  }

  /** How long the provider asked us to wait, when it said so. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
