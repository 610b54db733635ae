package ca.businessx.nurture.contact;

import ca.businessx.nurture.platform.NurtureException;
import java.time.Duration;
import java.util.Optional;

/** The CRM could not do what was asked. Transient failures are retried by a durable job. */
public class CrmException extends NurtureException {
  private final boolean transientFailure;
  private final Duration retryAfter;

  public CrmException(String message, boolean transientFailure, Duration retryAfter) {
    super(message);
    this.transientFailure = transientFailure;
    this.retryAfter = retryAfter;
  }

  public boolean isTransient() {
    return transientFailure;
  }

  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
