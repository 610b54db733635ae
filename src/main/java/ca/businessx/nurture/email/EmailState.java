package ca.businessx.nurture.email;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The life of one email of a sequence. PENDING waits for (another) attempt; PARKED needs a person
 * (retry or skip); SENT and SKIPPED are final; CANCELLED is too, except that a person who resumes a
 * sequence a booking ended lets its cancelled current email go out after all. The allowed moves are
 * listed here and nowhere else; {@link EmailRepository}'s state changes are the only writers and
 * each asks {@link #requireMove} before it writes.
 */
public enum EmailState {
  PENDING,
  SENT,
  PARKED,
  SKIPPED,
  CANCELLED;

  private static final Map<EmailState, Set<EmailState>> ALLOWED =
      Map.of(
          PENDING, EnumSet.of(SENT, PARKED, CANCELLED),
          PARKED, EnumSet.of(PENDING, SKIPPED, CANCELLED),
          SENT, EnumSet.noneOf(EmailState.class),
          SKIPPED, EnumSet.noneOf(EmailState.class),
          CANCELLED, EnumSet.of(PENDING));

  public boolean isDone() {
    return this == SENT || this == SKIPPED;
  }

  public boolean canMoveTo(EmailState next) {
    return ALLOWED.get(this).contains(next);
  }

  /** Fails on a move the table does not allow: a bug in the caller, never a race. */
  public static void requireMove(EmailState from, EmailState to) {
    if (!from.canMoveTo(to)) {
      throw new IllegalStateException("an email cannot go from " + from + " to " + to);
    }
  }
}
