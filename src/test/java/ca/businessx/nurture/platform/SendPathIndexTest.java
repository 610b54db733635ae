package ca.businessx.nurture.platform;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.support.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteDataSource;

/**
 * The lookups the send loop makes for every batch find their rows through an index, never by
 * reading the whole table: emails and enrollments only grow, so a scan per batch makes every batch
 * slower than the last. (Two of them scanned until V171.) On PostgreSQL sequential scans are
 * switched off for the check, so a plan still showing one has no index to use.
 */
class SendPathIndexTest {
  private static final List<String> PER_BATCH =
      List.of(
          // EmailRepository: a batch's pending emails, and "is this batch drafted?"
          "select id from emails where dispatch_group = 'b' and state = 'PENDING' order by id",
          "select count(*) from emails where dispatch_group = 'b'",
          // BatchDrafter and DueClaimer: a batch's enrollments, locked in id order
          "select id from enrollments where claimed_by = 'b' order by id",
          "select id from enrollments where claimed_by = 'b' and claimed_until <= 5 order by id",
          // DueClaimer: a lapsed lease, then due work
          "select claimed_by from enrollments where claimed_by is not null and claimed_until <= 5"
              + " order by claimed_until limit 1",
          "select id from enrollments where state = 'ACTIVE' and claimed_by is null"
              + " and next_due_at <= 5 order by next_due_at, id limit 100",
          // BatchDrafter: stored emails by key
          "select idempotency_key from emails where idempotency_key in ('a', 'b')");

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void everyPerBatchLookupUsesAnIndex(TestDatabases.Kind kind) throws Exception {
    boolean sqlite = kind == TestDatabases.Kind.SQLITE;
    DataSource source = source(kind);
    Migrations.of(source, sqlite ? Database.Kind.SQLITE : Database.Kind.POSTGRESQL)
        .load()
        .migrate();
    try (Connection c = source.getConnection();
        Statement s = c.createStatement()) {
      if (!sqlite) {
        s.execute("set enable_seqscan = off");
      }
      for (String query : PER_BATCH) {
        String plan =
            String.join("\n", plan(s, (sqlite ? "explain query plan " : "explain ") + query));
        assertThat(plan)
            .as(query)
            .doesNotContainPattern(sqlite ? "SCAN (emails|enrollments)\\b" : "Seq Scan");
      }
    }
  }

  private static List<String> plan(Statement s, String explain) throws SQLException {
    List<String> lines = new ArrayList<>();
    try (ResultSet rs = s.executeQuery(explain)) {
      int column = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        lines.add(rs.getString(column));
      }
    }
    return lines;
  }

  private DataSource source(TestDatabases.Kind kind) {
    if (kind == TestDatabases.Kind.SQLITE) {
      SQLiteDataSource sqlite = new SQLiteDataSource();
      sqlite.setUrl("jdbc:sqlite:" + dir.resolve("nurture.db"));
      return sqlite;
    }
    PGSimpleDataSource pg = new PGSimpleDataSource();
    pg.setUrl(TestDatabases.env(kind).get("NURTURE_DB_URL"));
    pg.setUser(TestDatabases.PG_USER);
    return pg;
  }
}
