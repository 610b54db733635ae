package ca.businessx.nurture.sequence;

import ca.businessx.nurture.contact.Contact;
import ca.businessx.nurture.contact.ContactRepository;
import ca.businessx.nurture.contact.CrmSyncQueue;
import ca.businessx.nurture.contact.Timeline;
import ca.businessx.nurture.email.EmailRecord;
import ca.businessx.nurture.email.EmailRepository;
import ca.businessx.nurture.email.EmailState;
import ca.businessx.nurture.platform.Database;
import ca.businessx.nurture.segment.Segment;
import ca.businessx.nurture.suppression.SuppressionList;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a person may do to a running sequence: stop it, send the next email now, retry or skip a
 * parked email. Each is one transaction; what is due when is {@link NextStep}'s answer, written to
 * the enrollment the send loop reads, so there is nothing else to keep in step. A change that loses
 * a race with a sender (the step moved on meanwhile) is refused as a conflict, never half done.
 */
public final class SequenceControl {
  private static final Logger log = LoggerFactory.getLogger(SequenceControl.class);
  private final SequenceStopper stopper = new SequenceStopper();
  private final Database db;
  private final SequenceVersions versions;
  private final DueNudge nudge;
  private final Clock clock;
  private final EnrollmentRepository enrollments = new EnrollmentRepository();
  private final EmailRepository emails = new EmailRepository();
  private final ContactRepository contacts = new ContactRepository();
  private final Timeline timeline = new Timeline();
  private final SuppressionList suppressions = new SuppressionList();

  private final SendHours hours;
  private final CrmSyncQueue crmSync;

