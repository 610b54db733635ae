package ca.businessx.nurture.sequence;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * An enrollment runs (ACTIVE), waits for a person because an email could not be delivered (PAUSED),
 * or has ended (COMPLETED, STOPPED, or BOOKED: the lead booked a call, and a person may resume the
 * sequence if the booking is cancelled), or waits for a person because the lead replied (REPLIED:
 * nothing more is sent until someone resumes or stops it). Allowed moves are listed here and
 * nowhere else; {@link EnrollmentRepository}'s state changes are the only writers and each asks
 * {@link #requireMove} before it writes.
 */
public enum EnrollmentState {
  ACTIVE,
  PAUSED,
  COMPLETED,
  STOPPED,
  BOOKED,
  REPLIED;

  private static final Map<EnrollmentState, Set<EnrollmentState>> ALLOWED =
      Map.of(
          ACTIVE, EnumSet.of(PAUSED, COMPLETED, STOPPED, BOOKED, REPLIED),
          PAUSED, EnumSet.of(ACTIVE, STOPPED, BOOKED, REPLIED),
          COMPLETED, EnumSet.noneOf(EnrollmentState.class),
          STOPPED, EnumSet.noneOf(EnrollmentState.class),
          BOOKED, EnumSet.of(ACTIVE, STOPPED),
          REPLIED, EnumSet.of(ACTIVE, STOPPED, BOOKED));

  public boolean canMoveTo(EnrollmentState next) {
    return ALLOWED.get(this).contains(next);
  }

  /** Ended: nothing is ever sent again unless a person resumes it. */
  public boolean hasEnded() {
    return this == COMPLETED || this == STOPPED || this == BOOKED;
  }

  /** Fails on a move the table does not allow: a bug in the caller, never a race. */
  public static void requireMove(EnrollmentState from, EnrollmentState to) {
    if (!from.canMoveTo(to)) {
      throw new IllegalStateException("an enrollment cannot go from " + from + " to " + to);
    }
  }
}
