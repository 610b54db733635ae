package ca.businessx.nurture.support;

import static org.junit.jupiter.api.Assumptions.abort;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The two databases every store test runs on: embedded SQLite (a file in a temp dir) and the
 * PostgreSQL server on 127.0.0.1:5432, in a fresh schema per test. Without PostgreSQL those tests
 * are skipped with a message, except under CI, where they fail.
 */
public final class TestDatabases {
  public static final String PG_BASE = "jdbc:postgresql://127.0.0.1:5432/test";
  public static final String PG_USER = "postgres";

  private TestDatabases() {}

  public enum Kind {
    SQLITE,
    POSTGRESQL
  }

  /** Environment entries that point the service at a database of this kind. */
  public static Map<String, String> env(Kind kind) {
    Map<String, String> env = new HashMap<>();
    if (kind == Kind.POSTGRESQL) {
      String schema = freshSchema();
      env.put("NURTURE_DB_URL", PG_BASE + "?currentSchema=" + schema);
      env.put("NURTURE_DB_USER", PG_USER);
    }
    return env;
  }

  public static String freshSchema() {
    String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection c = DriverManager.getConnection(PG_BASE, PG_USER, "")) {
      c.createStatement().execute("create schema " + schema);
    } catch (SQLException e) {
      String message = "PostgreSQL at 127.0.0.1:5432 is not reachable (" + e.getMessage() + ")";
      if ("true".equals(System.getenv("CI"))) {
        throw new IllegalStateException(message + "; CI requires it", e);
      }
      System.err.println("SKIPPED PostgreSQL tests: " + message);
      abort(message);
    }
    return schema;
  }
}
