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

  public Optional<Enrollment> ofContact(Handle h, String contactId) {
    return h.createQuery("select " + COLUMNS + " from enrollments where contact_id = :c")
        .bind("c", contactId)
        .map(EnrollmentRepository::map)
        .findOne();
  }

  /** Active enrollments whose current step is due but whose email is not written yet. */
  public java.util.List<Enrollment> dueWithoutEmail(Handle h, Instant now, int limit) {
    return h.createQuery(
            "select " + COLUMNS + " from enrollments e where state = 'ACTIVE' and next_due_at <= :now"
                + " and not exists (select 1 from emails m where m.enrollment_id = e.id"
                + " and m.step = e.current_step) order by next_due_at, id limit :limit")
        .bind("now", now.toEpochMilli())
        .bind("limit", limit)
        .map(EnrollmentRepository::map)
        .list();
  }

  /** Answers false when the contact already has an enrollment. */
  public boolean insertIfAbsent(Handle h, String id, String contactId, Instant now) {
    return h.createUpdate(
                "insert into enrollments (id, contact_id, state, current_step, started_at,"
                    + " next_due_at, updated_at) values (:id, :c, 'ACTIVE', 1, :now, :now, :now)"
                    + " on conflict (contact_id) do nothing")
            .bind("id", id)
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
    boolean ends = next == EnrollmentState.COMPLETED || next == EnrollmentState.STOPPED;
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
