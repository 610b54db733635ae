package ca.businessx.nurture.email;

import ca.businessx.nurture.platform.Ids;
import ca.businessx.nurture.platform.Rows;
import ca.businessx.nurture.template.RenderedEmail;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** SQL for the emails of sequences. Every method runs on the caller's handle. */
public final class EmailRepository {
  private static final String COLUMNS =
      "id, enrollment_id, contact_id, step, template_key, template_origin, idempotency_key, state,"
          + " subject, html, due_at, sent_at, provider, provider_message_id, attempts, last_error,"
          + " created_at, updated_at";

  public Optional<EmailRecord> findStep(Handle h, String enrollmentId, int step) {
    return h.createQuery("select " + COLUMNS + " from emails where enrollment_id = :e and step = :s")
        .bind("e", enrollmentId)
        .bind("s", step)
        .map(EmailRepository::map)
        .findOne();
  }

  public Optional<EmailRecord> find(Handle h, String id) {
    return h.createQuery("select " + COLUMNS + " from emails where id = :id")
        .bind("id", id)
        .map(EmailRepository::map)
        .findOne();
  }

  /** Creates the step's email unless it exists, then answers the stored one. */
  public EmailRecord createStep(
      Handle h, String enrollmentId, String contactId, int step, RenderedEmail r, Instant due, Instant now) {
    h.createUpdate(
            "insert into emails (id, enrollment_id, contact_id, step, template_key, template_origin,"
                + " idempotency_key, state, subject, html, due_at, attempts, created_at, updated_at)"
                + " values (:id, :e, :c, :s, :key, :origin, :idem, 'PENDING', :subject, :html, :due,"
                + " 0, :now, :now) on conflict (enrollment_id, step) do nothing")
        .bind("id", Ids.newId())
        .bind("e", enrollmentId)
        .bind("c", contactId)
        .bind("s", step)
        .bind("key", r.templateKey())
        .bind("origin", r.origin())
        .bind("idem", EmailRecord.idempotencyKey(enrollmentId, step))
        .bind("subject", r.subject())
        .bind("html", r.html())
        .bind("due", due.toEpochMilli())
        .bind("now", now.toEpochMilli())
        .execute();
    return findStep(h, enrollmentId, step).orElseThrow();
  }

  public void markSent(Handle h, String id, String provider, String messageId, Instant now) {
    h.createUpdate(
            "update emails set state = 'SENT', sent_at = :now, provider = :p,"
                + " provider_message_id = :m, attempts = attempts + 1, last_error = null,"
                + " updated_at = :now where id = :id and state = 'PENDING'")
        .bind("id", id)
        .bind("p", provider)
        .bind("m", messageId)
        .bind("now", now.toEpochMilli())
        .execute();
  }

  public void recordFailure(Handle h, String id, EmailState state, String reason, Instant now) {
    h.createUpdate(
            "update emails set state = :state, attempts = attempts + 1, last_error = :reason,"
                + " updated_at = :now where id = :id")
        .bind("id", id)
        .bind("state", state.name())
        .bind("reason", truncate(reason))
        .bind("now", now.toEpochMilli())
        .execute();
  }

  /** A parked email goes back to PENDING with a fresh retry budget; answers false if not parked. */
  public boolean reopenParked(Handle h, String id, Instant now) {
    return h.createUpdate(
                "update emails set state = 'PENDING', attempts = 0, last_error = null,"
                    + " updated_at = :now where id = :id and state = 'PARKED'")
            .bind("id", id)
            .bind("now", now.toEpochMilli())
            .execute()
        == 1;
  }

  /** A parked email is given up on by a person; answers false if it was not parked. */
  public boolean skipParked(Handle h, String id, Instant now) {
    return h.createUpdate(
                "update emails set state = 'SKIPPED', updated_at = :now where id = :id and state = 'PARKED'")
            .bind("id", id)
            .bind("now", now.toEpochMilli())
            .execute()
        == 1;
  }

  /** Cancels an enrollment's emails that have not gone out; answers how many. */
  public int cancelOpen(Handle h, String enrollmentId, Instant now) {
    return h.createUpdate(
            "update emails set state = 'CANCELLED', updated_at = :now"
                + " where enrollment_id = :e and state in ('PENDING', 'PARKED')")
        .bind("e", enrollmentId)
        .bind("now", now.toEpochMilli())
        .execute();
  }

  public List<EmailRecord> ofContact(Handle h, String contactId) {
    return h.createQuery("select " + COLUMNS + " from emails where contact_id = :c order by step")
        .bind("c", contactId)
        .map(EmailRepository::map)
        .list();
  }

  public List<EmailRecord> recent(Handle h, Optional<String> contactId, int limit) {
    String where = contactId.isPresent() ? " where contact_id = :c" : "";
    var q =
        h.createQuery(
            "select " + COLUMNS + " from emails" + where + " order by created_at desc, step desc limit :limit");
    contactId.ifPresent(c -> q.bind("c", c));
    return q.bind("limit", limit).map(EmailRepository::map).list();
  }

  private static String truncate(String reason) {
    return reason == null || reason.length() <= 500 ? reason : reason.substring(0, 497) + "...";
  }

  static EmailRecord map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new EmailRecord(
        rs.getString("id"),
        rs.getString("enrollment_id"),
        rs.getString("contact_id"),
        rs.getInt("step"),
        rs.getString("template_key"),
        rs.getString("template_origin"),
        rs.getString("idempotency_key"),
        EmailState.valueOf(rs.getString("state")),
        rs.getString("subject"),
        rs.getString("html"),
        Rows.instant(rs, "due_at"),
        Rows.instant(rs, "sent_at"),
        rs.getString("provider"),
        rs.getString("provider_message_id"),
        rs.getInt("attempts"),
        rs.getString("last_error"),
        Rows.instant(rs, "created_at"),
        Rows.instant(rs, "updated_at"));
  }
}
