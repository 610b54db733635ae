package ca.businessx.nurture.sequence;

import com.github.kagkarlsson.scheduler.jdbc.AutodetectJdbcCustomization;
import com.github.kagkarlsson.scheduler.jdbc.JdbcCustomization;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;

/**
 * Moves the step tasks of a batch's other enrollments in one JDBC batch, inside the caller's
 * transaction. db-scheduler's client moves one execution per read and versioned update, so a batch
 * of 100 cost 200 round trips, twice per batch. An execution that is running right now is left
 * alone (it finds the new state itself), as the client would refuse it; the version is raised as
 * the client would, so a scheduler that read the row before this update does not pick it.
 */
public final class StepWakes {
  private final String table;
  private final JdbcCustomization jdbc;

  /**
   * @param table db-scheduler's table of the step tasks; its timestamps are written as it writes
   *     them
   */
  public StepWakes(DataSource dataSource, String table) {
    this.table = table;
    this.jdbc = new AutodetectJdbcCustomization(dataSource);
  }

  /**
   * @param byEnrollment each enrollment's new wake-up time, written in the map's order
   */
  public void wakeAll(Handle h, Map<String, Instant> byEnrollment) {
    if (byEnrollment.isEmpty()) {
      return;
    }
    String sql =
        "update "
            + table
            + " set execution_time = ?, version = version + 1"
            + " where task_name = ? and task_instance = ? and picked = ?";
    try (PreparedStatement update = h.getConnection().prepareStatement(sql)) {
      for (Map.Entry<String, Instant> wake : byEnrollment.entrySet()) {
        jdbc.setInstant(update, 1, wake.getValue());
        update.setString(2, SequenceTasks.STEP_TASK);
        update.setString(3, wake.getKey());
        update.setBoolean(4, false);
        update.addBatch();
      }
      update.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException("could not move " + byEnrollment.size() + " step tasks", e);
    }
  }
}
