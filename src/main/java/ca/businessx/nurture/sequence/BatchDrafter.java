package ca.businessx.nurture.sequence;

import ca.businessx.nurture.abtest.SubjectStats;
import ca.businessx.nurture.abtest.Variant;
import ca.businessx.nurture.contact.Contact;
import ca.businessx.nurture.contact.ContactRepository;
import ca.businessx.nurture.contact.Timeline;
import ca.businessx.nurture.email.EmailRecord;
import ca.businessx.nurture.email.EmailRepository;
import ca.businessx.nurture.email.EmailState;
import ca.businessx.nurture.email.OutboundEmail;
import ca.businessx.nurture.platform.Database;
import ca.businessx.nurture.platform.Ids;
import ca.businessx.nurture.suppression.SuppressionList;
import ca.businessx.nurture.template.RenderedEmail;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a claimed batch into stored emails: asks {@link NextStep} about each member, renders the
 * ones to send (outside any transaction: a template may come from Notion), and in one transaction
 * stores them under their stable keys and settles the members that are not to be sent (a suppressed
 * address stops its sequence). A member whose email is stored already (a batch taken over) is sent
 * as stored, so a retry carries the same content under the same key.
 */
final class BatchDrafter {
  private static final Logger log = LoggerFactory.getLogger(BatchDrafter.class);
  private final Database db;
  private final SequenceVersions versions;
  private final EmailComposer composer;
  private final EmailRepository emails = new EmailRepository();
  private final ContactRepository contacts = new ContactRepository();
  private final SuppressionList suppressions = new SuppressionList();
  private final SequenceStopper stopper = new SequenceStopper();
  private final EnrollmentRepository enrollments = new EnrollmentRepository();
  private final Timeline timeline = new Timeline();
  private final SubjectStats promotions = new SubjectStats();
  private final SendHours hours;

  BatchDrafter(Database db, SequenceVersions versions, EmailComposer composer, SendHours hours) {
    this.db = db;
    this.versions = versions;
    this.composer = composer;
    this.hours = hours;
  }

  /**
   * What the batch's members need from the database, read in five statements; {@code clicked}: the
   * keys of the previous steps' emails the lead clicked (for the "if engaged" waits).
   */
  private record Reading(
      Map<String, EmailRecord> stored,
      Map<String, Contact> people,
      Set<String> suppressed,
      Map<String, Variant> promoted,
      Set<String> clicked) {}

  /** A member that is not sent, and what its decision asks of its enrollment. */
  private record Settle(Enrollment enrollment, NextStep.Decision decision) {}

  SendBatch draft(DueClaimer.Claim claim, Instant now) {
    if (claim.takenOver()) {
      log.info(
          "batch {} taken over after its lease: {} member(s) resent under the same keys",
          claim.batchId(),
          claim.members().size());
    }
    Reading r = read(claim.members());
    List<SendBatch.Item> sending = new ArrayList<>();
    List<SendBatch.Item> done = new ArrayList<>();
    List<EmailRepository.NewStep> drafts = new ArrayList<>();
    List<Settle> settle = new ArrayList<>();
    for (Enrollment e : claim.members()) {
      Contact c = r.people().get(e.contactId());
      if (c == null) {
        settle.add(new Settle(e, new NextStep.Paused("contact gone")));
        continue;
      }
      NextStep.LeadFacts facts =
          new NextStep.LeadFacts(
                  r.suppressed().contains(SuppressionList.hash(c.email())),
                  false,
                  false,
                  hours.of(c))
              .withClicked(
                  r.clicked().contains(previousKey(e)) ? Set.of(e.currentStep() - 1) : Set.of());
      NextStep.Decision d = NextStep.decide(e.position(c.segment()), facts, versions.of(e), now);
      if (!(d instanceof NextStep.Send send)) {
        settle.add(new Settle(e, d));
        continue;
      }
      EmailRecord stored = r.stored().get(key(e));
      if (stored != null && stored.state().isDone()) {
        // Recorded by a sender whose advance was lost: only the advance is left to do.
        done.add(
            new SendBatch.Item(
                e,
                c.segment(),
                stored.id(),
                stored.templateKey(),
                stored.attempts(),
                null,
                hours.of(c)));
      } else if (stored != null && stored.state() != EmailState.PENDING) {
        // Parked or cancelled: a person decides, and the enrollment's state already says so.
        settle.add(new Settle(e, new NextStep.Paused("email " + stored.state())));
      } else if (stored != null) {
        sending.add(
            item(
                e,
                c,
                stored.id(),
                stored.templateKey(),
                stored.attempts(),
                stored.subject(),
                stored.html()));
      } else {
        Optional<RenderedEmail> rendered = render(send, c, e);
        Optional<Variant> variant =
            rendered.flatMap(
                m ->
                    Variant.pick(
                        m.hasSubjectB(),
                        Optional.ofNullable(r.promoted().get(m.templateKey())),
                        e.id()));
        if (rendered.isEmpty()) {
          // One lead's template must not hold the rest of the batch: it is looked at again later.
          Instant later =
              NextStep.retryAt(Duration.between(now, claim.until()), Optional.empty(), now);
          settle.add(new Settle(e, new NextStep.Wait(e.currentStep(), later)));
          continue;
        }
        RenderedEmail m = rendered.get().withVariant(variant.orElse(Variant.A));
        String id = Ids.newId();
        drafts.add(
            new EmailRepository.NewStep(
                id,
                e.id(),
                e.contactId(),
                e.currentStep(),
                m,
                hash(m),
                send.notBefore(),
                variant.map(Variant::name).orElse(null)));
        sending.add(item(e, c, id, m.templateKey(), 0, m.subject(), m.html()));
      }
    }
    return db.inTransaction(
        h -> {
          // Two live senders of one batch (the first outlived its lease) draft it one after the
          // other: the first to commit fixes its members, and the second sends exactly those, so
          // both calls carry the same keys and the provider's batch idempotency holds.
          lockBatch(h, claim);
          if (emails.batchDrafted(h, claim.batchId())) {
            return adopt(h, claim, r, done);
          }
          emails.insertDrafts(h, drafts, claim.batchId(), now);
          emails.joinBatch(
              h,
              sending.stream()
                  .map(SendBatch.Item::emailId)
                  .filter(id -> drafts.stream().noneMatch(d -> d.id().equals(id)))
                  .toList(),
              claim.batchId());
          settle.forEach(s -> settle(h, s, claim, now));
          return new SendBatch(claim, sending, done);
        });
  }

