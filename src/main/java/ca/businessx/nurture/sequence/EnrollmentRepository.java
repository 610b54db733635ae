package ca.businessx.nurture.sequence;

import ca.businessx.nurture.platform.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** SQL for enrollments. State changes check the allowed transitions before they write. */
public final class EnrollmentRepository {
  private static final String COLUMNS =
      "id, contact_id, state, current_step, started_at, next_due_at, finished_at, stop_reason";

  public Optional<Enrollment> find(Handle h, String id) {
    return h.createQuery("select " + COLUMNS + " from enrollments where id = :id")
        .bind("id", id)
        .map(EnrollmentRepository::map)
        .findOne();
  }

  /** The enrollments with these ids that exist, by id, in one statement. */
  public java.util.Map<String, Enrollment> findAll(Handle h, java.util.Collection<String> ids) {
    return Rows.byId(
        h,
        "select " + COLUMNS + " from enrollments",
        ids,
        EnrollmentRepository::map,
        Enrollment::id);
  }

  /** An enrollment moving from one step to the next: see {@link #advanceAll}. */
  public record Step(String id, int fromStep, int nextStep, Instant due) {}

  /**
   * Advances each enrollment that is still ACTIVE at {@code fromStep}, as one JDBC batch in the
   * list's order; answers, for each, whether it advanced.
   */
  public boolean[] advanceAll(Handle h, java.util.List<Step> steps, Instant now) {
    boolean[] done = new boolean[steps.size()];
    if (steps.isEmpty()) {
      return done;
    }
    var batch =
        h.prepareBatch(
            "update enrollments set current_step = :step, next_due_at = :due, updated_at = :now"
                + " where id = :id and current_step = :from and state = 'ACTIVE'");
    for (Step s : steps) {
      batch
          .bind("id", s.id())
          .bind("step", s.nextStep())
          .bind("from", s.fromStep())
          .bind("due", s.due().toEpochMilli())
          .bind("now", now.toEpochMilli())
          .add();
    }
    int[] counts = batch.execute();
    for (int i = 0; i < done.length; i++) {
      done[i] = counts[i] != 0;
    }
    return done;
  }

  /**
   * Completes each enrollment (id and step) that is still ACTIVE at that step, as {@link #moveTo}
   * COMPLETED does, in one JDBC batch; answers, for each, whether it completed.
   */
  public boolean[] completeAll(Handle h, java.util.List<Step> steps, Instant now) {
    boolean[] done = new boolean[steps.size()];
    if (steps.isEmpty()) {
      return done;
    }
    var batch =
        h.prepareBatch(
            "update enrollments set state = 'COMPLETED', stop_reason = null, updated_at = :now,"
                + " next_due_at = null, finished_at = :now"
                + " where id = :id and current_step = :from and state = 'ACTIVE'");
    for (Step s : steps) {
      batch.bind("id", s.id()).bind("from", s.fromStep()).bind("now", now.toEpochMilli()).add();
    }
    int[] counts = batch.execute();
    for (int i = 0; i < done.length; i++) {
      done[i] = counts[i] != 0;
    }
    return done;
  }

  public Optional<Enrollment> ofContact(Handle h, String contactId) {
    return h.createQuery("select " + COLUMNS + " from enrollments where contact_id = :c")
        .bind("c", contactId)
        .map(EnrollmentRepository::map)
        .findOne();
  }

  /** Active enrollments whose current step is due but whose email is not written yet. */
  public java.util.List<Enrollment> dueWithoutEmail(Handle h, Instant now, int limit) {
    return dueWithoutEmail(h, now, limit, "");
  }

  /**
   * {@link #dueWithoutEmail} on PostgreSQL, locking the rows it answers and skipping rows another
   * transaction has locked, so nodes (and threads) preparing due emails side by side each take
   * different ones. NO KEY UPDATE still lets an email referencing the row be inserted meanwhile.
   */
  public java.util.List<Enrollment> lockDueWithoutEmail(Handle h, Instant now, int limit) {
    return dueWithoutEmail(h, now, limit, " for no key update of e skip locked");
  }

  private java.util.List<Enrollment> dueWithoutEmail(
      Handle h, Instant now, int limit, String locking) {
    return h.createQuery(
            "select "
                + COLUMNS
                + " from enrollments e where state = 'ACTIVE' and email_step < current_step"
                + " and next_due_at <= :now and not exists (select 1 from emails m where m.enrollment_id = e.id"
                + " and m.step = e.current_step) order by next_due_at, id limit :limit"
                + locking)
        .bind("now", now.toEpochMilli())
        .bind("limit", limit)
        .map(EnrollmentRepository::map)
        .list();
  }

  /** Notes that these enrollments' current emails are stored (see {@link #dueWithoutEmail}). */
  public void emailsStored(Handle h, java.util.Collection<String> ids) {
    if (ids.isEmpty()) {
      return;
    }
    h.createUpdate(
            "update enrollments set email_step = current_step where id in (<ids>) and email_step < current_step")
        .bindList("ids", Rows.distinct(ids))
        .execute();
  }

  /** Answers false when the contact already has an enrollment. */
  public boolean insertIfAbsent(Handle h, String id, String contactId, int version, Instant now) {
    return h.createUpdate(
                "insert into enrollments (id, contact_id, state, current_step, started_at,"
                    + " next_due_at, updated_at, sequence_version)"
                    + " values (:id, :c, 'ACTIVE', 1, :now, :now, :now, :v)"
                    + " on conflict (contact_id) do nothing")
            .bind("id", id)
            .bind("v", version)
            .bind("c", contactId)
            .bind("now", now.toEpochMilli())
            .execute()
        == 1;
  }

  public void advance(Handle h, String id, int nextStep, Instant due, Instant now) {
    h.createUpdate(
            "update enrollments set current_step = :step, next_due_at = :due, updated_at = :now"
                + " where id = :id")
        .bind("id", id)
        .bind("step", nextStep)
        .bind("due", due.toEpochMilli())
        .bind("now", now.toEpochMilli())
        .execute();
  }

  public void moveTo(Handle h, Enrollment e, EnrollmentState next, String reason, Instant now) {
    if (!e.state().canMoveTo(next)) {
      throw new IllegalStateException("enrollment cannot go from " + e.state() + " to " + next);
    }
    boolean ends =
        next == EnrollmentState.COMPLETED
            || next == EnrollmentState.STOPPED
            || next == EnrollmentState.BOOKED;
    h.createUpdate(
            "update enrollments set state = :state, stop_reason = :reason, updated_at = :now,"
                + " next_due_at = case when :ends then null else next_due_at end,"
                + " finished_at = case when :ends then :now else finished_at end where id = :id")
        .bind("id", e.id())
        .bind("state", next.name())
        .bind("reason", reason)
        .bind("ends", ends)
        .bind("now", now.toEpochMilli())
        .execute();
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
        rs.getString("stop_reason"));
  }
}
