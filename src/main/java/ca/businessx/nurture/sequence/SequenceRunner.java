package ca.businessx.nurture.sequence;

import ca.businessx.nurture.contact.Contact;
import ca.businessx.nurture.contact.ContactRepository;
import ca.businessx.nurture.contact.Timeline;
import ca.businessx.nurture.email.EmailRecord;
import ca.businessx.nurture.email.EmailRepository;
import ca.businessx.nurture.email.EmailSender;
import ca.businessx.nurture.email.EmailState;
import ca.businessx.nurture.email.OutboundEmail;
import ca.businessx.nurture.email.SendException;
import ca.businessx.nurture.email.SendResult;
import ca.businessx.nurture.metrics.NurtureEvents;
import ca.businessx.nurture.platform.Config;
import ca.businessx.nurture.platform.Database;
import ca.businessx.nurture.template.RenderedEmail;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one due step of an enrollment. Safe to run again after a crash at any point: the email is
 * rendered and stored once, sent under its idempotency key, and a step already sent is only
 * advanced, never sent again. Network calls happen outside database transactions.
 */
public final class SequenceRunner {
  private static final Logger log = LoggerFactory.getLogger(SequenceRunner.class);

  private final Database db;
  private final SequencePlan plan;
  private final EmailComposer composer;
  private final EmailSender sender;
  private final Config.Sequence retry;
  private final Clock clock;
  private final NurtureEvents events;
  private final ContactRepository contacts = new ContactRepository();
  private final EnrollmentRepository enrollments = new EnrollmentRepository();
  private final EmailRepository emails = new EmailRepository();
  private final Timeline timeline = new Timeline();

  public SequenceRunner(
      Database db, SequencePlan plan, EmailComposer composer, EmailSender sender,
      Config.Sequence retry, Clock clock, NurtureEvents events) {
    this.db = db;
    this.plan = plan;
    this.composer = composer;
    this.sender = sender;
    this.retry = retry;
    this.clock = clock;
    this.events = events;
  }

  /** Answers when this enrollment's task should run again, or empty when it has nothing due. */
  public Optional<Instant> runDueStep(String enrollmentId) {
    Optional<Enrollment> found = db.withHandle(h -> enrollments.find(h, enrollmentId));
    if (found.isEmpty() || found.get().state() != EnrollmentState.ACTIVE) {
      return Optional.empty();
    }
    Enrollment enrollment = found.get();
    if (enrollment.nextDueAt() != null && enrollment.nextDueAt().isAfter(clock.instant())) {
      // Woken early, e.g. the step advanced but a crash kept the old wake-up time.
      return Optional.of(enrollment.nextDueAt());
    }
    EmailRecord email = prepare(enrollment);
    return switch (email.state()) {
      case SENT, SKIPPED -> advance(enrollment, email);
      case PENDING -> attempt(enrollment, email);
      case PARKED, CANCELLED -> Optional.empty();
    };
  }

  private EmailRecord prepare(Enrollment e) {
    Optional<EmailRecord> existing = db.withHandle(h -> emails.findStep(h, e.id(), e.currentStep()));
    if (existing.isPresent()) {
      return existing.get();
    }
    Contact contact = db.withHandle(h -> contacts.find(h, e.contactId())).orElseThrow();
    // The newest segment decides, so a repeated assessment changes the later emails.
    String key = plan.templateFor(e.currentStep(), contact.segment());
    RenderedEmail rendered = composer.render(key, contact);
    Instant now = clock.instant();
    Instant due = e.nextDueAt() != null ? e.nextDueAt() : now;
    return db.inTransaction(
        h -> emails.createStep(h, e.id(), e.contactId(), e.currentStep(), rendered, due, now));
  }

  private Optional<Instant> attempt(Enrollment e, EmailRecord email) {
    Contact contact = db.withHandle(h -> contacts.find(h, e.contactId())).orElseThrow();
    OutboundEmail outbound =
        new OutboundEmail(
            email.idempotencyKey(), contact.email(), email.subject(), email.html(), null,
            email.templateKey(), Map.of());
    try {
      SendResult result = sender.send(outbound);
      Instant now = clock.instant();
      db.inTransaction(
          h -> {
            emails.markSent(h, email.id(), sender.name(), result.providerMessageId(), now);
            timeline.record(h, e.contactId(), now, "email_sent",
                email.templateKey() + " via " + sender.name());
            return null;
          });
      log.info("sent step {} ({}) of enrollment {} via {}", email.step(), email.templateKey(), e.id(), sender.name());
      events.emailSent(email.templateKey(), sender.name());
      return advance(e, db.withHandle(h -> emails.find(h, email.id())).orElseThrow());
    } catch (SendException failure) {
      return handleFailure(e, email, failure);
    }
  }

  private Optional<Instant> handleFailure(Enrollment e, EmailRecord email, SendException failure) {
    Instant now = clock.instant();
    int attemptsSoFar = email.attempts() + 1;
    boolean retry = failure.isTransient() && attemptsSoFar <= this.retry.sendRetries();
    db.inTransaction(
        h -> {
          emails.recordFailure(h, email.id(), retry ? EmailState.PENDING : EmailState.PARKED,
              failure.getMessage(), now);
          timeline.record(h, e.contactId(), now, retry ? "email_retry" : "email_parked",
              email.templateKey() + ": " + failure.getMessage());
          if (!retry) {
            enrollments.moveTo(h, e, EnrollmentState.PAUSED, "email needs follow-up", now);
          }
          return null;
        });
    events.emailFailed(email.templateKey(), sender.name(), !retry);
    if (!retry) {
      log.warn("parked step {} of enrollment {}: {}", email.step(), e.id(), failure.getMessage());
      return Optional.empty();
    }
    Duration wait = failure.retryAfter().filter(d -> d.compareTo(this.retry.sendRetryDelay()) > 0)
        .orElse(this.retry.sendRetryDelay());
    log.info("step {} of enrollment {} failed ({}), retry {} in {}", email.step(), e.id(),
        failure.getMessage(), attemptsSoFar, wait);
    return Optional.of(now.plus(wait));
  }

  private Optional<Instant> advance(Enrollment e, EmailRecord done) {
    Instant now = clock.instant();
    if (plan.isLast(done.step())) {
      db.inTransaction(
          h -> {
            enrollments.moveTo(h, e, EnrollmentState.COMPLETED, null, now);
            timeline.record(h, e.contactId(), now, "sequence_completed", null);
            return null;
          });
      log.info("enrollment {} completed", e.id());
      return Optional.empty();
    }
    int next = done.step() + 1;
    Instant doneAt = done.sentAt() != null ? done.sentAt() : done.updatedAt();
    Instant due = plan.dueAt(next, e.startedAt(), doneAt);
    db.inTransaction(
        h -> {
          enrollments.advance(h, e.id(), next, due, now);
          return null;
        });
    return Optional.of(due);
  }
}
