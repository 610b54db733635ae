package ca.businessx.nurture.sequence;

import ca.businessx.nurture.contact.Timeline;
import ca.businessx.nurture.email.EmailRepository;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends a contact's sequence (stopped, or booked): the enrollment ends, its claim and due time go,
 * and every email not yet sent is cancelled, so a batch holding it finds nothing to send.
 */
public final class SequenceStopper {
  private static final Logger log = LoggerFactory.getLogger(SequenceStopper.class);
  private final EnrollmentRepository enrollments = new EnrollmentRepository();
  private final Timeline timeline = new Timeline();
  private final EmailRepository emails = new EmailRepository();

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
    if (!enrollments.moveTo(h, found.get(), to, reason, now)) {
      log.info("enrollment {} changed state meanwhile; not moved to {}", found.get().id(), to);
      return false;
    }
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