  private void lockBatch(Handle h, DueClaimer.Claim claim) {
    if (db.kind() == Database.Kind.POSTGRESQL) {
      h.createQuery("select id from enrollments where claimed_by = :b order by id for update")
          .bind("b", claim.batchId())
          .mapTo(String.class)
          .list();
    }
  }

  /** The batch was drafted by an earlier sender: send its stored PENDING emails as they are. */
  private SendBatch adopt(Handle h, DueClaimer.Claim claim, Reading r, List<SendBatch.Item> done) {
    Map<String, Enrollment> members = new java.util.HashMap<>();
    claim.members().forEach(e -> members.put(e.id(), e));
    List<SendBatch.Item> sending = new ArrayList<>();
    java.util.Set<String> kept = new java.util.HashSet<>();
    for (EmailRecord m : emails.pendingInBatch(h, claim.batchId())) {
      Enrollment e = members.get(m.enrollmentId());
      Contact c = e == null ? null : r.people().get(e.contactId());
      if (e == null || c == null || e.currentStep() != m.step()) {
        log.info("email {} of batch {} has no member to send it", m.id(), claim.batchId());
        continue;
      }
      kept.add(e.id());
      sending.add(item(e, c, m.id(), m.templateKey(), m.attempts(), m.subject(), m.html()));
    }
    done.forEach(d -> kept.add(d.enrollment().id()));
    for (Enrollment e : claim.members()) {
      if (!kept.contains(e.id())) {
        enrollments.release(h, e.id(), claim.batchId(), null);
      }
    }
    return new SendBatch(claim, sending, done);
  }

  private Reading read(List<Enrollment> members) {
    return db.withHandle(
        h -> {
          Map<String, Contact> people =
              contacts.findAll(h, members.stream().map(Enrollment::contactId).toList());
          return new Reading(
              emails.byKeys(h, members.stream().map(BatchDrafter::key).toList()),
              people,
              suppressions.suppressedHashes(
                  h, people.values().stream().map(Contact::email).toList()),
              promotions.promotedVariants(h),
              emails.clickedKeys(
                  h,
                  members.stream()
                      .filter(e -> e.currentStep() > 1)
                      .map(BatchDrafter::previousKey)
                      .toList()));
        });
  }

  private static String previousKey(Enrollment e) {
    return EmailRecord.idempotencyKey(e.id(), e.currentStep() - 1);
  }

  private Optional<RenderedEmail> render(NextStep.Send send, Contact c, Enrollment e) {
    try {
      // The links go through the click redirect, naming this email by its key.
      return Optional.of(composer.render(send.template(), c, key(e)));
    } catch (RuntimeException failed) {
      log.warn(
          "cannot render {} for enrollment {}: {}", send.template(), e.id(), failed.toString());
      return Optional.empty();
    }
  }

  private SendBatch.Item item(
      Enrollment e,
      Contact c,
      String id,
      String template,
      int attempts,
      String subject,
      String html) {
    OutboundEmail outbound =
        new OutboundEmail(
            key(e), c.email(), subject, html, null, template, composer.headers(c.id()));
    return new SendBatch.Item(e, c.segment(), id, template, attempts, outbound, hours.of(c));
  }

  private void settle(Handle h, Settle s, DueClaimer.Claim claim, Instant now) {
    Enrollment e = s.enrollment();
    boolean settled =
        switch (s.decision()) {
          case NextStep.Stop stop ->
              stop.as() == EnrollmentState.STOPPED
                  && stopper.stop(h, e.contactId(), stop.reason(), now);
          case NextStep.Complete c -> {
            boolean completed =
                e.state() == EnrollmentState.ACTIVE
                    && enrollments.moveTo(h, e, EnrollmentState.COMPLETED, null, now);
            if (completed) {
              timeline.record(h, e.contactId(), now, "sequence_completed", null);
            }
            yield completed;
          }
          case NextStep.Wait w -> {
            if (!enrollments.release(h, e.id(), claim.batchId(), w.until())) {
              log.info("enrollment {} left batch {} meanwhile", e.id(), claim.batchId());
            }
            yield true;
          }
          case NextStep.Paused p -> false;
          case NextStep.Send send -> throw new IllegalStateException("a send is not settled here");
        };
    if (!settled) {
      // Already in the state its decision names (or a person moved it): only the claim goes.
      enrollments.release(h, e.id(), claim.batchId(), null);
    }
  }

  static String key(Enrollment e) {
    return EmailRecord.idempotencyKey(e.id(), e.currentStep());
  }

  /** The fingerprint of the template text the email was rendered from, stored with it. */
  static String hash(RenderedEmail r) {
    return r.sourceHash();
  }
}
