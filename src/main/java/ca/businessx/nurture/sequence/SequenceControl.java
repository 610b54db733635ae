package ca.businessx.nurture.sequence;

import ca.businessx.nurture.contact.Timeline;
import ca.businessx.nurture.email.EmailRecord;
import ca.businessx.nurture.email.EmailRepository;
import ca.businessx.nurture.email.EmailState;
import ca.businessx.nurture.platform.Database;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import java.time.Clock;
import java.time.Instant;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a person may do to a running sequence: stop it, send the next email now, retry or skip a
 * parked email. Each is one transaction in which the state change and the durable wake-up commit
 * together, so the scheduler never runs a step the database does not expect, or misses one.
 */
public final class SequenceControl {
  private final SequenceStopper stopper = new SequenceStopper();
  private static final Logger log = LoggerFactory.getLogger(SequenceControl.class);

  private final Database db;
  private final SequencePlan plan;
  private final SchedulerClient scheduler;
  private final Clock clock;
  private final EnrollmentRepository enrollments = new EnrollmentRepository();
  private final EmailRepository emails = new EmailRepository();
  private final Timeline timeline = new Timeline();

  /**
   * @param scheduler a client on the transaction-aware data source
   */
  public SequenceControl(Database db, SequencePlan plan, SchedulerClient scheduler, Clock clock) {
    this.db = db;
    this.plan = plan;
    this.scheduler = scheduler;
    this.clock = clock;
  }

  /** Ends the contact's sequence: nothing more is sent. */
  public Enrollment stop(String contactId, String reason) {
    Instant now = clock.instant();
    Enrollment stopped =
        db.inTransaction(
            h -> {
              Enrollment e = enrollmentOf(h, contactId);
              if (e.state() == EnrollmentState.COMPLETED || e.state() == EnrollmentState.STOPPED) {
                throw SequenceControlException.conflict(
                    "the sequence has already ended (" + e.state() + ")");
              }
              stopper.stop(h, contactId, reason, now);
              cancelTask(e.id());
              return enrollments.find(h, e.id()).orElseThrow();
            });
    log.info("enrollment {} stopped by an operator", stopped.id());
    return stopped;
  }

  /** Sends the contact's next email at once instead of at its due time. */
  public Enrollment sendNext(String contactId) {
    Instant now = clock.instant();
    return db.inTransaction(
        h -> {
          Enrollment e = enrollmentOf(h, contactId);
          if (e.state() != EnrollmentState.ACTIVE) {
            throw SequenceControlException.conflict(
                e.state() == EnrollmentState.PAUSED
                    ? "an email is parked; retry or skip it first"
                    : "the sequence has ended (" + e.state() + ")");
          }
          enrollments.advance(h, e.id(), e.currentStep(), now, now);
          timeline.record(h, contactId, now, "send_now_requested", "step " + e.currentStep());
          wake(e.id(), now);
          log.info(
              "step {} of enrollment {} brought forward by an operator", e.currentStep(), e.id());
          return enrollments.find(h, e.id()).orElseThrow();
        });
  }

  /** Tries a parked email again with a fresh retry budget, and resumes the sequence. */
  public EmailRecord retry(String emailId) {
    Instant now = clock.instant();
    return db.inTransaction(
        h -> {
          EmailRecord email = parkedEmail(h, emailId);
          Enrollment e = resume(h, email, now);
          emails.reopenParked(h, emailId, now);
          enrollments.advance(h, e.id(), email.step(), now, now);
          timeline.record(h, email.contactId(), now, "email_retry_requested", email.templateKey());
          wake(e.id(), now);
          log.info("parked step {} of enrollment {} retried by an operator", email.step(), e.id());
          return emails.find(h, emailId).orElseThrow();
        });
  }

  /** Gives up on a parked email and moves the sequence on to its next step (or completes it). */
  public EmailRecord skip(String emailId) {
    Instant now = clock.instant();
    return db.inTransaction(
        h -> {
          EmailRecord email = parkedEmail(h, emailId);
          Enrollment e = resume(h, email, now);
          emails.skipParked(h, emailId, now);
          timeline.record(h, email.contactId(), now, "email_skipped", email.templateKey());
          if (plan.isLast(email.step())) {
            enrollments.moveTo(h, e, EnrollmentState.COMPLETED, null, now);
            timeline.record(h, email.contactId(), now, "sequence_completed", null);
            cancelTask(e.id());
          } else {
            // The same spacing rule as after a send: the next email waits its pause from now.
            int next = email.step() + 1;
            Instant due = plan.dueAt(next, e.startedAt(), now);
            enrollments.advance(h, e.id(), next, due, now);
            wake(e.id(), due);
          }
          log.info("parked step {} of enrollment {} skipped by an operator", email.step(), e.id());
          return emails.find(h, emailId).orElseThrow();
        });
  }

  private Enrollment enrollmentOf(Handle h, String contactId) {
    return enrollments
        .ofContact(h, contactId)
        .orElseThrow(
            () -> SequenceControlException.notFound("contact " + contactId + " has no sequence"));
  }

  private EmailRecord parkedEmail(Handle h, String emailId) {
    EmailRecord email =
        emails
            .find(h, emailId)
            .orElseThrow(() -> SequenceControlException.notFound("no email with id " + emailId));
    if (email.state() != EmailState.PARKED) {
      throw SequenceControlException.conflict(
          "only a parked email can be retried or skipped; this one is " + email.state());
    }
    return email;
  }

  /** A parked email paused its enrollment; a person's decision lets it run again. */
  private Enrollment resume(Handle h, EmailRecord email, Instant now) {
    Enrollment e = enrollments.find(h, email.enrollmentId()).orElseThrow();
    if (e.state() == EnrollmentState.PAUSED) {
      enrollments.moveTo(h, e, EnrollmentState.ACTIVE, null, now);
    } else if (e.state() != EnrollmentState.ACTIVE) {
      throw SequenceControlException.conflict("the sequence has ended (" + e.state() + ")");
    }
    return enrollments.find(h, e.id()).orElseThrow();
  }

  private void wake(String enrollmentId, Instant at) {
    TaskInstance<Void> instance = new TaskInstance<>(SequenceTasks.STEP_TASK, enrollmentId);
    try {
      if (!scheduler.scheduleIfNotExists(instance, at)) {
        scheduler.reschedule(TaskInstanceId.of(SequenceTasks.STEP_TASK, enrollmentId), at);
      }
    } catch (TaskInstanceCurrentlyExecutingException e) {
      throw SequenceControlException.conflict(
          "this sequence is sending right now; try again in a moment");
    }
  }

  private void cancelTask(String enrollmentId) {
    try {
      scheduler.cancel(TaskInstanceId.of(SequenceTasks.STEP_TASK, enrollmentId));
    } catch (TaskInstanceNotFoundException | TaskInstanceCurrentlyExecutingException ignored) {
      // Nothing scheduled, or a run in progress: either way the runner sees the ended state and
      // stops.
    }
  }
}
