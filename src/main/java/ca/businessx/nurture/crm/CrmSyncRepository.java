package ca.businessx.nurture.crm;

import ca.businessx.nurture.contact.ContactRepository;
import ca.businessx.nurture.platform.Rows;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for the CRM sync state kept on each contact. */
final class CrmSyncRepository {

  Optional<CrmSnapshot> snapshot(Handle h, String contactId) {
    return h.createQuery(
            "select c.*, case when c.unsubscribed_at is not null then 'STOPPED' else e.state end"
                + " as enrollment_state, (select m.template_key from emails m"
                + " where m.contact_id = c.id and m.state = 'SENT' order by m.sent_at desc, m.step desc limit 1)"
                + " as last_email, (select max(b.booked_at) from bookings b where b.contact_id ="
                + " c.id and b.state = 'BOOKED') as booked_at"
                + " from contacts c left join enrollments e on e.contact_id = c.id and e.superseded_at is null"
                + " where c.id = :id and c.forgotten_at is null")
        .bind("id", contactId)
        .map(
            (rs, ctx) ->
                new CrmSnapshot(
                    ContactRepository.map(rs, ctx),
                    status(rs.getString("enrollment_state")),
                    rs.getString("last_email"),
                    rs.getString("crm_page_id"),
                    rs.getInt("crm_version"),
                    rs.getInt("crm_synced_version"),
                    rs.getString("crm_status_synced"),
                    rs.getInt("crm_attempts"),
                    Rows.instant(rs, "booked_at")))
        .findOne();
  }

  /** The CRM's words for the enrollment states. */
  static String status(String enrollmentState) {
    if (enrollmentState == null) {
      return "Not Started";
    }
    return switch (enrollmentState) {
      case "COMPLETED" -> "Completed";
      case "STOPPED" -> "Stopped";
      case "BOOKED" -> "Booked";
      case "REPLIED" -> "Replied";
      case "PAUSED" -> "Needs follow-up";
      default -> "Active";
    };
  }

  void markSynced(
      Handle h,
      String contactId,
      int version,
      String status,
      String pageId,
      String url,
      Instant now) {
    h.createUpdate(
            "update contacts set crm_synced_version = case when crm_synced_version > :v then"
                + " crm_synced_version else :v end, crm_status_synced = coalesce(:status,"
                + " crm_status_synced), crm_page_id = :page, crm_url = coalesce(:url, crm_url),"
                + " crm_attempts = 0, crm_error = null, crm_synced_at = :now where id = :id")
        .bind("id", contactId)
        .bind("v", version)
        .bind("status", status)
        .bind("page", pageId)
        .bind("url", url)
        .bind("now", now.toEpochMilli())
        .execute();
  }

  void markFailed(Handle h, String contactId, int attempts, String error) {
    h.createUpdate("update contacts set crm_attempts = :a, crm_error = :e where id = :id")
        .bind("id", contactId)
        .bind("a", attempts)
        .bind("e", error.length() > 500 ? error.substring(0, 500) : error)
        .execute();
  }

  int version(Handle h, String contactId) {
    return h.createQuery("select crm_version from contacts where id = :id")
        .bind("id", contactId)
        .mapTo(Integer.class)
        .one();
  }

  List<String> outOfSync(Handle h) {
    return h.createQuery("select id from contacts where crm_version > crm_synced_version")
        .mapTo(String.class)
        .list();
  }

  Optional<String> state(Handle h, String name) {
    return h.createQuery("select value from service_state where name = :n")
        .bind("n", name)
        .mapTo(String.class)
        .findOne();
  }

  void saveState(Handle h, String name, String value) {
    h.createUpdate(
            "insert into service_state (name, value) values (:n, :v)"
                + " on conflict (name) do update set value = excluded.value")
        .bind("n", name)
        .bind("v", value)
        .execute();
  }
}
