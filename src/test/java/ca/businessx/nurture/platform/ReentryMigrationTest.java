package ca.businessx.nurture.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.businessx.nurture.support.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * V160 on a database that already holds leads: SQLite rebuilds two tables, and every row, foreign
 * key and index comes through; a contact may then have a second enrollment, but only one current.
 */
class ReentryMigrationTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void anExistingDatabaseKeepsItsLeadsAndGainsReentry(TestDatabases.Kind kind) throws Exception {
    DataSource source = source(kind);
    Database.Kind vendor =
        kind == TestDatabases.Kind.SQLITE ? Database.Kind.SQLITE : Database.Kind.POSTGRESQL;
    Migrations.of(source, vendor).target("150").load().migrate();
    try (Connection c = source.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "insert into contacts (id, email, signed_up_at, updated_at, crm_status_synced)"
              + " values ('c1', 'ana@example.ca', 1, 1, 'Active')");
      s.execute(
          "insert into enrollments (id, contact_id, state, current_step, started_at, updated_at,"
              + " finished_at) values ('e1', 'c1', 'COMPLETED', 6, 1, 2, 2)");
      s.execute(
          "insert into emails (id, enrollment_id, contact_id, step, template_key, template_origin,"
              + " idempotency_key, state, subject, html, due_at, created_at, updated_at) values"
              + " ('m1', 'e1', 'c1', 1, 'email_1', 'default', 'k1', 'SENT', 's', 'h', 1, 1, 1)");
    }

    Migrations.of(source, vendor).load().migrate();

    try (Connection c = source.getConnection();
        Statement s = c.createStatement()) {
      assertThat(one(s, "select count(*) from emails where enrollment_id = 'e1'")).isEqualTo(1);
      assertThat(one(s, "select count(*) from enrollments where superseded_at is null"))
          .isEqualTo(1);
      s.execute("update contacts set crm_status_synced = 'Needs follow-up' where id = 'c1'");
      s.execute("update enrollments set superseded_at = 3 where id = 'e1'");
      s.execute(
          "insert into enrollments (id, contact_id, state, current_step, started_at, updated_at)"
              + " values ('e2', 'c1', 'ACTIVE', 1, 3, 3)");
      assertThatThrownBy(
              () ->
                  s.execute(
                      "insert into enrollments (id, contact_id, state, current_step, started_at,"
                          + " updated_at) values ('e3', 'c1', 'ACTIVE', 1, 3, 3)"))
          .as("a second current enrollment")
          .isInstanceOf(SQLException.class);
      assertThatThrownBy(
              () -> s.execute("update contacts set crm_status_synced = 'Lost' where id = 'c1'"))
          .as("the status CHECK still holds")
          .isInstanceOf(SQLException.class);
      assertThatThrownBy(
              () ->
                  s.execute(
                      "insert into emails (id, enrollment_id, contact_id, step, template_key,"
                          + " template_origin, idempotency_key, state, subject, html, due_at,"
                          + " created_at, updated_at) values ('m9', 'nope', 'c1', 1, 'email_1',"
                          + " 'default', 'k9', 'SENT', 's', 'h', 1, 1, 1)"))
          .as("emails still reference enrollments")
          .isInstanceOf(SQLException.class);
    }
  }

  private DataSource source(TestDatabases.Kind kind) {
    if (kind == TestDatabases.Kind.SQLITE) {
      SQLiteConfig config = new SQLiteConfig();
      config.enforceForeignKeys(true);
      SQLiteDataSource sqlite = new SQLiteDataSource(config);
      sqlite.setUrl("jdbc:sqlite:" + dir.resolve("nurture.db"));
      return sqlite;
    }
    PGSimpleDataSource pg = new PGSimpleDataSource();
    pg.setUrl(TestDatabases.env(kind).get("NURTURE_DB_URL"));
    pg.setUser(TestDatabases.PG_USER);
    return pg;
  }

  private static long one(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
