package ca.businessx.nurture.sequence;

import ca.businessx.nurture.contact.Contact;
import ca.businessx.nurture.contact.ContactRepository;
import ca.businessx.nurture.contact.CrmSyncQueue;
import ca.businessx.nurture.contact.Timeline;
import ca.businessx.nurture.email.BatchOutcome;
import ca.businessx.nurture.email.EmailClaims;
import ca.businessx.nurture.email.EmailRecord;
import ca.businessx.nurture.email.EmailRepository;
import ca.businessx.nurture.email.EmailSender;
import ca.businessx.nurture.email.EmailState;
import ca.businessx.nurture.email.OutboundEmail;
import ca.businessx.nurture.email.SendException;
import ca.businessx.nurture.events.NurtureEvents;
import ca.businessx.nurture.platform.Config;
import ca.businessx.nurture.platform.Database;
import ca.businessx.nurture.platform.Ids;
import ca.businessx.nurture.suppression.SuppressionList;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends an email together with whatever else is due, as one provider batch. The group's members are
 * committed before the provider is called, and a retry resends exactly that group, so the
 * provider's batch idempotency covers a timeout or a crash at any instant. Outcomes are recorded
 * and the enrollments advanced in one transaction.
 */
final class Dispatcher {
  private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

  /** What a dispatch did to each enrollment: when its step task should wake next, if at all. */
  record Wakes(boolean dispatched, Map<String, Optional<Instant>> byEnrollment) {}

  private final Database db;
  private final NurtureEvents events;
  private final EmailSender sender;
  private final EmailComposer composer;
  private final Config.Sequence retry;
  private final Advancer advancer;
  private final CrmSyncQueue crmSync;
  private final Clock clock;
  private final int batchSize;
  private final Duration lease;
  private final StepWakes wakes;
  private final EmailRepository emails = new EmailRepository();
  private final EmailClaims claims = new EmailClaims();
  private final EnrollmentRepository enrollments = new EnrollmentRepository();
  private final ContactRepository contacts = new ContactRepository();
  private final Timeline timeline = new Timeline();
  private final SuppressionList suppressions = new SuppressionList();
  private final SequenceStopper stopper = new SequenceStopper();

  Dispatcher(
      Database db,
      EmailSender sender,
      EmailComposer composer,
      Config.Sequence retry,
      Advancer advancer,
      CrmSyncQueue crmSync,
      Clock clock,
      int batchSize,
      Duration lease,
      StepWakes wakes,
      NurtureEvents events) {
    this.events = events;
    this.db = db;
    this.sender = sender;
    this.composer = composer;
    this.retry = retry;
    this.advancer = advancer;
    this.crmSync = crmSync;
    this.clock = clock;
    this.batchSize = batchSize;
    this.lease = lease;
    this.wakes = wakes;
  }

  Wakes dispatch(EmailRecord own) {
    Instant now = clock.instant();
    Instant until = now.plus(lease);
    boolean postgres = db.kind() == Database.Kind.POSTGRESQL;
    List<EmailRecord> members =
        db.inTransaction(
            h -> {
              String existing = claims.groupOf(h, own.id());
              if (existing != null) {
                // A retry: exactly the members it had, locked in id order so two members retrying
                // at
                // once (on two nodes) queue instead of deadlocking.
                return claims.claimGroup(h, existing, until, now, postgres)
                    ? claims.pendingInGroup(h, existing)
                    : null;
              }
              String g = Ids.newId();
              if (!claims.claim(h, own.id(), g, until, now)) {
                return null;
              }
              // Others are added with SKIP LOCKED, so a leader never waits for another while
              // holding a row.
              claims.claimMore(h, g, until, now, batchSize - 1, postgres);
              return claims.pendingInGroup(h, g);
            });
    if (members == null) {
      return new Wakes(false, Map.of());
    }
    // The other members' step tasks have nothing to do while this sender holds their emails: they
    // sleep until the outcomes are recorded, or until the lease ends should this sender die.
    Map<String, Instant> sleep = new java.util.TreeMap<>();
    members.stream()
        .filter(m -> !m.enrollmentId().equals(own.enrollmentId()))
        .forEach(m -> sleep.put(m.enrollmentId(), until));
    wake(sleep);
    List<OutboundEmail> outbound = new ArrayList<>();
    List<EmailRecord> sending = new ArrayList<>();
    List<EmailRecord> withdrawn = new ArrayList<>();
    db.useHandle(
        h -> {
          // Enrollments, contacts and suppressions of the whole group in one statement each.
          Map<String, Enrollment> enrolled =
              enrollments.findAll(h, members.stream().map(EmailRecord::enrollmentId).toList());
          List<EmailRecord> active =
              members.stream()
                  .filter(
                      m -> {
                        Enrollment e = enrolled.get(m.enrollmentId());
                        return e != null && e.state() == EnrollmentState.ACTIVE;
                      })
                  .toList();
          Map<String, Contact> people =
              contacts.findAll(h, active.stream().map(EmailRecord::contactId).toList());
          // The last line of defence: whatever queued this email, a suppressed address gets
          // nothing.
          java.util.Set<String> suppressed =
              suppressions.suppressedHashes(
                  h,
                  active.stream()
                      .map(m -> people.get(m.contactId()))
                      .filter(java.util.Objects::nonNull)
                      .map(Contact::email)
                      .toList());
          for (EmailRecord m : members) {
            Enrollment e = enrolled.get(m.enrollmentId());
            if (e == null || e.state() != EnrollmentState.ACTIVE) {
              withdrawn.add(m);
              continue;
            }
            Contact c = Optional.ofNullable(people.get(m.contactId())).orElseThrow();
            if (suppressed.contains(SuppressionList.hash(c.email()))) {
              withdrawn.add(m);
              continue;
            }
            sending.add(m);
            outbound.add(
                new OutboundEmail(
                    m.idempotencyKey(),
                    c.email(),
                    m.subject(),
                    m.html(),
                    null,
                    m.templateKey(),
                    composer.headers(c.id())));
          }
        });
    List<BatchOutcome> outcomes = send(outbound);
    return new Wakes(true, record(own, sending, outcomes, withdrawn));
  }

