package ca.businessx.nurture.sequence;

import ca.businessx.nurture.platform.NurtureException;

/** An operator's request that does not fit the current state, or names nothing that exists. */
public class SequenceControlException extends NurtureException {
  public enum Reason {
    NOT_FOUND,
    CONFLICT
  }

  private final Reason reason;

  public SequenceControlException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }

  static SequenceControlException notFound(String message) {
    return new SequenceControlException(Reason.NOT_FOUND, message);
  }

  static SequenceControlException conflict(String message) {
    return new SequenceControlException(Reason.CONFLICT, message);
  }
}
