package ca.businessx.nurture.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/** Waiting on a separate service process in real time, and counting rows in its database. */
public final class Await {
  private Await() {}

  public interface Check {
    boolean ok() throws Exception;
  }

  /** Polls until the check holds, failing with {@code what} after {@code limit}. */
  public static void until(Check check, Duration limit, String what) throws Exception {
    Instant deadline = Instant.now().plus(limit);
    while (!check.ok()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("timed out waiting for " + what);
      }
      ServiceProcess.pause(50);
    }
  }

  /** The first column of the first row of {@code sql}, e.g. a {@code count(*)}. */
  public static int count(String jdbcUrl, String user, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl, user, "");
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
