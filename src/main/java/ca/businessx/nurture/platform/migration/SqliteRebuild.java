package ca.businessx.nurture.platform.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQLite's documented way to change what ALTER TABLE cannot (a UNIQUE, a CHECK): with foreign keys
 * off and in one transaction, create the table again from its edited definition, copy the rows,
 * drop the old one, rename, and recreate its indexes; then check every foreign key still holds.
 * https://www.sqlite.org/lang_altertable.html#otheralter
 */
final class SqliteRebuild {
  private static final String SUFFIX = "_rebuilt";

  private final Connection c;

  private SqliteRebuild(Connection c) {
    this.c = c;
  }

  /** Runs {@code changes} as one transaction with foreign keys off, and leaves them on again. */
  static void run(Connection c, Changes changes) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("pragma foreign_keys = off");
      if (single(s, "pragma foreign_keys") != 0) {
        // Inside a transaction the pragma is ignored, and dropping a parent table would then
        // delete through its children: refuse rather than try.
        throw new SQLException("foreign keys could not be switched off for a table rebuild");
      }
    }
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try {
      changes.apply(new SqliteRebuild(c));
      try (Statement s = c.createStatement();
          ResultSet broken = s.executeQuery("pragma foreign_key_check")) {
        if (broken.next()) {
          throw new SQLException("a rebuilt table breaks a foreign key in " + broken.getString(1));
        }
      }
      c.commit();
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(autoCommit);
      try (Statement s = c.createStatement()) {
        s.execute("pragma foreign_keys = on");
      }
    }
  }

  interface Changes {
    void apply(SqliteRebuild rebuild) throws SQLException;
  }

  /** Rebuilds {@code table} from its current definition as {@code edit} changes it. */
  void table(String table, UnaryOperator<String> edit) throws SQLException {
    String ddl = definition(table);
    String edited = edit.apply(ddl);
    if (edited.equals(ddl)) {
      throw new SQLException("the definition of " + table + " is not the one this migration edits");
    }
    Matcher name =
        Pattern.compile("(?i)^\\s*create\\s+table\\s+\"?" + table + "\"?").matcher(edited);
    if (!name.find()) {
      throw new SQLException("cannot read the name in the definition of " + table);
    }
    String renamed = "create table " + table + SUFFIX + edited.substring(name.end());
    List<String> indexes = indexes(table);
    try (Statement s = c.createStatement()) {
      s.execute(renamed);
      s.execute("insert into " + table + SUFFIX + " select * from " + table);
      s.execute("drop table " + table);
      s.execute("alter table " + table + SUFFIX + " rename to " + table);
      for (String index : indexes) {
        s.execute(index);
      }
    }
  }

  void execute(String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private String definition(String table) throws SQLException {
    try (var s =
        c.prepareStatement("select sql from sqlite_master where type = 'table' and name = ?")) {
      s.setString(1, table);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          throw new SQLException("no table " + table);
        }
        return rs.getString(1);
      }
    }
  }

  // Automatic indexes (UNIQUE, primary keys) have no SQL and come back with the table.
  private List<String> indexes(String table) throws SQLException {
    List<String> found = new ArrayList<>();
    try (var s =
        c.prepareStatement(
            "select sql from sqlite_master where type = 'index' and tbl_name = ? and sql is not null")) {
      s.setString(1, table);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          found.add(rs.getString(1));
        }
      }
    }
    return found;
  }

  private static int single(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
