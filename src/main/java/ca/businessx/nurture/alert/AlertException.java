package ca.businessx.nurture.alert;

import ca.businessx.nurture.platform.NurtureException;

/** An alert could not be delivered. Permanent ones (a deleted webhook) are not retried. */
public class AlertException extends NurtureException {
  private final boolean transientFailure;

  public AlertException(String message, boolean transientFailure) {
    super(message);
    this.transientFailure = transientFailure;
  }

  public boolean isTransient() {
    return transientFailure;
  }
}
