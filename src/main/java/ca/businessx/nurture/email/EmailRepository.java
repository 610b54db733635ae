package ca.businessx.nurture.email;

import ca.businessx.nurture.platform.Rows;
import ca.businessx.nurture.template.RenderedEmail;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

  /** The emails under these idempotency keys, by key, in one statement. */
  public Map<String, EmailRecord> byKeys(Handle h, Collection<String> keys) {
    Map<String, EmailRecord> found = new HashMap<>();
    if (keys.isEmpty()) {
      return found;
    }
    h.createQuery("select " + COLUMNS + " from emails where idempotency_key in (<keys>)")
        .bindList("keys", Rows.distinct(keys))
        .map(EmailRepository::map)
        .forEach(e -> found.put(e.idempotencyKey(), e));
    return found;
  }

  /**
   * Which of these idempotency keys name an email the lead clicked (any link: our redirect or the
   * provider's report both set {@code clicked_at}), in one statement.
   */
  public Set<String> clickedKeys(Handle h, Collection<String> keys) {
    Set<String> clicked = new HashSet<>();
    if (keys.isEmpty()) {
      return clicked;
    }
    h.createQuery(
            "select idempotency_key from emails where idempotency_key in (<keys>)"
                + " and clicked_at is not null")
        .bindList("keys", Rows.distinct(keys))
        .mapTo(String.class)
        .forEach(clicked::add);
    return clicked;
  }

  /** The PENDING emails of batch {@code batch}, in id order. */
  public List<EmailRecord> pendingInBatch(Handle h, String batch) {
    return h.createQuery(
            "select "
                + COLUMNS
                + " from emails where dispatch_group = :g and state = 'PENDING' order by id")
        .bind("g", batch)
        .map(EmailRepository::map)
        .list();
  }

  /** Whether any email was ever stored for batch {@code batch}: its members are then fixed. */
  public boolean batchDrafted(Handle h, String batch) {
    return h.createQuery("select count(*) from emails where dispatch_group = :g")
            .bind("g", batch)
            .mapTo(Long.class)
            .one()
        > 0;
  }

  /** Moves stored PENDING emails into batch {@code batch}, so a takeover finds them there. */
  public void joinBatch(Handle h, Collection<String> ids, String batch) {
    if (ids.isEmpty()) {
      return;
    }
    h.createUpdate(
            "update emails set dispatch_group = :g where id in (<ids>) and state = 'PENDING'")
        .bindList("ids", Rows.distinct(ids))
        .bind("g", batch)
        .execute();
  }

  /** A step's rendered email, to be stored: see {@link #insertDrafts}. */
  public record NewStep(
      String id,
      String enrollmentId,
      String contactId,
      int step,
      RenderedEmail rendered,
      String templateHash,
      Instant due,
      String subjectVariant) {}

  /**
   * Stores the batch's new emails as PENDING members of {@code batch}, committed before the
   * provider is called (one multi-row insert on PostgreSQL). An email already stored under its key
   * is left as it is: the key is the email's identity.
   */
  public void insertDrafts(Handle h, List<NewStep> steps, String batch, Instant now) {
    if (steps.isEmpty()) {
      return;
    }
    var insert =
        h.prepareBatch(
            "insert into emails (id, enrollment_id, contact_id, step, template_key, template_origin,"
                + " template_hash, idempotency_key, state, subject, html, due_at, next_attempt_at,"
                + " attempts, dispatch_group, created_at, updated_at, language, subject_variant)"
                + " values (:id, :e, :c, :s, :key, :origin, :hash, :idem, 'PENDING', :subject,"
                + " :html, :due, :due, 0, :g, :now, :now, :language, :variant) on conflict do nothing");
    for (NewStep n : steps) {
      RenderedEmail r = n.rendered();
      insert
          .bind("id", n.id())
          .bind("e", n.enrollmentId())
          .bind("c", n.contactId())
          .bind("s", n.step())
          .bind("key", r.templateKey())
          .bind("origin", r.origin())
          .bind("hash", n.templateHash())
          .bind("idem", EmailRecord.idempotencyKey(n.enrollmentId(), n.step()))
          .bind("subject", r.subject())
          .bind("html", r.html())
          .bind("language", r.language().code())
          .bind("variant", n.subjectVariant())
          .bind("due", n.due().toEpochMilli())
          .bind("g", batch)
          .bind("now", now.toEpochMilli())
          .add();
    }
    insert.execute();
  }

  /**
   * Which of these emails are still PENDING, locked on PostgreSQL until the caller's transaction
   * ends, so the changes that follow are decided on rows nobody else can change meanwhile.
   */
  public Set<String> lockPending(Handle h, Collection<String> ids, boolean lockRows) {
    if (ids.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(
        h.createQuery(
                "select id from emails where id in (<ids>) and state = 'PENDING' order by id"
                    + (lockRows ? " for update" : ""))
            .bindList("ids", Rows.distinct(ids))
            .mapTo(String.class)
            .list());
  }

  /** An email accepted by the provider: see {@link #markSentAll}. */
  public record Sent(String id, String messageId) {}

  /**
   * Records emails, all PENDING and locked by {@link #lockPending}, as sent by {@code node} through
   * {@code provider}, in one statement.
   */
  public void markSentAll(Handle h, List<Sent> sent, String provider, String node, Instant now) {
    if (sent.isEmpty()) {
      return;
    }
    EmailState.requireMove(EmailState.PENDING, EmailState.SENT);
    StringBuilder messageIds = new StringBuilder("case id");
    for (int i = 0; i < sent.size(); i++) {
      messageIds.append(" when :i").append(i).append(" then :m").append(i);
    }
    messageIds.append(" end");
    var update =
        h.createUpdate(
                "update emails set state = 'SENT', sent_at = :now, provider = :p, sent_by = :node,"
                    + " provider_message_id = "
                    + messageIds
                    + ", attempts = attempts + 1, last_error = null, next_attempt_at = null,"
                    + " claimed_until = null, updated_at = :now"
                    + " where id in (<ids>) and state = 'PENDING'")
            .bindList("ids", sent.stream().map(Sent::id).toList())
            .bind("p", provider)
            .bind("node", node)
            .bind("now", now.toEpochMilli());
    for (int i = 0; i < sent.size(); i++) {
      update.bind("i" + i, sent.get(i).id()).bind("m" + i, sent.get(i).messageId());
    }
    requireAll(update.execute(), sent.size(), "sent");
  }

  /**
   * Records a failed attempt of emails, all PENDING and locked by {@link #lockPending}: PENDING
   * again with the time of the next attempt (their batch is kept, so the retry resends the same
   * batch), or PARKED for a person.
   */
  public void recordFailures(
      Handle h,
      Collection<String> ids,
      EmailState state,
      String reason,
      Instant nextAttempt,
      Instant now) {
    if (ids.isEmpty()) {
      return;
    }
    if (state != EmailState.PENDING) {
      EmailState.requireMove(EmailState.PENDING, state);
    }
    int changed =
        h.createUpdate(
                "update emails set state = :state, attempts = attempts + 1, last_error = :reason,"
                    + " next_attempt_at = :next, claimed_until = null, updated_at = :now"
                    + " where id in (<ids>) and state = 'PENDING'")
            .bindList("ids", Rows.distinct(ids))
            .bind("state", state.name())
            .bind("reason", truncate(reason))
            .bind("next", Rows.millis(nextAttempt))
            .bind("now", now.toEpochMilli())
            .execute();
    requireAll(changed, ids.size(), "failed");
  }

  /**
   * A parked email goes back to PENDING with a fresh retry budget, out of its old batch; answers
   * false if it was not parked.
   */
  public boolean reopenParked(Handle h, String id, Instant now) {
    EmailState.requireMove(EmailState.PARKED, EmailState.PENDING);
    return h.createUpdate(
                "update emails set state = 'PENDING', attempts = 0, last_error = null,"
                    + " next_attempt_at = :now, dispatch_group = null, claimed_until = null,"
                    + " updated_at = :now where id = :id and state = 'PARKED'")
            .bind("id", id)
            .bind("now", now.toEpochMilli())
            .execute()
        == 1;
  }

  /**
   * A sequence a person resumes gets back its current email if a booking cancelled it unsent: it
   * goes out as stored, under its own key. Answers how many came back (0 or 1).
   */
  public int reopenCancelled(Handle h, String enrollmentId, int step, Instant now) {
    EmailState.requireMove(EmailState.CANCELLED, EmailState.PENDING);
    return h.createUpdate(
            "update emails set state = 'PENDING', attempts = 0, last_error = null,"
                + " next_attempt_at = :now, dispatch_group = null, claimed_until = null,"
                + " updated_at = :now where enrollment_id = :e and step = :s"
                + " and state = 'CANCELLED' and sent_at is null")
        .bind("e", enrollmentId)
        .bind("s", step)
        .bind("now", now.toEpochMilli())
        .execute();
  }

  /** A parked email is given up on by a person; answers false if it was not parked. */
  public boolean skipParked(Handle h, String id, Instant now) {
    EmailState.requireMove(EmailState.PARKED, EmailState.SKIPPED);
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
            "update emails set state = 'CANCELLED', claimed_until = null, next_attempt_at = null,"
                + " updated_at = :now where enrollment_id = :e and state in ('PENDING', 'PARKED')")
        .bind("e", enrollmentId)
        .bind("now", now.toEpochMilli())
        .execute();
  }

  private static void requireAll(int changed, int expected, String what) {
    if (changed != expected) {
      // Every row was read PENDING under a lock (or SQLite's single writer) in this transaction.
      throw new IllegalStateException(
          "recorded "
              + changed
              + " of "
              + expected
              + " locked emails "
              + what
              + ": indicates a bug");
    }
  }

  public List<EmailRecord> ofContact(Handle h, String contactId) {
    return h.createQuery(
            "select " + COLUMNS + " from emails where contact_id = :c order by created_at, step")
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
