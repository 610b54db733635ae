package ca.businessx.nurture.sequence;

import ca.businessx.nurture.contact.Contact;
import ca.businessx.nurture.contact.ContactRepository;
import ca.businessx.nurture.contact.CrmSyncQueue;
import ca.businessx.nurture.email.EmailRecord;
import ca.businessx.nurture.email.EmailRepository;
import ca.businessx.nurture.email.EmailSender;
import ca.businessx.nurture.platform.NurtureEvents;
import ca.businessx.nurture.platform.Config;
import ca.businessx.nurture.platform.Database;
import ca.businessx.nurture.template.RenderedEmail;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.jdbi.v3.core.Handle;

/**
 * Runs an enrollment's due step. Safe to run again after a crash at any point: the email is
 * rendered and stored once, sent in a recorded group under stable keys, and a step already done is
 * only advanced, never sent again. Network calls happen outside database transactions.
 */
public final class SequenceRunner {
  /** How soon to look again at an email another sender has in flight. */
  static final Duration IN_FLIGHT_RECHECK = Duration.ofMillis(250);

  private final Database db;
  private final SequencePlan plan;
  private final EmailComposer composer;
  private final Dispatcher dispatcher;
  private final Advancer advancer;
  private final Clock clock;
  private final int batchSize;
  private BiConsumer<String, Instant> wakeOthers = (enrollmentId, at) -> {};
  private final ContactRepository contacts = new ContactRepository();
  private final EnrollmentRepository enrollments = new EnrollmentRepository();
  private final EmailRepository emails = new EmailRepository();
  /** Enrollments whose emails a thread of this process is rendering right now. */
  private final Set<String> beingPrepared = ConcurrentHashMap.newKeySet();

  /**
   * @param batchSize at most this many emails per provider call
   * @param lease how long a sender may hold a group before others may take it over
   */
  public SequenceRunner(Database db, SequencePlan plan, EmailComposer composer, EmailSender sender,
      Config.Sequence retry, CrmSyncQueue crmSync, Clock clock, int batchSize, Duration lease,
      NurtureEvents events) {
    this.db = db;
    this.plan = plan;
    this.composer = composer;
    this.advancer = new Advancer(plan, crmSync);
    this.dispatcher =
        new Dispatcher(db, sender, composer, retry, advancer, crmSync, clock, batchSize, lease, events);
    this.clock = clock;
    this.batchSize = batchSize;
  }

  /** Lets the runner move other enrollments' step tasks when a batch it sent advanced them. */
  public void onOthersAdvanced(BiConsumer<String, Instant> wake) {
    this.wakeOthers = wake;
  }

  /** Answers when this enrollment's task should run again, or empty when it has nothing due. */
  public Optional<Instant> runDueStep(String enrollmentId) {
    for (int round = 0; round < 3; round++) {
      Instant now = clock.instant();
      Optional<Enrollment> found = db.withHandle(h -> enrollments.find(h, enrollmentId));
      if (found.isEmpty() || found.get().state() != EnrollmentState.ACTIVE) {
        return Optional.empty();
      }
      Enrollment e = found.get();
      if (e.nextDueAt() != null && e.nextDueAt().isAfter(now)) {
        return Optional.of(e.nextDueAt());
      }
      EmailRecord email = prepare(e, now);
      switch (email.state()) {
        case SENT, SKIPPED -> db.inTransaction(h -> advancer.advance(h, email, now));
        case PARKED, CANCELLED -> {
          return Optional.empty();
        }
        case PENDING -> {
          if (email.nextAttemptAt() != null && email.nextAttemptAt().isAfter(now)) {
            return Optional.of(email.nextAttemptAt());
          }
          if (email.dispatchGroup() == null) {
            prepareOthersDue(now);
          }
          if (!dispatcher.dispatch(email, wakeOthers).dispatched()) {
            return Optional.of(now.plus(IN_FLIGHT_RECHECK));
          }
        }
      }
    }
    return Optional.of(clock.instant());
  }

  /**
   * Renders the emails of other enrollments that are due too, so they join this one's batch
   * instead of each leaving alone; their own step tasks then find them sent and move on. They are
   * stored in one transaction: a commit per email would make the disk, not the provider, the limit.
   */
  private void prepareOthersDue(Instant now) {
    List<Enrollment> mine = reserveOthersDue(now);
    if (mine.isEmpty()) {
      return;
    }
    try {
      Map<Enrollment, Contact> due = new LinkedHashMap<>();
      db.useHandle(h -> {
        for (Enrollment other : mine) {
          contacts.find(h, other.contactId()).ifPresent(c -> due.put(other, c));
        }
      });
      List<Draft> drafts = new ArrayList<>(due.size());
      due.forEach((e, contact) -> drafts.add(draft(e, contact, now)));
      db.inTransaction(h -> {
        for (Draft d : drafts) {
          Enrollment e = d.enrollment();
          emails.insertStep(h, e.id(), e.contactId(), e.currentStep(), d.rendered(), d.due(), now);
        }
        return null;
      });
    } finally {
      mine.forEach(e -> beingPrepared.remove(e.id()));
    }
  }

  /**
   * Picks due enrollments without an email that no other thread of this process is preparing:
   * step tasks that fall due together then render different emails side by side instead of all
   * rendering the same ones. (Another process may still render one twice; only one is stored.)
   */
  private List<Enrollment> reserveOthersDue(Instant now) {
    synchronized (beingPrepared) {
      List<Enrollment> due = db.withHandle(
          h -> enrollments.dueWithoutEmail(h, now, batchSize - 1 + beingPrepared.size()));
      List<Enrollment> mine = due.stream()
          .filter(e -> !beingPrepared.contains(e.id()))
          .limit(batchSize - 1)
          .toList();
      mine.forEach(e -> beingPrepared.add(e.id()));
      return mine;
    }
  }

  private EmailRecord prepare(Enrollment e, Instant now) {
    Optional<EmailRecord> existing = db.withHandle(h -> emails.findStep(h, e.id(), e.currentStep()));
    if (existing.isPresent()) {
      return existing.get();
    }
    Contact contact = db.withHandle(h -> contacts.find(h, e.contactId())).orElseThrow();
    Draft d = draft(e, contact, now);
    return db.inTransaction(h -> store(h, d, now));
  }

  /** An enrollment's current email, rendered but not yet stored. */
  private record Draft(Enrollment enrollment, RenderedEmail rendered, Instant due) {}

  private Draft draft(Enrollment e, Contact contact, Instant now) {
    // The newest segment decides, so a repeated assessment changes the later emails.
    String key = plan.templateFor(e.currentStep(), contact.segment());
    RenderedEmail rendered = composer.render(key, contact);
    return new Draft(e, rendered, e.nextDueAt() != null ? e.nextDueAt() : now);
  }

  /** Stores the draft unless the step's email exists already, and answers the stored one. */
  private EmailRecord store(Handle h, Draft d, Instant now) {
    Enrollment e = d.enrollment();
    return emails.createStep(h, e.id(), e.contactId(), e.currentStep(), d.rendered(), d.due(), now);
  }

  /** For tests and tools: the waits and templates this runner follows. */
  public SequencePlan plan() {
    return plan;
  }
}
