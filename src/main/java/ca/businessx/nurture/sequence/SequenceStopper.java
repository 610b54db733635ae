package ca.businessx.nurture.sequence;

import ca.businessx.nurture.contact.Timeline;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Ends a contact's sequence (stopped, or booked): the enrollment ends and every email not yet sent
 * is cancelled, so a step task that wakes later finds nothing to send.
 */
public final class SequenceStopper {
  private final EnrollmentRepository enrollments = new EnrollmentRepository();
  private final Timeline timeline = new Timeline();
  private final ca.businessx.nurture.email.EmailRepository emails =
      new ca.businessx.nurture.email.EmailRepository();

  /** Answers whether a running or paused sequence was stopped. */
  public boolean stop(Handle h, String contactId, String reason, Instant now) {
    return end(h, contactId, EnrollmentState.STOPPED, reason, "sequence_stopped", now);
  }

  /** Ends a running or paused sequence because the lead booked a call; answers whether it did. */
  public boolean booked(Handle h, String contactId, String reason, Instant now) {
    return end(h, contactId, EnrollmentState.BOOKED, reason, "sequence_booked", now);
  }

  private boolean end(
      Handle h, String contactId, EnrollmentState to, String reason, String kind, Instant now) {
    Optional<Enrollment> found = enrollments.ofContact(h, contactId);
    if (found.isEmpty() || !found.get().state().canMoveTo(to)) {
      return false;
    }
    enrollments.moveTo(h, found.get(), to, reason, now);
    int cancelled = emails.cancelOpen(h, found.get().id(), now);
    timeline.record(
        h,
        contactId,
        now,
        kind,
        reason + (cancelled > 0 ? "; " + cancelled + " email(s) cancelled" : ""));
    return true;
  }
}
