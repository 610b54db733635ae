package ca.businessx.nurture.sequence;

import ca.businessx.nurture.contact.Contact;
import ca.businessx.nurture.contact.ContactRepository;
import ca.businessx.nurture.contact.CrmSyncQueue;
import ca.businessx.nurture.email.EmailRecord;
import ca.businessx.nurture.email.EmailRepository;
import ca.businessx.nurture.email.EmailSender;
import ca.businessx.nurture.events.NurtureEvents;
import ca.businessx.nurture.platform.Config;
import ca.businessx.nurture.platform.Database;
import ca.businessx.nurture.template.RenderedEmail;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
  private final ContactRepository contacts = new ContactRepository();
  private final EnrollmentRepository enrollments = new EnrollmentRepository();
  private final EmailRepository emails = new EmailRepository();

  /** Enrollments whose emails a thread of this process is rendering right now. */
  private final Set<String> beingPrepared = ConcurrentHashMap.newKeySet();

  /**
   * @param batchSize at most this many emails per provider call
   * @param lease how long a sender may hold a group before others may take it over
   * @param wakes moves the step tasks of a batch's other enrollments
   */
  public SequenceRunner(
      Database db,
      SequencePlan plan,
      EmailComposer composer,
      EmailSender sender,
      Config.Sequence retry,
      CrmSyncQueue crmSync,
      Clock clock,
      int batchSize,
      Duration lease,
      StepWakes wakes,
      NurtureEvents events) {
    this.db = db;
    this.plan = plan;
    this.composer = composer;
    this.advancer = new Advancer(plan, crmSync);
    this.dispatcher =
        new Dispatcher(
            db, sender, composer, retry, advancer, crmSync, clock, batchSize, lease, wakes, events);
    this.clock = clock;
    this.batchSize = batchSize;
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
      Optional<EmailRecord> prepared = prepare(e, now);
      if (prepared.isEmpty()) {
        return Optional.of(now.plus(IN_FLIGHT_RECHECK));
      }
      EmailRecord email = prepared.get();
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
          if (!dispatcher.dispatch(email).dispatched()) {
            return Optional.of(now.plus(IN_FLIGHT_RECHECK));
          }
        }
      }
    }
    return Optional.of(clock.instant());
  }

  /**
   * Renders the emails of other enrollments that are due too, so they join this one's batch instead
   * of each leaving alone; their own step tasks then find them sent and move on. They are stored in
   * one transaction: a commit per email would make the disk, not the provider, the limit.
   */
  private void prepareOthersDue(Instant now) {
    if (db.kind() == Database.Kind.POSTGRESQL) {
      prepareOthersDueLocked(now);
      return;
    }
    List<Enrollment> mine = reserveOthersDue(now);
    if (mine.isEmpty()) {
      return;
    }
    try {
      List<Draft> drafts = db.withHandle(h -> drafts(h, mine, now));
      db.inTransaction(
          h -> {
            storeAll(h, drafts, now);
            return null;
          });
    } finally {
      mine.forEach(e -> beingPrepared.remove(e.id()));
    }
  }

  /**
   * Several nodes share PostgreSQL: the due enrollments are locked (skipping those another node or
   * thread holds) for as long as their emails take to render and store, so no two render the same
   * email and then wait on each other's insert. Templates come from a cache, so the lock is
   * normally held for rendering only; when a Notion template's cache entry expires, its refresh
   * (bounded by the Notion client's timeout) happens inside, and those enrollments' own step tasks
   * wait for it.
   */
  private void prepareOthersDueLocked(Instant now) {
    db.inTransaction(
        h -> {
          storeAll(h, drafts(h, enrollments.lockDueWithoutEmail(h, now, batchSize - 1), now), now);
          return null;
        });
  }

  private List<Draft> drafts(Handle h, List<Enrollment> due, Instant now) {
    Map<String, Contact> people =
        contacts.findAll(h, due.stream().map(Enrollment::contactId).toList());
    List<Draft> drafts = new ArrayList<>(due.size());
    for (Enrollment e : due) {
      Contact c = people.get(e.contactId());
      if (c != null) {
        drafts.add(draft(e, c, now));
      }
    }
    return drafts;
  }

  private void storeAll(Handle h, List<Draft> drafts, Instant now) {
    enrollments.emailsStored(h, drafts.stream().map(d -> d.enrollment().id()).toList());
    emails.insertSteps(
        h,
        drafts.stream()
            .map(
                d ->
                    new EmailRepository.NewStep(
                        d.enrollment().id(),
                        d.enrollment().contactId(),
                        d.enrollment().currentStep(),
                        d.rendered(),
                        d.due()))
            .toList(),
        now);
  }

  /**
   * Picks due enrollments without an email that no other thread of this process is preparing: step
   * tasks that fall due together then render different emails side by side instead of all rendering
   * the same ones. (Another process may still render one twice; only one is stored.)
   */
  private List<Enrollment> reserveOthersDue(Instant now) {
    synchronized (beingPrepared) {
      List<Enrollment> due =
          db.withHandle(
              h -> enrollments.dueWithoutEmail(h, now, batchSize - 1 + beingPrepared.size()));
      List<Enrollment> mine =
          due.stream().filter(e -> !beingPrepared.contains(e.id())).limit(batchSize - 1).toList();
      mine.forEach(e -> beingPrepared.add(e.id()));
      return mine;
    }
  }

  /**
   * The enrollment's current email, rendered and stored if it was not yet; empty while another
   * thread of this process is rendering it with a batch of others. (Rendering it here too would
   * make this thread's insert wait for that batch's commit, then be thrown away.)
   */
  private Optional<EmailRecord> prepare(Enrollment e, Instant now) {
    Optional<EmailRecord> existing =
        db.withHandle(h -> emails.findStep(h, e.id(), e.currentStep()));
    if (existing.isPresent()) {
      return existing;
    }
    synchronized (beingPrepared) {
      if (!beingPrepared.add(e.id())) {
        return Optional.empty();
      }
    }
    try {
      Contact contact = db.withHandle(h -> contacts.find(h, e.contactId())).orElseThrow();
      Draft d = draft(e, contact, now);
      return Optional.of(db.inTransaction(h -> store(h, d, now)));
    } finally {
      beingPrepared.remove(e.id());
    }
  }

  /** An enrollment's current email, rendered but not yet stored. */
  private record Draft(Enrollment enrollment, RenderedEmail rendered, Instant due) {}

  private Draft draft(Enrollment e, Contact contact, Instant now) {
    // The newest segment decides, so a repeated assessment changes the later emails.
    String key = plan.templateFor(e.currentStep(), contact.segment());
    RenderedEmail rendered =
        composer.render(key, contact, EmailRecord.idempotencyKey(e.id(), e.currentStep()));
    return new Draft(e, rendered, e.nextDueAt() != null ? e.nextDueAt() : now);
  }

  /** Stores the draft unless the step's email exists already, and answers the stored one. */
  private EmailRecord store(Handle h, Draft d, Instant now) {
    Enrollment e = d.enrollment();
    // The enrollment's row first, as a batch preparing it locks it first: taken the other way
    // round on PostgreSQL, the two waited on each other until the deadlock detector broke in.
    enrollments.emailsStored(h, List.of(e.id()));
    return emails.createStep(h, e.id(), e.contactId(), e.currentStep(), d.rendered(), d.due(), now);
  }

  /** For tests and tools: the waits and templates this runner follows. */
  public SequencePlan plan() {
    return plan;
  }
}