  /**
   * @param crmSync told of every change of state a person makes, so the CRM's Sequence Status
   *     follows (Needs follow-up to Active after a retry, say)
   */
  public SequenceControl(
      Database db,
      SequenceVersions versions,
      DueNudge nudge,
      Clock clock,
      SendHours hours,
      CrmSyncQueue crmSync) {
    this.crmSync = crmSync;
    this.db = db;
    this.versions = versions;
    this.nudge = nudge;
    this.clock = clock;
    this.hours = hours;
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
              if (!stopper.stop(h, contactId, reason, now)) {
                throw busy();
              }
              crmSync.contactChanged(h, contactId, now);
              return enrollments.find(h, e.id()).orElseThrow();
            });
    log.info("enrollment {} stopped by an operator", stopped.id());
    return stopped;
  }

  /**
   * Lets a sequence a reply paused, or a booking ended, run again: its next email waits its full
   * pause from now. A suppressed address (unsubscribed, bounced, complained) is never resumed.
   */
  public Enrollment resume(String contactId) {
    Instant now = clock.instant();
    Enrollment resumed =
        db.inTransaction(
            h -> {
              Enrollment e = enrollmentOf(h, contactId);
              if (e.state() != EnrollmentState.REPLIED && e.state() != EnrollmentState.BOOKED) {
                throw SequenceControlException.conflict(
                    "only a sequence paused by a reply or ended by a booking can be resumed;"
                        + " this one is "
                        + e.state());
              }
              Contact c = contacts.find(h, contactId).orElseThrow();
              if (!suppressions.suppressedHashes(h, List.of(c.email())).isEmpty()) {
                throw SequenceControlException.conflict(
                    "this address is suppressed (unsubscribed, bounced or complained):"
                        + " it gets no more email");
              }
              if (!enrollments.moveTo(h, e, EnrollmentState.ACTIVE, null, now)) {
                throw busy();
              }
              emails.reopenCancelled(h, e.id(), e.currentStep(), now);
              NextStep.Decision d =
                  NextStep.resume(
                      e.position(c.segment()), NextStep.LeadFacts.NONE, versions.of(e), now);
              Enrollment active = enrollments.find(h, e.id()).orElseThrow();
              if (d instanceof NextStep.Complete) {
                if (!enrollments.moveTo(h, active, EnrollmentState.COMPLETED, null, now)) {
                  throw busy();
                }
                timeline.record(h, contactId, now, "sequence_completed", null);
              } else {
                Instant due = d.at().orElseThrow(() -> SequenceControlException.conflict("" + d));
                if (!enrollments.reschedule(
                    h, e.id(), e.currentStep(), e.currentStep(), due, now)) {
                  throw busy();
                }
                nudge.afterCommit(h);
              }
              timeline.record(
                  h, contactId, now, "sequence_resumed", "from " + e.state().name().toLowerCase());
              crmSync.contactChanged(h, contactId, now);
              return enrollments.find(h, e.id()).orElseThrow();
            });
    log.info("enrollment {} resumed by an operator", resumed.id());
    return resumed;
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
          NextStep.Decision d =
              NextStep.sendNow(e.position(segmentOf(h, e)), factsOf(h, e), versions.of(e), now);
          // Brought forward as far as the send window lets: now, or its next opening.
          if (!(d instanceof NextStep.Send || d instanceof NextStep.Wait)) {
            throw SequenceControlException.conflict("nothing to send: " + d);
          }
          if (!enrollments.reschedule(
              h, e.id(), e.currentStep(), e.currentStep(), d.at().orElseThrow(), now)) {
            throw busy();
          }
          timeline.record(h, contactId, now, "send_now_requested", "step " + e.currentStep());
          nudge.afterCommit(h);
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
          if (!emails.reopenParked(h, emailId, now)) {
            throw busy();
          }
          NextStep.Decision d =
              NextStep.sendNow(e.position(segmentOf(h, e)), factsOf(h, e), versions.of(e), now);
          Instant at = d.at().orElse(now);
          if (!enrollments.reschedule(h, e.id(), email.step(), email.step(), at, now)) {
            throw busy();
          }
          timeline.record(h, email.contactId(), now, "email_retry_requested", email.templateKey());
          crmSync.contactChanged(h, email.contactId(), now);
          nudge.afterCommit(h);
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
          if (!emails.skipParked(h, emailId, now)) {
            throw busy();
          }
          timeline.record(h, email.contactId(), now, "email_skipped", email.templateKey());
          crmSync.contactChanged(h, email.contactId(), now);
          NextStep.Decision after =
              NextStep.afterSkip(e.position(segmentOf(h, e)), factsOf(h, e), versions.of(e), now);
          if (after instanceof NextStep.Complete) {
            if (!enrollments.moveTo(h, e, EnrollmentState.COMPLETED, null, now)) {
              throw busy();
            }
            timeline.record(h, email.contactId(), now, "sequence_completed", null);
          } else {
            Instant due =
                after.at().orElseThrow(() -> SequenceControlException.conflict("" + after));
            if (!enrollments.reschedule(h, e.id(), email.step(), email.step() + 1, due, now)) {
              throw busy();
            }
            nudge.afterCommit(h);
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

  /**
   * The facts a person's action needs, in one statement: whether the lead clicked the previous
   * email or the current one (a skip makes the current one the previous, for the "if engaged"
   * wait).
   */
  private NextStep.LeadFacts facts(Handle h, Enrollment e) {
    Set<Integer> clicked = new HashSet<>();
    Set<String> keys =
        emails.clickedKeys(
            h,
            List.of(
                EmailRecord.idempotencyKey(e.id(), e.currentStep() - 1),
                EmailRecord.idempotencyKey(e.id(), e.currentStep())));
    for (int step : new int[] {e.currentStep() - 1, e.currentStep()}) {
      if (keys.contains(EmailRecord.idempotencyKey(e.id(), step))) {
        clicked.add(step);
      }
    }
    return NextStep.LeadFacts.NONE.withClicked(clicked);
  }

  private Segment segmentOf(Handle h, Enrollment e) {
    return contacts.find(h, e.contactId()).map(c -> c.segment()).orElse(null);
  }

  /** The lead's hours, for the send window; none known of a contact gone. */
  private NextStep.LeadFacts factsOf(Handle h, Enrollment e) {
    return contacts
        .find(h, e.contactId())
        .map(hours::facts)
        .orElse(NextStep.LeadFacts.NONE)
        .withClicked(facts(h, e).clickedSteps());
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
      if (!enrollments.moveTo(h, e, EnrollmentState.ACTIVE, null, now)) {
        throw busy();
      }
    } else if (e.state() != EnrollmentState.ACTIVE) {
      throw SequenceControlException.conflict("the sequence has ended (" + e.state() + ")");
    }
    return enrollments.find(h, e.id()).orElseThrow();
  }

  private static SequenceControlException busy() {
    return SequenceControlException.conflict(
        "this sequence changed while the change was made; look again and retry");
  }
}
