package ca.businessx.nurture.sequence;

import ca.businessx.nurture.contact.ContactRepository;
import ca.businessx.nurture.contact.Timeline;
import ca.businessx.nurture.email.EmailRecord;
import ca.businessx.nurture.email.EmailRepository;
import ca.businessx.nurture.segment.Segment;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The "if engaged" waits after the fact. The next step's time is decided when the previous email is
 * recorded sent, before any click; a click afterwards re-asks {@link NextStep} for that enrollment
 * and, when the answer is sooner, writes it where the send loop looks ({@code next_due_at}), in the
 * click's own transaction. Also says, for the console, why the next email is due when it is.
 */
public final class EngagedWaits {
  private static final Logger log = LoggerFactory.getLogger(EngagedWaits.class);
  private final SequenceVersions versions;
  private final DueNudge nudge;
  private final EnrollmentRepository enrollments = new EnrollmentRepository();
  private final EmailRepository emails = new EmailRepository();
  private final ContactRepository contacts = new ContactRepository();
  private final Timeline timeline = new Timeline();

  public EngagedWaits(SequenceVersions versions, DueNudge nudge) {
    this.versions = versions;
    this.nudge = nudge;
  }

  /** The lead clicked email {@code emailId} (its first click): its next step may come sooner. */
  public void clicked(Handle h, String emailId, Instant now) {
    Optional<EmailRecord> email = emails.find(h, emailId);
    Optional<Enrollment> found = email.flatMap(m -> enrollments.find(h, m.enrollmentId()));
    if (found.isEmpty()) {
      return;
    }
    Enrollment e = found.get();
    int clickedStep = email.get().step();
    if (e.state() != EnrollmentState.ACTIVE || e.currentStep() != clickedStep + 1) {
      return; // an older email, the sequence moved on, or it is over
    }
    Segment segment = contacts.find(h, e.contactId()).map(c -> c.segment()).orElse(null);
    NextStep.Decision d =
        NextStep.decide(
            e.position(segment),
            NextStep.LeadFacts.NONE.withClicked(Set.of(clickedStep)),
            versions.of(e),
            now);
    Optional<Instant> at = d.at();
    if (at.isEmpty() || e.nextDueAt() == null || !at.get().isBefore(e.nextDueAt())) {
      return;
    }
    if (enrollments.bringForward(h, e.id(), e.currentStep(), at.get(), now)) {
      timeline.record(
          h,
          e.contactId(),
          now,
          "wait_shortened",
          "email " + e.currentStep() + " due " + at.get() + ": clicked email " + clickedStep);
      if (!at.get().isAfter(now)) {
        nudge.afterCommit(h);
      }
      log.info("step {} of enrollment {} brought forward by a click", e.currentStep(), e.id());
    }
  }

  /** When the enrollment's next email is due and why, for a person; empty when none is. */
  public Optional<NextStep.Due> nextDue(Handle h, Enrollment e, Segment segment, Instant now) {
    Set<String> clicked =
        emails.clickedKeys(h, List.of(EmailRecord.idempotencyKey(e.id(), e.currentStep() - 1)));
    NextStep.LeadFacts facts =
        NextStep.LeadFacts.NONE.withClicked(
            clicked.isEmpty() ? Set.of() : Set.of(e.currentStep() - 1));
    return NextStep.due(e.position(segment), facts, versions.of(e), now);
  }
}
