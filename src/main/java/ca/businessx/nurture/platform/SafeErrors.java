package ca.businessx.nurture.platform;

import java.sql.SQLException;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementException;

/**
 * Exceptions as they may be logged or shown: a database error names its statement (with
 * placeholders) and SQL state, never the values bound to it, which are addresses and names.
 */
public final class SafeErrors {
  private static final int MAX_SQL = 300;
  private static final int MAX_DEPTH = 8;

  private SafeErrors() {}

  /**
   * Jdbi's message for a failed statement: the driver's own words and the statement, without the
   * bound values Jdbi would add by default.
   */
  public static String statementMessage(StatementException e) {
    StatementContext ctx = e.getStatementContext();
    String sql = ctx == null ? null : ctx.getRenderedSql();
    if (sql == null && ctx != null) {
      sql = ctx.getRawSql();
    }
    String cause = e.getCause() == null ? "" : describe(e.getCause());
    return cause
        + (sql == null
            ? ""
            : " [statement: \""
                + (sql.length() > MAX_SQL ? sql.substring(0, MAX_SQL) + "…" : sql)
                + "\"]");
  }

  /**
   * A copy of the exception fit for a log: each cause keeps its class and stack trace; a message is
   * kept only where it cannot carry data (this service's own, and statements rendered without their
   * values); a driver's message is reduced to its SQL state, since PostgreSQL quotes key values.
   */
  public static Throwable redacted(Throwable e) {
    return redacted(e, 0);
  }

  private static Throwable redacted(Throwable e, int depth) {
    Throwable cause =
        e.getCause() != null && e.getCause() != e && depth < MAX_DEPTH
            ? redacted(e.getCause(), depth + 1)
            : null;
    Redacted copy = new Redacted(describe(e), cause);
    copy.setStackTrace(e.getStackTrace());
    return copy;
  }

  private static String describe(Throwable e) {
    String name = e.getClass().getName();
    if (e instanceof StatementException s) {
      String sql = s.getStatementContext() == null ? null : s.getStatementContext().getRawSql();
      return name + (sql == null ? "" : ": statement \"" + abbreviate(sql) + "\"");
    }
    if (e instanceof SQLException s) {
      return name + ": SQL state " + s.getSQLState() + ", error code " + s.getErrorCode();
    }
    if (e instanceof NurtureException) {
      return name + ": " + e.getMessage();
    }
    return name;
  }

  private static String abbreviate(String sql) {
    String flat = sql.replaceAll("\\s+", " ").strip();
    return flat.length() > MAX_SQL ? flat.substring(0, MAX_SQL) + "…" : flat;
  }

  /** Stands in for an exception whose message was left out; prints as the original class. */
  private static final class Redacted extends RuntimeException {
    private final String description;

    Redacted(String description, Throwable cause) {
      super(description, cause, false, true);
      this.description = description;
    }

    @Override
    public String toString() {
      return description;
    }
  }
}
