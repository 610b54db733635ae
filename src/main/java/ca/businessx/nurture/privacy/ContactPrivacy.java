package ca.businessx.nurture.privacy;

import ca.businessx.nurture.contact.Contact;
import ca.businessx.nurture.contact.ContactAttributes;
import ca.businessx.nurture.contact.ContactRepository;
import ca.businessx.nurture.contact.Timeline;
import ca.businessx.nurture.crm.CrmTasks;
import ca.businessx.nurture.platform.Database;
import ca.businessx.nurture.sequence.SequenceStopper;
import ca.businessx.nurture.suppression.SuppressionList;
import ca.businessx.nurture.suppression.SuppressionReason;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * A person's data rights: everything held about them, and erasure. Erasure keeps a hashed
 * suppression entry so the address is never mailed again, keeps the row without personal data so
 * counts and ids stay valid, and archives the CRM record through a durable job.
 */
public final class ContactPrivacy {
  public record Erasure(String contactId, boolean crmArchiveQueued) {}

  private final Database db;
  private final Optional<SchedulerClient> crmJobs;
  private final Clock clock;
  private final ContactRepository contacts = new ContactRepository();
  private final SuppressionList suppressions = new SuppressionList();
  private final SequenceStopper stopper = new SequenceStopper();
  private final Timeline timeline = new Timeline();

  /**
   * @param crmJobs a client of the integration tasks when a CRM is configured
   */
  public ContactPrivacy(Database db, Optional<SchedulerClient> crmJobs, Clock clock) {
    this.db = db;
    this.crmJobs = crmJobs;
    this.clock = clock;
  }

  /** Everything held about the contact with this email, or empty when there is none. */
  public Optional<Map<String, Object>> export(String email) {
    return db.withHandle(
        h ->
            contacts
                .findByEmail(h, normalise(email))
                .map(
                    c -> {
                      Map<String, Object> all = new LinkedHashMap<>();
                      all.put(
                          "contact",
                          row(h, "select * from contacts where id = :id", c.id()).get(0));
                      all.put(
                          "assessments",
                          row(
                              h,
                              "select * from assessments where contact_id = :id order by received_at",
                              c.id()));
                      all.put(
                          "enrollments",
                          row(h, "select * from enrollments where contact_id = :id", c.id()));
                      all.put(
                          "emails",
                          row(
                              h,
                              "select * from emails where contact_id = :id order by created_at, step",
                              c.id()));
                      all.put(
                          "consent_records",
                          row(
                              h,
                              "select kind, source, client_ip, consent_text, form_id, explicit_opt_in, at from consent_records where contact_id = :id order by at",
                              c.id()));
                      all.put(
                          "profile_proposals",
                          row(
                              h,
                              "select * from profile_proposals where contact_id = :id order by proposed_at",
                              c.id()));
                      all.put("attributes", new ContactAttributes().of(h, c.id()));
                      all.put(
                          "link_clicks",
                          row(
                              h,
                              "select email_id, link_name, source, clicked_at from link_clicks where contact_id = :id order by clicked_at",
                              c.id()));
                      all.put(
                          "hot_lead_notices",
                          row(
                              h,
                              "select reason, score, noticed_at from hot_lead_notices where contact_id = :id order by noticed_at",
                              c.id()));
                      all.put(
                          "timeline",
                          row(
                              h,
                              "select at, kind, detail from events where contact_id = :id order by at, seq",
                              c.id()));
                      all.put(
                          "outbox",
                          isoTimes(
                              h.createQuery(
                                      "select * from outbox where recipient = :r order by recorded_at")
                                  .bind("r", c.email())
                                  .mapToMap()
                                  .list()));
                      all.put(
                          "suppressed",
                          suppressions.reason(h, c.email()).map(Enum::name).orElse(null));
                      return all;
                    }));
  }

  /** Erases the contact's personal data; empty when no contact has this email. */
  public Optional<Erasure> forget(String email) {
    Instant now = clock.instant();
    return db.inTransaction(
        h -> contacts.findByEmail(h, normalise(email)).map(c -> erase(h, c, now)));
  }

  private Erasure erase(Handle h, Contact c, Instant now) {
    if (!suppressions.isSuppressed(h, c.email())) {
      suppressions.suppress(h, c.email(), SuppressionReason.FORGOTTEN, now);
    }
    stopper.stop(h, c.id(), "erased on request", now);
    String pageId =
        h.createQuery("select crm_page_id from contacts where id = :id")
            .bind("id", c.id())
            .mapTo(String.class)
            .findOne()
            .orElse(null);
    h.createUpdate("delete from outbox where recipient = :r").bind("r", c.email()).execute();
    h.createUpdate("update replies set subject = null, body = null where contact_id = :id")
        .bind("id", c.id())
        .execute();
    // The consent evidence stays (CASL), without the client address.
    h.createUpdate("update consent_records set client_ip = null where contact_id = :id")
        .bind("id", c.id())
        .execute();
    h.createUpdate("delete from profile_proposals where contact_id = :id")
        .bind("id", c.id())
        .execute();
    new ContactAttributes().delete(h, c.id());
    h.createUpdate(
            "update emails set subject = '[erased]', html = '[erased]' where contact_id = :id")
        .bind("id", c.id())
        .execute();
    h.createUpdate(
            "update contacts set email = :placeholder, name = null, first_name = null,"
                + " business_name = null, consent_ip = null, consent_text = null, crm_page_id = null,"
                + " crm_url = null, forgotten_at = :now, updated_at = :now where id = :id")
        .bind("id", c.id())
        .bind("placeholder", "erased-" + c.id() + "@invalid")
        .bind("now", now.toEpochMilli())
        .execute();
    timeline.record(h, c.id(), now, "erased", null);
    boolean queued = pageId != null && crmJobs.isPresent();
    if (queued) {
      crmJobs.get().scheduleIfNotExists(new TaskInstance<Void>(CrmTasks.ARCHIVE_TASK, pageId), now);
    }
    return new Erasure(c.id(), queued);
  }

  private static List<Map<String, Object>> row(Handle h, String sql, String id) {
    return isoTimes(h.createQuery(sql).bind("id", id).mapToMap().list());
  }

  /**
   * Times are stored as epoch milliseconds ({@code *_at}, {@code at}); a person reading their
   * export gets ISO-8601, as everywhere else the service shows a time.
   */
  private static List<Map<String, Object>> isoTimes(List<Map<String, Object>> rows) {
    List<Map<String, Object>> shown = new java.util.ArrayList<>();
    for (Map<String, Object> row : rows) {
      Map<String, Object> r = new LinkedHashMap<>(row);
      r.replaceAll(
          (k, v) ->
              (k.equals("at") || k.endsWith("_at")) && v instanceof Number n
                  ? Instant.ofEpochMilli(n.longValue()).toString()
                  : v);
      shown.add(r);
    }
    return shown;
  }

  private static String normalise(String email) {
    return email.trim().toLowerCase(java.util.Locale.ROOT);
  }
}
