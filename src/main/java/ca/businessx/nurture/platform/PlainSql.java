package ca.businessx.nurture.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One hot statement run on a Jdbi handle's connection with plain JDBC. Jdbi copies its
 * configuration, builds a statement context and finds an argument factory for every value of every
 * statement; for the few statements a webhook runs inside the single SQLite writer, that work was a
 * large share of the writer's time. The {@code :name} placeholders are turned into positions once,
 * here; values are bound by name from a map.
 */
public final class PlainSql {
  private static final Pattern NAME = Pattern.compile("(?<![:\\w]):(\\w+)");

  /** Reads one row of a result. */
  public interface Row<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private final String sql;
  private final List<String> names = new ArrayList<>();

  /** By driver connection; those of connections the pool has closed are dropped. */
  private final Map<Connection, PreparedStatement> kept = new java.util.HashMap<>();

  public PlainSql(String namedSql) {
    Matcher m = NAME.matcher(namedSql);
    StringBuilder positional = new StringBuilder();
    while (m.find()) {
      names.add(m.group(1));
      m.appendReplacement(positional, "?");
    }
    m.appendTail(positional);
    this.sql = positional.toString();
  }

  /** Runs an insert or update; answers the rows it changed. */
  public int execute(Connection c, Map<String, ?> values) {
    try {
      Prepared p = prepare(c);
      try {
        bind(p.statement, values);
        return p.statement.executeUpdate();
      } finally {
        p.done();
      }
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  /** Runs a statement that answers at most one row (a query, or a write with RETURNING). */
  public <T> java.util.Optional<T> one(Connection c, Map<String, ?> values, Row<T> row) {
    try {
      Prepared p = prepare(c);
      try {
        bind(p.statement, values);
        // Closing the result resets the statement, which ends a write's RETURNING.
        try (ResultSet rs = p.statement.executeQuery()) {
          return rs.next() ? java.util.Optional.of(row.map(rs)) : java.util.Optional.empty();
        }
      } finally {
        p.done();
      }
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  /** A statement to run once; a kept one stays open for the next call on its connection. */
  private record Prepared(PreparedStatement statement, boolean kept) {
    void done() throws SQLException {
      if (!kept) {
        statement.close();
      }
    }
  }

  /**
   * On SQLite, compiling these statements (an upsert with subqueries is long) was the single
   * writer's largest cost after the commit itself, so each SQLite connection keeps its compiled
   * statement: made on the driver's connection, which the pool does not close with its lease, and
   * used by one borrower at a time. PostgreSQL's driver keeps server-side statements by itself.
   */
  private Prepared prepare(Connection c) throws SQLException {
    if (!c.isWrapperFor(org.sqlite.SQLiteConnection.class)) {
      return new Prepared(c.prepareStatement(sql), false);
    }
    Connection raw = c.unwrap(org.sqlite.SQLiteConnection.class);
    synchronized (kept) {
      PreparedStatement ps = kept.get(raw);
      if (ps == null || ps.isClosed()) {
        kept.keySet().removeIf(PlainSql::closed);
        ps = raw.prepareStatement(sql);
        kept.put(raw, ps);
      }
      return new Prepared(ps, true);
    }
  }

  private static boolean closed(Connection c) {
    try {
      return c.isClosed();
    } catch (SQLException e) {
      return true;
    }
  }

  /**
   * Names the statement (placeholders only) and the SQL state, not the driver's message: PostgreSQL
   * quotes key values (addresses) in its own.
   */
  private IllegalStateException failed(SQLException e) {
    String shown = sql.length() > 300 ? sql.substring(0, 300) + "…" : sql;
    return new IllegalStateException(
        "statement failed (SQL state " + e.getSQLState() + "): " + shown, e);
  }

  private void bind(PreparedStatement ps, Map<String, ?> values) throws SQLException {
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      if (!values.containsKey(name)) {
        throw new IllegalArgumentException("no value for :" + name);
      }
      ps.setObject(i + 1, values.get(name));
    }
  }
}
