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
  static final String COLUMNS =
      "id, enrollment_id, contact_id, step, template_key, template_origin, idempotency_key, state,"
          + " subject, html, due_at, sent_at, provider, provider_message_id, attempts, last_error,"
          + " created_at, updated_at, next_attempt_at, dispatch_group, claimed_until";

  public Optional<EmailRecord> findStep(Handle h, String enrollmentId, int step) {
    return h.createQuery(
            "select " + COLUMNS + " from emails where enrollment_id = :e and step = :s")
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

  /**
   * Creates the step's email unless it exists (another node may be creating it at the same moment:
   * any unique conflict means it exists), then answers the stored one. It is due for its first
   * attempt at its due time, so another sender's batch may take it along.
   */
  public EmailRecord createStep(
      Handle h,
      String enrollmentId,
      String contactId,
      int step,
      RenderedEmail r,
      Instant due,
      Instant now) {
    insertSteps(h, List.of(new NewStep(enrollmentId, contactId, step, r, due)), now);
    return findStep(h, enrollmentId, step).orElseThrow();
  }

  /** A step's rendered email, to be stored: see {@link #insertSteps}. */
  public record NewStep(
      String enrollmentId, String contactId, int step, RenderedEmail rendered, Instant due) {}

  /**
   * Stores each step's email unless it exists, as one JDBC batch (one round trip on PostgreSQL),
   * without reading them back.
   */
  public void insertSteps(Handle h, List<NewStep> steps, Instant now) {
    if (steps.isEmpty()) {
      return;
    }
    var batch =
        h.prepareBatch(
            "insert into emails (id, enrollment_id, contact_id, step, template_key, template_origin,"
                + " idempotency_key, state, subject, html, due_at, next_attempt_at, attempts, created_at,"
                + " updated_at, language) values (:id, :e, :c, :s, :key, :origin, :idem, 'PENDING',"
                + " :subject, :html, :due, :due, 0, :now, :now, :language) on conflict do nothing");
    for (NewStep n : steps) {
      RenderedEmail r = n.rendered();
      batch
          .bind("id", Ids.newId())
          .bind("e", n.enrollmentId())
          .bind("c", n.contactId())
          .bind("s", n.step())
          .bind("key", r.templateKey())
          .bind("origin", r.origin())
          .bind("idem", EmailRecord.idempotencyKey(n.enrollmentId(), n.step()))
          .bind("subject", r.subject())
          .bind("html", r.html())
          .bind("language", r.language().code())
          .bind("due", n.due().toEpochMilli())
          .bind("now", now.toEpochMilli())
          .add();
    }
    batch.execute();
  }

  /** An email accepted by the provider: see {@link #markSentAll}. */
  public record Sent(String id, String messageId) {}

  /**
   * Records each email sent by {@code node} through {@code provider}, as one JDBC batch in the
   * list's order; answers, for each, whether it was still PENDING and is now recorded sent (false:
   * another sender recorded it first).
   */
  public boolean[] markSentAll(
      Handle h, List<Sent> sent, String provider, String node, Instant now) {
    boolean[] marked = new boolean[sent.size()];
    if (sent.isEmpty()) {
      return marked;
    }
    var batch =
        h.prepareBatch(
            "update emails set state = 'SENT', sent_at = :now, provider = :p, sent_by = :node,"
                + " provider_message_id = :m, attempts = attempts + 1, last_error = null,"
                + " next_attempt_at = null, claimed_until = null, updated_at = :now"
                + " where id = :id and state = 'PENDING'");
    for (Sent s : sent) {
      batch
          .bind("id", s.id())
          .bind("p", provider)
          .bind("m", s.messageId())
          .bind("node", node)
          .bind("now", now.toEpochMilli())
          .add();
    }
    int[] counts = batch.execute();
    for (int i = 0; i < marked.length; i++) {
      marked[i] = counts[i] != 0;
    }
    return marked;
  }

  /**
   * Records a failed attempt: PENDING with the time of the next attempt (the group is kept so the
   * retry resends the same batch), or PARKED for a person. Answers false, changing nothing, when
   * the email is no longer pending: a sender that took the group over after a lease ran out may
   * have recorded it sent already, and a late failure must not undo that.
   */
  public boolean recordFailure(
      Handle h, String id, EmailState state, String reason, Instant nextAttempt, Instant now) {
    return h.createUpdate(
                "update emails set state = :state, attempts = attempts + 1, last_error = :reason,"
                    + " next_attempt_at = :next, claimed_until = null, updated_at = :now"
                    + " where id = :id and state = 'PENDING'")
            .bind("id", id)
            .bind("state", state.name())
            .bind("reason", truncate(reason))
            .bind("next", Rows.millis(nextAttempt))
            .bind("now", now.toEpochMilli())
            .execute()
        == 1;
  }

  public void cancel(Handle h, String id, Instant now) {
    h.createUpdate(
            "update emails set state = 'CANCELLED', claimed_until = null, next_attempt_at = null,"
                + " updated_at = :now where id = :id and state in ('PENDING', 'PARKED')")
        .bind("id", id)
        .bind("now", now.toEpochMilli())
        .execute();
  }

  /** A parked email goes back to PENDING with a fresh retry budget; answers false if not parked. */
  public boolean reopenParked(Handle h, String id, Instant now) {
    return h.createUpdate(
                "update emails set state = 'PENDING', attempts = 0, last_error = null,"
                    + " next_attempt_at = :now, dispatch_group = null, claimed_until = null,"
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
            "select "
                + COLUMNS
                + " from emails"
                + where
                + " order by created_at desc, step desc limit :limit");
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
        Rows.instant(rs, "updated_at"),
        Rows.instant(rs, "next_attempt_at"),
        rs.getString("dispatch_group"),
        Rows.instant(rs, "claimed_until"));
  }
}
