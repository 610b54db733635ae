package ca.businessx.nurture.sequence;

import org.jdbi.v3.core.Handle;

/**
 * Tells this process's send loop that an enrollment is due now, once the caller's transaction
 * commits, so a new lead's first email need not wait for the next poll. Other nodes find it on
 * their next poll: the database is the only channel between nodes.
 */
@FunctionalInterface
public interface DueNudge {
  DueNudge NONE = () -> {};

  void dueNow();

  /** {@link #dueNow} after {@code h}'s transaction commits (at once when it has none). */
  default void afterCommit(Handle h) {
    if (h.isInTransaction()) {
      h.afterCommit(this::dueNow);
    } else {
      dueNow();
    }
  }
}
