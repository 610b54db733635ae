package ca.businessx.nurture.sequence;

import ca.businessx.nurture.contact.Contact;
import ca.businessx.nurture.contact.ContactRepository;
import ca.businessx.nurture.contact.CrmSyncQueue;
import ca.businessx.nurture.contact.Timeline;
import ca.businessx.nurture.email.BatchOutcome;
import ca.businessx.nurture.email.EmailRecord;
import ca.businessx.nurture.email.EmailRepository;
import ca.businessx.nurture.email.EmailSender;
import ca.businessx.nurture.email.EmailState;
import ca.businessx.nurture.email.OutboundEmail;
import ca.businessx.nurture.email.SendException;
import ca.businessx.nurture.platform.NurtureEvents;
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
 * Sends an email together with whatever else is due, as one provider batch. The group's members
 * are committed before the provider is called, and a retry resends exactly that group, so the
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
  private final EmailRepository emails = new EmailRepository();
  private final EnrollmentRepository enrollments = new EnrollmentRepository();
  private final ContactRepository contacts = new ContactRepository();
  private final Timeline timeline = new Timeline();
  private final SuppressionList suppressions = new SuppressionList();
  private final SequenceStopper stopper = new SequenceStopper();

  Dispatcher(Database db, EmailSender sender, EmailComposer composer, Config.Sequence retry,
      Advancer advancer, CrmSyncQueue crmSync, Clock clock, int batchSize, Duration lease,
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
  }

  /**
   * @param wakeOthers told, in a transaction after the outcomes are recorded, when each other
   *     enrollment of the group should next wake
   */
  Wakes dispatch(EmailRecord own, java.util.function.BiConsumer<String, Instant> wakeOthers) {
    Instant now = clock.instant();
    Instant until = now.plus(lease);
    boolean postgres = db.kind() == Database.Kind.POSTGRESQL;
    List<EmailRecord> members = db.inTransaction(h -> {
      String existing = emails.groupOf(h, own.id());
      if (existing != null) {
        // A retry: exactly the members it had, locked in id order so two members retrying at
        // once (on two nodes) queue instead of deadlocking.
        return emails.claimGroup(h, existing, until, now, postgres) ? emails.pendingInGroup(h, existing) : null;
      }
      String g = Ids.newId();
      if (!emails.claim(h, own.id(), g, until, now)) {
        return null;
      }
      // Others are added with SKIP LOCKED, so a leader never waits for another while holding a row.
      emails.claimMore(h, g, until, now, batchSize - 1, postgres);
      return emails.pendingInGroup(h, g);
    });
    if (members == null) {
      return new Wakes(false, Map.of());
    }
    // The other members' step tasks have nothing to do while this sender holds their emails: they
    // sleep until the outcomes are recorded, or until the lease ends should this sender die.
    Map<String, Instant> sleep = new java.util.TreeMap<>();
    members.stream().filter(m -> !m.enrollmentId().equals(own.enrollmentId()))
        .forEach(m -> sleep.put(m.enrollmentId(), until));
    wake(sleep, wakeOthers);
    List<OutboundEmail> outbound = new ArrayList<>();
    List<EmailRecord> sending = new ArrayList<>();
    List<EmailRecord> withdrawn = new ArrayList<>();
    db.useHandle(h -> {
      for (EmailRecord m : members) {
        Optional<Enrollment> e = enrollments.find(h, m.enrollmentId());
        if (e.isEmpty() || e.get().state() != EnrollmentState.ACTIVE) {
          withdrawn.add(m);
          continue;
        }
        Contact c = contacts.find(h, m.contactId()).orElseThrow();
        // The last line of defence: whatever queued this email, a suppressed address gets nothing.
        if (suppressions.isSuppressed(h, c.email())) {
          withdrawn.add(m);
          continue;
        }
        sending.add(m);
        outbound.add(new OutboundEmail(m.idempotencyKey(), c.email(), m.subject(), m.html(), null,
            m.templateKey(), composer.headers(c.id())));
      }
    });
    List<BatchOutcome> outcomes = send(outbound);
    return new Wakes(true, record(own, sending, outcomes, withdrawn, wakeOthers));
  }

  /**
   * Moves the other members' wake-ups in a transaction of its own, in a fixed order. Not inside the
   * transaction that claims or records the batch: on PostgreSQL that held email, enrollment and
   * scheduler rows together while other nodes took them in another order, and deadlocked. A crash
   * before this runs costs nothing but time: each member wakes at its old time and finds its state.
   */
  private void wake(Map<String, Instant> byEnrollment, java.util.function.BiConsumer<String, Instant> wakeOthers) {
    if (byEnrollment.isEmpty()) {
      return;
    }
    db.inTransaction(h -> {
      byEnrollment.forEach(wakeOthers);
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
      SendException failure = SendException.transientFailure(
          "unexpected " + e.getClass().getSimpleName() + " from " + sender.name(), null, e);
      return outbound.stream().map(o -> BatchOutcome.failed(o, failure)).toList();
    }
  }

  private Map<String, Optional<Instant>> record(EmailRecord own, List<EmailRecord> sending,
      List<BatchOutcome> outcomes, List<EmailRecord> withdrawn,
      java.util.function.BiConsumer<String, Instant> wakeOthers) {
    Instant now = clock.instant();
    Map<String, Optional<Instant>> wakes = new HashMap<>();
    db.inTransaction(h -> {
      for (EmailRecord m : withdrawn) {
        emails.cancel(h, m.id(), now);
        stopper.stop(h, m.contactId(), "address suppressed", now);
      }
      for (int i = 0; i < sending.size(); i++) {
        EmailRecord m = sending.get(i);
        BatchOutcome o = outcomes.get(i);
        wakes.put(m.enrollmentId(), o.isSent() ? sent(h, m, o, now) : failed(h, m, o.failure(), now));
      }
      return null;
    });
    Map<String, Instant> next = new java.util.TreeMap<>();
    wakes.forEach((enrollmentId, at) -> {
      if (!enrollmentId.equals(own.enrollmentId())) {
        next.put(enrollmentId, at.orElse(now));
      }
    });
    wake(next, wakeOthers);
    int sent = (int) outcomes.stream().filter(BatchOutcome::isSent).count();
    log.info("dispatched {} email(s) via {}: {} sent, {} not", outcomes.size(), sender.name(), sent,
        outcomes.size() - sent);
    return wakes;
  }

  private Optional<Instant> sent(org.jdbi.v3.core.Handle h, EmailRecord m, BatchOutcome o, Instant now) {
    emails.markSent(h, m.id(), sender.name(), o.result().providerMessageId(), db.node(), now);
    events.emailSent(m.templateKey(), sender.name());
    timeline.record(h, m.contactId(), now, "email_sent", m.templateKey() + " via " + sender.name());
    crmSync.contactChanged(h, m.contactId(), now);
    EmailRecord done = emails.find(h, m.id()).orElseThrow();
    return advancer.advance(h, done, now);
  }

  private Optional<Instant> failed(org.jdbi.v3.core.Handle h, EmailRecord m, SendException failure, Instant now) {
    int attempts = m.attempts() + 1;
    boolean again = failure.isTransient() && attempts <= retry.sendRetries();
    events.emailFailed(m.templateKey(), sender.name(), !again);
    if (again) {
      Duration wait = failure.retryAfter().filter(d -> d.compareTo(retry.sendRetryDelay()) > 0)
          .orElse(retry.sendRetryDelay());
      Instant next = now.plus(wait);
      if (!emails.recordFailure(h, m.id(), EmailState.PENDING, failure.getMessage(), next, now)) {
        return settledMeanwhile(h, m);
      }
      timeline.record(h, m.contactId(), now, "email_retry",
          m.templateKey() + " try " + attempts + ": " + failure.getMessage());
      return Optional.of(next);
    }
    if (!emails.recordFailure(h, m.id(), EmailState.PARKED, failure.getMessage(), null, now)) {
      return settledMeanwhile(h, m);
    }
    timeline.record(h, m.contactId(), now, "email_parked", m.templateKey() + ": " + failure.getMessage());
    enrollments.find(h, m.enrollmentId())
        .filter(e -> e.state().canMoveTo(EnrollmentState.PAUSED))
        .ifPresent(e -> enrollments.moveTo(h, e, EnrollmentState.PAUSED, "email needs follow-up", now));
    log.warn("parked {} of enrollment {}: {}", m.templateKey(), m.enrollmentId(), failure.getMessage());
    return Optional.empty();
  }

  /** Another sender recorded this email first (it took the group over): keep what it recorded. */
  private Optional<Instant> settledMeanwhile(org.jdbi.v3.core.Handle h, EmailRecord m) {
    log.info("{} of enrollment {} was recorded by another sender; its late failure is ignored",
        m.templateKey(), m.enrollmentId());
    return enrollments.find(h, m.enrollmentId())
        .filter(e -> e.state() == EnrollmentState.ACTIVE)
        .map(Enrollment::nextDueAt);
  }
}
