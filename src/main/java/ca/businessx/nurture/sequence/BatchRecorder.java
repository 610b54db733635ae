package ca.businessx.nurture.sequence;

import ca.businessx.nurture.contact.CrmSyncQueue;
import ca.businessx.nurture.contact.Timeline;
import ca.businessx.nurture.email.BatchOutcome;
import ca.businessx.nurture.email.EmailRepository;
import ca.businessx.nurture.email.EmailState;
import ca.businessx.nurture.email.SendException;
import ca.businessx.nurture.events.NurtureEvents;
import ca.businessx.nurture.platform.Config;
import ca.businessx.nurture.platform.Database;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a batch's outcomes and moves its enrollments on, in one transaction with a fixed number
 * of statements whatever the batch's size: the emails still PENDING are locked and read once; the
 * sent ones are marked in one statement; their enrollments advance ({@link BatchAdvance}: each to
 * the time {@link NextStep} gives) or complete in one statement each; failures wait for their
 * retry, holding the batch so it is resent with the same members, or park for a person.
 *
 * <p>An email found no longer PENDING lost a race (another sender took the batch over after its
 * lease and recorded it first, or a person stopped the sequence): it is left as the winner recorded
 * it, counted and logged; a late failure never undoes a send.
 */
final class BatchRecorder {
  private static final Logger log = LoggerFactory.getLogger(BatchRecorder.class);
  private static final String PARKED_REASON = "email needs follow-up";

  private final Database db;
  private final CrmSyncQueue crmSync;
  private final NurtureEvents events;
  private final Config.Sequence retry;
  private final String provider;
  private final EmailRepository emails = new EmailRepository();
  private final Timeline timeline = new Timeline();
  private final LostRaces lostRaces;
  private final BatchAdvance advance;

  BatchRecorder(
      Database db,
      SequenceVersions versions,
      CrmSyncQueue crmSync,
      NurtureEvents events,
      Config.Sequence retry,
      String provider) {
    this.db = db;
    this.crmSync = crmSync;
    this.events = events;
    this.retry = retry;
    this.provider = provider;
    this.lostRaces = new LostRaces(events);
    this.advance = new BatchAdvance(versions, lostRaces);
  }

  void record(SendBatch batch, List<BatchOutcome> outcomes, Instant now) {
    List<SendBatch.Item> items = batch.sending();
    for (int i = 0; i < items.size(); i++) {
      if (!items.get(i).outbound().idempotencyKey().equals(outcomes.get(i).idempotencyKey())) {
        throw new IllegalStateException("the sender answered out of order: indicates a bug");
      }
    }
    db.inTransaction(
        h -> {
          recordIn(h, batch, outcomes, now);
          return null;
        });
    int sent = (int) outcomes.stream().filter(BatchOutcome::isSent).count();
    log.info(
        "batch of {} via {}: {} sent, {} not",
        outcomes.size(),
        provider,
        sent,
        outcomes.size() - sent);
  }

  private void recordIn(Handle h, SendBatch batch, List<BatchOutcome> outcomes, Instant now) {
    List<SendBatch.Item> items = batch.sending();
    Set<String> pending =
        emails.lockPending(
            h,
            items.stream().map(SendBatch.Item::emailId).toList(),
            db.kind() == Database.Kind.POSTGRESQL);
    List<SendBatch.Item> sent = new ArrayList<>(batch.alreadyDone());
    List<EmailRepository.Sent> marks = new ArrayList<>();
    Map<String, List<SendBatch.Item>> retrying = new LinkedHashMap<>();
    Map<String, List<SendBatch.Item>> parking = new LinkedHashMap<>();
    Instant retryAt = null;
    for (int i = 0; i < items.size(); i++) {
      SendBatch.Item item = items.get(i);
      BatchOutcome o = outcomes.get(i);
      if (!pending.contains(item.emailId())) {
        events.lostRace(o.isSent() ? "email_sent" : "email_failed");
        log.info(
            "{} of enrollment {} was settled by another sender; this outcome is ignored",
            item.templateKey(),
            item.enrollment().id());
        continue;
      }
      if (o.isSent()) {
        sent.add(item);
        marks.add(new EmailRepository.Sent(item.emailId(), o.result().providerMessageId()));
        continue;
      }
      SendException failure = o.failure();
      boolean again = failure.isTransient() && item.attempts() + 1 <= retry.sendRetries();
      events.emailFailed(item.templateKey(), provider, !again);
      if (again) {
        Instant at = NextStep.retryAt(retry.sendRetryDelay(), failure.retryAfter(), now);
        retryAt = retryAt == null || at.isAfter(retryAt) ? at : retryAt;
        retrying.computeIfAbsent(failure.getMessage(), k -> new ArrayList<>()).add(item);
      } else {
        parking.computeIfAbsent(failure.getMessage(), k -> new ArrayList<>()).add(item);
      }
    }
    List<Timeline.Entry> entries = new ArrayList<>();
    emails.markSentAll(h, marks, provider, db.node(), now);
    for (SendBatch.Item item : sent) {
      entries.add(
          timeline.entry(
              item.enrollment().contactId(),
              now,
              "email_sent",
              item.templateKey() + " via " + provider));
    }
    Set<String> settled = new HashSet<>();
    advance.advance(h, sent, now, entries, settled);
    if (!retrying.isEmpty()) {
      hold(h, batch, retrying, retryAt, now, entries, settled);
    }
    if (!parking.isEmpty()) {
      park(h, parking, now, entries, settled);
    }
    List<String> rest =
        batch.claim().members().stream()
            .map(Enrollment::id)
            .filter(id -> !settled.contains(id))
            .toList();
    if (!rest.isEmpty()) {
      // Only this sender's own claim: one that took the batch over after the lease holds a later
      // lease, and must keep it until it records.
      h.createUpdate(
              "update enrollments set claimed_by = null, claimed_until = null"
                  + " where id in (<ids>) and claimed_by = :b and claimed_until = :until")
          .bindList("ids", rest)
          .bind("b", batch.claim().batchId())
          .bind("until", batch.claim().until().toEpochMilli())
          .execute();
    }
    timeline.recordAll(h, entries);
    // A parked lead's CRM status becomes "Needs follow-up".
    crmSync.contactsChanged(
        h,
        Stream.concat(sent.stream(), parking.values().stream().flatMap(List::stream))
            .map(i -> i.enrollment().contactId())
            .distinct()
            .toList(),
        now);
    Set<String> marked = new HashSet<>();
    marks.forEach(m -> marked.add(m.id()));
    for (SendBatch.Item item : sent) {
      if (marked.contains(item.emailId())) {
        events.emailSent(item.templateKey(), provider);
      }
    }
  }