  /**
   * Moves the other members' wake-ups in a transaction of its own, in a fixed order. Not inside the
   * transaction that claims or records the batch: on PostgreSQL that held email, enrollment and
   * scheduler rows together while other nodes took them in another order, and deadlocked. A crash
   * before this runs costs nothing but time: each member wakes at its old time and finds its state.
   */
  private void wake(Map<String, Instant> byEnrollment) {
    if (byEnrollment.isEmpty()) {
      return;
    }
    db.inTransaction(
        h -> {
          wakes.wakeAll(h, byEnrollment);
          return null;
        });
  }

  private List<BatchOutcome> send(List<OutboundEmail> outbound) {
    if (outbound.isEmpty()) {
      return List.of();
    }
    try {
      return sender.sendBatch(outbound);
    } catch (RuntimeException e) {
      // A sender bug or an unexpected fault must not lose the group: treat it as transient.
      SendException failure =
          SendException.transientFailure(
              "unexpected " + e.getClass().getSimpleName() + " from " + sender.name(), null, e);
      return outbound.stream().map(o -> BatchOutcome.failed(o, failure)).toList();
    }
  }

  private Map<String, Optional<Instant>> record(
      EmailRecord own,
      List<EmailRecord> sending,
      List<BatchOutcome> outcomes,
      List<EmailRecord> withdrawn) {
    Instant now = clock.instant();
    Map<String, Optional<Instant>> wakes = new HashMap<>();
    db.inTransaction(
        h -> {
          for (EmailRecord m : withdrawn) {
            emails.cancel(h, m.id(), now);
            stopper.stop(h, m.contactId(), "address suppressed", now);
          }
          List<EmailRecord> accepted = new ArrayList<>();
          List<EmailRepository.Sent> marks = new ArrayList<>();
          for (int i = 0; i < sending.size(); i++) {
            if (outcomes.get(i).isSent()) {
              accepted.add(sending.get(i));
              marks.add(
                  new EmailRepository.Sent(
                      sending.get(i).id(), outcomes.get(i).result().providerMessageId()));
            }
          }
          sentAll(h, accepted, marks, now).forEach(wakes::put);
          for (int i = 0; i < sending.size(); i++) {
            EmailRecord m = sending.get(i);
            BatchOutcome o = outcomes.get(i);
            if (!o.isSent()) {
              wakes.put(m.enrollmentId(), failed(h, m, o.failure(), now));
            }
          }
          return null;
        });
    Map<String, Instant> next = new java.util.TreeMap<>();
    wakes.forEach(
        (enrollmentId, at) -> {
          if (!enrollmentId.equals(own.enrollmentId())) {
            next.put(enrollmentId, at.orElse(now));
          }
        });
    wake(next);
    int sent = (int) outcomes.stream().filter(BatchOutcome::isSent).count();
    log.info(
        "dispatched {} email(s) via {}: {} sent, {} not",
        outcomes.size(),
        sender.name(),
        sent,
        outcomes.size() - sent);
    return wakes;
  }

