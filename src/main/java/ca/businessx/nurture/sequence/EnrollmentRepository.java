package ca.businessx.nurture.sequence;

import ca.businessx.nurture.platform.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * SQL for enrollments. Every state change is guarded by the state it read ({@code where state =
 * ?}), asks {@link EnrollmentState#requireMove} first, and answers whether it won: a caller that
 * lost a race decides what that means.
 */
public final class EnrollmentRepository {
  static final String COLUMNS =
      "id, contact_id, state, current_step, started_at, next_due_at, finished_at, stop_reason,"
          + " step_due_at, last_sent_at, sequence_version";

  public Optional<Enrollment> find(Handle h, String id) {
    return h.createQuery("select " + COLUMNS + " from enrollments where id = :id")
        .bind("id", id)
        .map(EnrollmentRepository::map)
        .findOne();
  }

  /** The enrollments with these ids that exist, by id, in one statement. */
  public Map<String, Enrollment> findAll(Handle h, Collection<String> ids) {
    return Rows.byId(
        h,
        "select " + COLUMNS + " from enrollments",
        ids,
        EnrollmentRepository::map,
        Enrollment::id);
  }

  /** The contact's current enrollment (earlier ones a re-entry replaced are kept as history). */
  public Optional<Enrollment> ofContact(Handle h, String contactId) {
    return h.createQuery(
            "select "
                + COLUMNS
                + " from enrollments where contact_id = :c and superseded_at is null")
        .bind("c", contactId)
        .map(EnrollmentRepository::map)
        .findOne();
  }

  /** Answers false when the contact already has a current enrollment. Its first step is due now. */
  public boolean insertIfAbsent(Handle h, String id, String contactId, int version, Instant now) {
    return h.createUpdate(
                "insert into enrollments (id, contact_id, state, current_step, started_at,"
                    + " next_due_at, step_due_at, updated_at, sequence_version) values (:id, :c,"
                    + " 'ACTIVE', 1, :now, :now, :now, :now, :v) on conflict (contact_id)"
                    + " where superseded_at is null do nothing")
            .bind("id", id)
            .bind("v", version)
            .bind("c", contactId)
            .bind("now", now.toEpochMilli())
            .execute()
        == 1;
  }

  /**
   * Replaces the contact's finished enrollment {@code previous} with a new one, its first step due
   * now (re-entry). Answers false, changing nothing, when {@code previous} is no longer current or
   * no longer in the state it was read in.
   */
  public boolean reenter(Handle h, Enrollment previous, String id, int version, Instant now) {
    int replaced =
        h.createUpdate(
                "update enrollments set superseded_at = :now, updated_at = :now where id = :old"
                    + " and superseded_at is null and state = :state")
            .bind("old", previous.id())
            .bind("state", previous.state().name())
            .bind("now", now.toEpochMilli())
            .execute();
    return replaced == 1 && insertIfAbsent(h, id, previous.contactId(), version, now);
  }

  /**
   * Moves an ACTIVE enrollment still on {@code step} to {@code nextStep}, scheduled at {@code due}
   * (a person's action: send now, retry, skip); any claim is dropped so the send loop takes it
   * afresh, and the spacing after the last email is forgotten, as the person asked for this time.
   * Answers false when it changed meanwhile.
   */
  /**
   * Holds an active sequence's current step until {@code until} (a lead's pause): only when no
   * sender has claimed it, so an email being sent now is never sent again a month later. Answers
   * false, changing nothing, otherwise.
   */
  public boolean holdUntil(Handle h, String id, int step, Instant until, Instant now) {
    return h.createUpdate(
                "update enrollments set step_due_at = :until, next_due_at = :until,"
                    + " updated_at = :now where id = :id and state = 'ACTIVE' and current_step ="
                    + " :step and claimed_by is null and (next_due_at is null or next_due_at <"
                    + " :until)")
            .bind("id", id)
            .bind("step", step)
            .bind("until", until.toEpochMilli())
            .bind("now", now.toEpochMilli())
            .execute()
        == 1;
  }

  public boolean reschedule(Handle h, String id, int step, int nextStep, Instant due, Instant now) {
    return h.createUpdate(
                "update enrollments set current_step = :next, step_due_at = :due, next_due_at = :due,"
                    + " last_sent_at = null, claimed_by = null, claimed_until = null, updated_at = :now"
                    + " where id = :id and state = 'ACTIVE' and current_step = :step")
            .bind("id", id)
            .bind("step", step)
            .bind("next", nextStep)
            .bind("due", due.toEpochMilli())
            .bind("now", now.toEpochMilli())
            .execute()
        == 1;
  }

  /**
   * Brings an ACTIVE, unclaimed enrollment still on {@code step} forward to {@code due} (an "if
   * engaged" wait after a click): the step's scheduled time moves with it, so the steps after it
   * are planned from it. Never later: answers false, changing nothing, when it is due sooner
   * already, has moved on or ended, or a batch holds it (that batch decides by itself).
   */
  public boolean bringForward(Handle h, String id, int step, Instant due, Instant now) {
    return h.createUpdate(
                "update enrollments set step_due_at = :due, next_due_at = :due, updated_at = :now"
                    + " where id = :id and state = 'ACTIVE' and current_step = :step"
                    + " and claimed_by is null and next_due_at > :due")
            .bind("id", id)
            .bind("step", step)
            .bind("due", due.toEpochMilli())
            .bind("now", now.toEpochMilli())
            .execute()
        == 1;
  }

  /**
   * Moves the enrollment from the state it was read in to {@code next}. Ending or holding it drops
   * its due time and claim: the send loop never looks at it again until a person resumes it (who
   * then {@link #reschedule}s it). Answers false, changing nothing, when its state changed since it
   * was read.
   */
  public boolean moveTo(Handle h, Enrollment e, EnrollmentState next, String reason, Instant now) {
    EnrollmentState.requireMove(e.state(), next);
    boolean ends = next.hasEnded();
    boolean holds = next != EnrollmentState.ACTIVE;
    return h.createUpdate(
                "update enrollments set state = :state, stop_reason = :reason, updated_at = :now,"
                    + " next_due_at = case when :holds then null else next_due_at end,"
                    + " claimed_by = case when :holds then null else claimed_by end,"
                    + " claimed_until = case when :holds then null else claimed_until end,"
                    + " finished_at = case when :ends then :now when :resumes then null"
                    + " else finished_at end"
                    + " where id = :id and state = :from")
            .bind("id", e.id())
            .bind("from", e.state().name())
            .bind("state", next.name())
            .bind("reason", reason)
            .bind("ends", ends)
            .bind("holds", holds)
            .bind("resumes", next == EnrollmentState.ACTIVE)
            .bind("now", now.toEpochMilli())
            .execute()
        == 1;
  }

  /**
   * Lets go of an enrollment batch {@code batch} holds, due next at {@code due} (or as it was, when
   * null). Answers false when the batch no longer holds it.
   */
  public boolean release(Handle h, String id, String batch, Instant due) {
    return h.createUpdate(
                "update enrollments set claimed_by = null, claimed_until = null,"
                    + " next_due_at = coalesce(:due, next_due_at) where id = :id and claimed_by = :b")
            .bind("id", id)
            .bind("b", batch)
            .bind("due", due == null ? null : due.toEpochMilli())
            .execute()
        == 1;
  }

  static Enrollment map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Enrollment(
        rs.getString("id"),
        rs.getString("contact_id"),
        EnrollmentState.valueOf(rs.getString("state")),
        rs.getInt("current_step"),
        Rows.instant(rs, "started_at"),
        Rows.instant(rs, "next_due_at"),
        Rows.instant(rs, "finished_at"),
        rs.getString("stop_reason"),
        Rows.instant(rs, "step_due_at"),
        Rows.instant(rs, "last_sent_at"),
        rs.getInt("sequence_version"));
  }
}
