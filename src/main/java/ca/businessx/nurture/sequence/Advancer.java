package ca.businessx.nurture.sequence;

import ca.businessx.nurture.contact.CrmSyncQueue;
import ca.businessx.nurture.contact.Timeline;
import ca.businessx.nurture.email.EmailRecord;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Moves an enrollment past a step whose email is done (sent or skipped), exactly once: an
 * enrollment already past that step is left alone, so whoever gets there second changes nothing.
 */
final class Advancer {
  private final SequencePlan plan;
  private final CrmSyncQueue crmSync;
  private final EnrollmentRepository enrollments = new EnrollmentRepository();
  private final Timeline timeline = new Timeline();

  Advancer(SequencePlan plan, CrmSyncQueue crmSync) {
    this.plan = plan;
    this.crmSync = crmSync;
  }

  /** Answers when the enrollment's next step is due, or empty when it has nothing more due. */
  Optional<Instant> advance(Handle h, EmailRecord done, Instant now) {
    Optional<Enrollment> found = enrollments.find(h, done.enrollmentId());
    if (found.isEmpty() || found.get().state() != EnrollmentState.ACTIVE) {
      return Optional.empty();
    }
    Enrollment e = found.get();
    if (e.currentStep() != done.step()) {
      return Optional.ofNullable(e.nextDueAt());
    }
    if (plan.isLast(done.step())) {
      enrollments.moveTo(h, e, EnrollmentState.COMPLETED, null, now);
      timeline.record(h, e.contactId(), now, "sequence_completed", null);
      crmSync.contactChanged(h, e.contactId(), now);
      return Optional.empty();
    }
    int next = done.step() + 1;
    Instant doneAt = done.sentAt() != null ? done.sentAt() : now;
    Instant due = plan.dueAt(next, e.startedAt(), doneAt);
    enrollments.advance(h, e.id(), next, due, now);
    return Optional.of(due);
  }
}