  /**
   * Records the emails the provider accepted, with a few statements for the whole batch: marks them
   * sent (one JDBC batch), writes their timeline entries, tells the CRM and advances their
   * enrollments. An email another sender recorded first is left as that sender recorded it.
   * Answers, by enrollment id, when each enrollment should next wake.
   */
  private Map<String, Optional<Instant>> sentAll(
      org.jdbi.v3.core.Handle h,
      List<EmailRecord> accepted,
      List<EmailRepository.Sent> marks,
      Instant now) {
    Map<String, Optional<Instant>> wakes = new HashMap<>();
    if (accepted.isEmpty()) {
      return wakes;
    }
    accepted.forEach(m -> events.emailSent(m.templateKey(), sender.name()));
    boolean[] marked = emails.markSentAll(h, marks, sender.name(), db.node(), now);
    List<EmailRecord> recorded = new ArrayList<>();
    List<Timeline.Entry> entries = new ArrayList<>();
    List<String> crmChanged = new ArrayList<>();
    for (int i = 0; i < marked.length; i++) {
      EmailRecord m = accepted.get(i);
      if (!marked[i]) {
        log.info(
            "{} of enrollment {} was recorded by another sender; this sender's outcome is ignored",
            m.templateKey(),
            m.enrollmentId());
        wakes.put(
            m.enrollmentId(),
            enrollments
                .find(h, m.enrollmentId())
                .filter(e -> e.state() == EnrollmentState.ACTIVE)
                .map(Enrollment::nextDueAt));
        continue;
      }
      recorded.add(m);
      entries.add(
          timeline.entry(
              m.contactId(), now, "email_sent", m.templateKey() + " via " + sender.name()));
      crmChanged.add(m.contactId());
    }
    // sent_at as stored (to the millisecond), as the next step's due time was computed from it.
    Instant sentAt = Instant.ofEpochMilli(now.toEpochMilli());
    Map<String, Optional<Instant>> next =
        advancer.advanceAll(h, recorded, sentAt, now, entries, crmChanged);
    recorded.forEach(m -> wakes.put(m.enrollmentId(), next.get(m.id())));
    timeline.recordAll(h, entries);
    crmSync.contactsChanged(h, crmChanged, now);
    return wakes;
  }

  private Optional<Instant> failed(
      org.jdbi.v3.core.Handle h, EmailRecord m, SendException failure, Instant now) {
    int attempts = m.attempts() + 1;
    boolean again = failure.isTransient() && attempts <= retry.sendRetries();
    events.emailFailed(m.templateKey(), sender.name(), !again);
    if (again) {
      Duration wait =
          failure
              .retryAfter()
              .filter(d -> d.compareTo(retry.sendRetryDelay()) > 0)
              .orElse(retry.sendRetryDelay());
      Instant next = now.plus(wait);
      if (!emails.recordFailure(h, m.id(), EmailState.PENDING, failure.getMessage(), next, now)) {
        return settledMeanwhile(h, m);
      }
      timeline.record(
          h,
          m.contactId(),
          now,
          "email_retry",
          m.templateKey() + " try " + attempts + ": " + failure.getMessage());
      return Optional.of(next);
    }
    if (!emails.recordFailure(h, m.id(), EmailState.PARKED, failure.getMessage(), null, now)) {
      return settledMeanwhile(h, m);
    }
    timeline.record(
        h, m.contactId(), now, "email_parked", m.templateKey() + ": " + failure.getMessage());
    enrollments
        .find(h, m.enrollmentId())
        .filter(e -> e.state().canMoveTo(EnrollmentState.PAUSED))
        .ifPresent(
            e -> enrollments.moveTo(h, e, EnrollmentState.PAUSED, "email needs follow-up", now));
    if (failure.isTransient()) {
      // Out of retries: an ERROR line, so exception tracking (Sentry) hears of it.
      log.error(
          "parked {} of enrollment {} after its last retry: {}",
          m.templateKey(),
          m.enrollmentId(),
          failure.getMessage());
    } else {
      log.warn(
          "parked {} of enrollment {}: {}",
          m.templateKey(),
          m.enrollmentId(),
          failure.getMessage());
    }
    return Optional.empty();
  }

  /** Another sender recorded this email first (it took the group over): keep what it recorded. */
  private Optional<Instant> settledMeanwhile(org.jdbi.v3.core.Handle h, EmailRecord m) {
    log.info(
        "{} of enrollment {} was recorded by another sender; its late failure is ignored",
        m.templateKey(),
        m.enrollmentId());
    return enrollments
        .find(h, m.enrollmentId())
        .filter(e -> e.state() == EnrollmentState.ACTIVE)
        .map(Enrollment::nextDueAt);
  }
}
