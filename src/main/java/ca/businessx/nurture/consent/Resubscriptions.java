package ca.businessx.nurture.consent;

import ca.businessx.nurture.contact.ConsentEvidence;
import ca.businessx.nurture.contact.ConsentRecords;
import ca.businessx.nurture.contact.Contact;
import ca.businessx.nurture.contact.ContactRepository;
import ca.businessx.nurture.contact.Timeline;
import ca.businessx.nurture.platform.Ids;
import ca.businessx.nurture.suppression.SuppressionList;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Double opt-in after an unsubscribe: a signup can only ask; the unsubscribe is lifted when the
 * address itself clicks the confirmation email's link. No webhook can lift it. One confirmation
 * email per contact a day at most, so forged signups cannot flood a person who opted out.
 */
public final class Resubscriptions {
  public static final String TASK = "resubscribe-confirmation";
  static final Duration ONE_EMAIL_PER = Duration.ofHours(24);
  static final Duration LINK_VALID = Duration.ofDays(7);

  public enum Outcome {
    RESUBSCRIBED,
    ALREADY_CONFIRMED,
    EXPIRED,
    NOT_ALLOWED,
    NOT_FOUND
  }

  private final SchedulerClient integrations;
  private final ContactRepository contacts = new ContactRepository();
  private final ConsentRecords consent = new ConsentRecords();
  private final SuppressionList suppressions = new SuppressionList();
  private final Timeline timeline = new Timeline();

  /**
   * @param integrations a client of the integration tasks on the transaction-aware data source
   */
  public Resubscriptions(SchedulerClient integrations) {
    this.integrations = integrations;
  }

  /**
   * An unsubscribed contact's signup asked to be mailed again: keeps the evidence and, unless a
   * confirmation went out within a day, schedules one, in the caller's transaction.
   */
  public void request(Handle h, String contactId, ConsentEvidence evidence, Instant now) {
    consent.append(h, contactId, ConsentRecords.Kind.RESUBSCRIBE_REQUESTED, evidence, now);
    boolean recent =
        h.createQuery(
                    "select count(*) from resubscribe_requests where contact_id = :c"
                        + " and requested_at > :since")
                .bind("c", contactId)
                .bind("since", now.minus(ONE_EMAIL_PER).toEpochMilli())
                .mapTo(Integer.class)
                .one()
            > 0;
    if (recent) {
      timeline.record(
          h, contactId, now, "resubscribe_requested", "confirmation already sent today");
      return;
    }
    String id = Ids.newId();
    h.createUpdate(
            "insert into resubscribe_requests (id, contact_id, state, requested_at)"
                + " values (:id, :c, 'PENDING', :now)")
        .bind("id", id)
        .bind("c", contactId)
        .bind("now", now.toEpochMilli())
        .execute();
    integrations.scheduleIfNotExists(new TaskInstance<>(TASK, id, contactId), now);
    timeline.record(h, contactId, now, "resubscribe_requested", "confirmation email queued");
  }

  /**
   * Whether the request is still waiting for its click (the confirmation email is worth sending).
   */
  public boolean pending(Handle h, String requestId, Instant now) {
    return h.createQuery(
                "select count(*) from resubscribe_requests where id = :id and state = 'PENDING'"
                    + " and requested_at > :since")
            .bind("id", requestId)
            .bind("since", now.minus(LINK_VALID).toEpochMilli())
            .mapTo(Integer.class)
            .one()
        > 0;
  }

  /** The address clicked its confirmation link: lifts the unsubscribe and keeps the evidence. */
  public Outcome confirm(
      Handle h, String contactId, String requestId, String clientIp, Instant now) {
    Optional<Long> requestedAt =
        h.createQuery(
                "select requested_at from resubscribe_requests where id = :id and contact_id = :c")
            .bind("id", requestId)
            .bind("c", contactId)
            .mapTo(Long.class)
            .findOne();
    if (requestedAt.isEmpty()) {
      return Outcome.NOT_FOUND;
    }
    String state =
        h.createQuery("select state from resubscribe_requests where id = :id")
            .bind("id", requestId)
            .mapTo(String.class)
            .one();
    if ("CONFIRMED".equals(state)) {
      return Outcome.ALREADY_CONFIRMED;
    }
    if (!Instant.ofEpochMilli(requestedAt.get()).plus(LINK_VALID).isAfter(now)) {
      return Outcome.EXPIRED;
    }
    Optional<Contact> contact = contacts.find(h, contactId);
    if (contact.isEmpty() || !suppressions.liftUnsubscribe(h, contact.get().email())) {
      // Bounced, complained or forgotten addresses stay suppressed; so does one never unsubscribed.
      return Outcome.NOT_ALLOWED;
    }
    h.createUpdate(
            "update resubscribe_requests set state = 'CONFIRMED', confirmed_at = :now where id = :id")
        .bind("id", requestId)
        .bind("now", now.toEpochMilli())
        .execute();
    consent.append(
        h,
        contactId,
        ConsentRecords.Kind.RESUBSCRIBE_CONFIRMED,
        new ConsentEvidence("resubscribe_link", clientIp, null, null, true),
        now);
    timeline.record(h, contactId, now, "resubscribed", "confirmed by the address's own click");
    return Outcome.RESUBSCRIBED;
  }
}
