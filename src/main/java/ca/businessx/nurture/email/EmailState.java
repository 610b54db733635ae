package ca.businessx.nurture.email;

/**
 * The life of one email of a sequence. PENDING waits for (another) attempt; PARKED needs a person
 * (retry or skip); SENT, SKIPPED and CANCELLED are final.
 */
public enum EmailState {
  PENDING,
  SENT,
  PARKED,
  SKIPPED,
  CANCELLED;

  public boolean isDone() {
    return this == SENT || this == SKIPPED;
  }
}
