package ca.businessx.nurture.sequence;

import ca.businessx.nurture.contact.CrmSyncQueue;
import ca.businessx.nurture.contact.Timeline;
import ca.businessx.nurture.email.EmailRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

  /**
   * {@link #advance} for each email just recorded sent at {@code sentAt}, in the list's order,
   * reading the enrollments in one statement and writing them in JDBC batches. The completions'
   * timeline entries are added to {@code timelineEntries} and the contacts the CRM must hear of to
   * {@code crmChanged}, for the caller to write. Answers, by email id, what {@link #advance}
   * answers.
   */
  Map<String, Optional<Instant>> advanceAll(
      Handle h,
      List<EmailRecord> done,
      Instant sentAt,
      Instant now,
      List<Timeline.Entry> timelineEntries,
      List<String> crmChanged) {
    Map<String, Optional<Instant>> answers = new HashMap<>();
    Map<String, Enrollment> current =
        enrollments.findAll(h, done.stream().map(EmailRecord::enrollmentId).toList());
    List<EnrollmentRepository.Step> advancing = new ArrayList<>();
    List<EmailRecord> advancingEmails = new ArrayList<>();
    List<EnrollmentRepository.Step> completing = new ArrayList<>();
    List<EmailRecord> completingEmails = new ArrayList<>();
    for (EmailRecord m : done) {
      Enrollment e = current.get(m.enrollmentId());
      if (e == null || e.state() != EnrollmentState.ACTIVE) {
        answers.put(m.id(), Optional.empty());
        continue;
      }
      if (e.currentStep() != m.step()) {
        answers.put(m.id(), Optional.ofNullable(e.nextDueAt()));
        continue;
      }
      if (plan.isLast(m.step())) {
        completing.add(new EnrollmentRepository.Step(e.id(), m.step(), m.step(), null));
        completingEmails.add(m);
        current.put(
            e.id(),
            new Enrollment(
                e.id(),
                e.contactId(),
                EnrollmentState.COMPLETED,
                e.currentStep(),
                e.startedAt(),
                null,
                now,
                null));
        answers.put(m.id(), Optional.empty());
        continue;
      }
      int next = m.step() + 1;
      Instant due = plan.dueAt(next, e.startedAt(), sentAt);
      advancing.add(new EnrollmentRepository.Step(e.id(), m.step(), next, due));
      advancingEmails.add(m);
      current.put(
          e.id(),
          new Enrollment(
              e.id(),
              e.contactId(),
              e.state(),
              next,
              e.startedAt(),
              due,
              e.finishedAt(),
              e.stopReason()));
      answers.put(m.id(), Optional.of(due));
    }
    boolean[] advanced = enrollments.advanceAll(h, advancing, now);
    for (int i = 0; i < advanced.length; i++) {
      if (!advanced[i]) {
        answers.put(advancingEmails.get(i).id(), changedMeanwhile(h, advancingEmails.get(i)));
      }
    }
    boolean[] completed = enrollments.completeAll(h, completing, now);
    for (int i = 0; i < completed.length; i++) {
      EmailRecord m = completingEmails.get(i);
      if (!completed[i]) {
        answers.put(m.id(), changedMeanwhile(h, m));
        continue;
      }
      String contactId = current.get(m.enrollmentId()).contactId();
      timelineEntries.add(timeline.entry(contactId, now, "sequence_completed", null));
      crmChanged.add(contactId);
    }
    return answers;
  }

  /**
   * The enrollment moved on between its read and its write: answer as {@link #advance} would now.
   */
  private Optional<Instant> changedMeanwhile(Handle h, EmailRecord m) {
    return enrollments
        .find(h, m.enrollmentId())
        .filter(e -> e.state() == EnrollmentState.ACTIVE)
        .map(Enrollment::nextDueAt);
  }
}
