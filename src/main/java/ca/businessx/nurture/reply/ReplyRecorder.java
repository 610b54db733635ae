package ca.businessx.nurture.reply;

import ca.businessx.nurture.contact.Contact;
import ca.businessx.nurture.contact.ContactRepository;
import ca.businessx.nurture.contact.CrmSyncQueue;
import ca.businessx.nurture.contact.Timeline;
import ca.businessx.nurture.engagement.EngagementScore;
import ca.businessx.nurture.engagement.EngagementTracker;
import ca.businessx.nurture.platform.Ids;
import ca.businessx.nurture.sequence.Enrollment;
import ca.businessx.nurture.sequence.EnrollmentRepository;
import ca.businessx.nurture.sequence.EnrollmentState;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Records a lead's reply inside the caller's transaction: the reply itself (once per message id),
 * the pause of the lead's sequence (nothing more is sent until a person resumes or stops it), the
 * timeline, the CRM sync and the team's notice.
 */
public final class ReplyRecorder {
  /** What became of a reply, as the webhook answers it. */
  public enum Outcome {
    PAUSED,
    RECORDED,
    DUPLICATE,
    UNKNOWN_EMAIL
  }

  /** A reply as received; {@code externalId} identifies the message at its source. */
  public record Reply(String source, String externalId, String from, String subject, String body) {}

  private final SchedulerClient integrations;
  private final CrmSyncQueue crmSync;
  private final Optional<EngagementTracker> engagement;
  private final ContactRepository contacts = new ContactRepository();
  private final EnrollmentRepository enrollments = new EnrollmentRepository();
  private final Timeline timeline = new Timeline();

  /**
   * @param integrations a client of the integration table on the transaction-aware data source
   */
  public ReplyRecorder(SchedulerClient integrations, CrmSyncQueue crmSync) {
    this(integrations, crmSync, Optional.empty());
  }

  /**
   * @param engagement told of each reply from a lead, which raises its engagement score
   */
  public ReplyRecorder(
      SchedulerClient integrations, CrmSyncQueue crmSync, Optional<EngagementTracker> engagement) {
    this.integrations = integrations;
    this.crmSync = crmSync;
    this.engagement = engagement;
  }

  public Outcome record(Handle h, Reply r, Instant now) {
    Optional<Contact> lead = contacts.findByEmail(h, r.from());
    String id = Ids.newId();
    int inserted =
        h.createUpdate(
                "insert into replies (id, contact_id, source, external_id, subject, body,"
                    + " received_at) values (:id, :contact, :source, :external, :subject, :body,"
                    + " :now) on conflict (external_id) do nothing")
            .bind("id", id)
            .bind("contact", lead.map(Contact::id).orElse(null))
            .bind("source", r.source())
            .bind("external", r.source() + ":" + r.externalId())
            // Someone unknown here keeps no text: only that a reply came.
            .bind("subject", lead.isPresent() ? clip(r.subject(), 500) : null)
            .bind("body", lead.isPresent() ? clip(r.body(), 4000) : null)
            .bind("now", now.toEpochMilli())
            .execute();
    if (inserted == 0) {
      return Outcome.DUPLICATE;
    }
    if (lead.isEmpty()) {
      return Outcome.UNKNOWN_EMAIL;
    }
    String contactId = lead.get().id();
    timeline.record(h, contactId, now, "replied", r.source());
    Optional<Enrollment> enrollment = enrollments.ofContact(h, contactId);
    // A lost race (the sequence ended or paused meanwhile) leaves the winner's state.
    boolean paused =
        enrollment.isPresent()
            && enrollment.get().state().canMoveTo(EnrollmentState.REPLIED)
            && enrollments.moveTo(h, enrollment.get(), EnrollmentState.REPLIED, "replied", now);
    crmSync.contactChanged(h, contactId, now);
    engagement.ifPresent(g -> g.engaged(h, contactId, EngagementScore.Kind.REPLY, now));
    integrations.scheduleIfNotExists(new TaskInstance<>(ReplyNotices.TASK, id, id), now);
    return paused ? Outcome.PAUSED : Outcome.RECORDED;
  }

  private static String clip(String text, int max) {
    if (text == null) {
      return null;
    }
    String t = text.strip();
    return t.length() <= max ? t : t.substring(0, max);
  }
}
