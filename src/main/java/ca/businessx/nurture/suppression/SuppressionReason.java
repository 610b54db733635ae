package ca.businessx.nurture.suppression;

/** Why an address must not be mailed again. */
public enum SuppressionReason {
  UNSUBSCRIBED,
  BOUNCED,
  COMPLAINED,
  FORGOTTEN
}
