package ca.businessx.nurture.alert;

import ca.businessx.nurture.platform.NurtureException;
import java.time.Duration;
import java.util.Optional;

/** An alert could not be delivered. Permanent ones (a deleted webhook) are not retried. */
public class AlertException extends NurtureException {
  private final boolean transientFailure;
  private final Duration retryAfter;

  public AlertException(String message, boolean transientFailure) {
    this(message, transientFailure, null);
  }

  public AlertException(String message, boolean transientFailure, Duration retryAfter) {
    super(message);
    this.transientFailure = transientFailure;
    this.retryAfter = retryAfter;
  }

  public boolean isTransient() {
    return transientFailure;
  }

  /** How long the channel asked us to wait before the next try, when it said so. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
