package ca.businessx.nurture.sequence;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * An enrollment runs (ACTIVE), waits for a person because an email could not be delivered (PAUSED),
 * or has ended (COMPLETED, STOPPED, or BOOKED: the lead booked a call, and a person may resume the
 * sequence if the booking is cancelled). Allowed moves are listed here and nowhere else.
 */
public enum EnrollmentState {
  ACTIVE,
  PAUSED,
  COMPLETED,
  STOPPED,
  BOOKED;

  private static final Map<EnrollmentState, Set<EnrollmentState>> ALLOWED =
      Map.of(
          ACTIVE, EnumSet.of(PAUSED, COMPLETED, STOPPED, BOOKED),
          PAUSED, EnumSet.of(ACTIVE, STOPPED, BOOKED),
          COMPLETED, EnumSet.noneOf(EnrollmentState.class),
          STOPPED, EnumSet.noneOf(EnrollmentState.class),
          BOOKED, EnumSet.of(ACTIVE, STOPPED));

  public boolean canMoveTo(EnrollmentState next) {
    return ALLOWED.get(this).contains(next);
  }
}