  /**
   * Records the failed emails in one statement per reason, puts each one's timeline entry, and
   * answers the enrollments they belong to.
   */
  private List<String> recordFailures(
      Handle h,
      Map<String, List<SendBatch.Item>> byReason,
      EmailState state,
      Instant retryAt,
      Instant now,
      List<Timeline.Entry> entries,
      java.util.function.BiFunction<SendBatch.Item, String, Timeline.Entry> entry) {
    List<String> ids = new ArrayList<>();
    byReason.forEach(
        (reason, items) -> {
          emails.recordFailures(
              h, items.stream().map(SendBatch.Item::emailId).toList(), state, reason, retryAt, now);
          for (SendBatch.Item item : items) {
            ids.add(item.enrollment().id());
            entries.add(entry.apply(item, reason));
          }
        });
    return ids;
  }

  /**
   * Failed for a passing reason: the emails wait for their retry and the enrollments keep this
   * batch's id with a lease until then, so the retry takes the same batch over with the same
   * members (a provider may derive the batch's idempotency from them).
   */
  private void hold(
      Handle h,
      SendBatch batch,
      Map<String, List<SendBatch.Item>> byReason,
      Instant retryAt,
      Instant now,
      List<Timeline.Entry> entries,
      Set<String> settled) {
    List<String> ids =
        recordFailures(
            h,
            byReason,
            EmailState.PENDING,
            retryAt,
            now,
            entries,
            (item, reason) ->
                timeline.entry(
                    item.enrollment().contactId(),
                    now,
                    "email_retry",
                    item.templateKey() + " try " + (item.attempts() + 1) + ": " + reason));
    int held =
        h.createUpdate(
                "update enrollments set next_due_at = :at, claimed_until = :at, updated_at = :now"
                    + " where id in (<ids>) and claimed_by = :b and claimed_until = :until")
            .bindList("ids", ids)
            .bind("at", retryAt.toEpochMilli())
            .bind("now", now.toEpochMilli())
            .bind("b", batch.claim().batchId())
            .bind("until", batch.claim().until().toEpochMilli())
            .execute();
    lostRaces.count(held, ids.size(), "claim");
    settled.addAll(ids);
  }

  /** Failed for good, or out of retries: the email waits for a person, and so does its sequence. */
  private void park(
      Handle h,
      Map<String, List<SendBatch.Item>> byReason,
      Instant now,
      List<Timeline.Entry> entries,
      Set<String> settled) {
    List<String> ids =
        recordFailures(
            h,
            byReason,
            EmailState.PARKED,
            null,
            now,
            entries,
            (item, reason) -> {
              log.warn(
                  "parked {} of enrollment {}: {}",
                  item.templateKey(),
                  item.enrollment().id(),
                  reason);
              return timeline.entry(
                  item.enrollment().contactId(),
                  now,
                  "email_parked",
                  item.templateKey() + ": " + reason);
            });
    EnrollmentState.requireMove(EnrollmentState.ACTIVE, EnrollmentState.PAUSED);
    int paused =
        h.createUpdate(
                "update enrollments set state = 'PAUSED', stop_reason = :reason, next_due_at = null,"
                    + " claimed_by = null, claimed_until = null, updated_at = :now"
                    + " where id in (<ids>) and state = 'ACTIVE'")
            .bindList("ids", ids)
            .bind("reason", PARKED_REASON)
            .bind("now", now.toEpochMilli())
            .execute();
    lostRaces.count(paused, ids.size(), "enrollment_state");
    settled.addAll(ids);
  }
}
