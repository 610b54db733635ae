package ca.businessx.nurture.backup;

import ca.businessx.nurture.platform.Database;
import ca.businessx.nurture.platform.Migrations;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.api.output.ValidateResult;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * What a file claims to be a copy of the embedded database is, checked read-only before anything
 * relies on it: an SQLite file that passes {@code integrity_check}, whose migration history is this
 * code's own (same scripts, none unknown to it; older copies are fine: the service migrates them at
 * start).
 */
public final class DatabaseCopy {
  /** {@code problems} empty means the copy can be restored. */
  public record Check(List<String> problems, Optional<String> schemaVersion, long contacts) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  private static final byte[] SQLITE_HEADER =
      "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

  private DatabaseCopy() {}

  public static Check check(Path file) {
    if (!Files.isRegularFile(file)) {
      return refused("no such file: " + file);
    }
    if (!hasSqliteHeader(file)) {
      return refused(file + " is not an SQLite database, so not a Nurture backup");
    }
    SQLiteDataSource source = readOnly(file);
    List<String> problems = new ArrayList<>();
    try (Connection c = source.getConnection();
        Statement s = c.createStatement()) {
      List<String> integrity = column(s, "pragma integrity_check");
      if (!integrity.equals(List.of("ok"))) {
        return refused(
            file
                + " is damaged (integrity_check: "
                + String.join("; ", integrity.subList(0, Math.min(3, integrity.size())))
                + ")");
      }
      if (column(
              s,
              "select name from sqlite_master where type = 'table' and name = 'flyway_schema_history'")
          .isEmpty()) {
        return refused(file + " is an SQLite database but not Nurture's (no migration history)");
      }
      ValidateResult validation = migrationsOf(source);
      if (!validation.validationSuccessful) {
        validation.invalidMigrations.forEach(
            m ->
                problems.add(
                    "migration "
                        + m.version
                        + " ("
                        + m.description
                        + "): "
                        + m.errorDetails.errorMessage));
        if (problems.isEmpty()) {
          problems.add("its migration history does not match this version of Nurture");
        }
        problems.replaceAll(p -> file + " is not a database of this Nurture: " + p);
        return new Check(List.copyOf(problems), Optional.empty(), 0);
      }
      List<String> version =
          column(
              s,
              "select version from flyway_schema_history where success = 1 and version is not null order by installed_rank desc limit 1");
      long contacts = Long.parseLong(column(s, "select count(*) from contacts").getFirst());
      return new Check(List.of(), version.stream().findFirst(), contacts);
    } catch (SQLException e) {
      return refused(file + " cannot be read as a Nurture database: " + e.getMessage());
    }
  }

  private static ValidateResult migrationsOf(SQLiteDataSource source) {
    return Migrations.of(source, Database.Kind.SQLITE)
        .ignoreMigrationPatterns("*:pending")
        .load()
        .validateWithResult();
  }

  static SQLiteDataSource readOnly(Path file) {
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    config.setBusyTimeout(15_000);
    SQLiteDataSource source = new SQLiteDataSource(config);
    source.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
    return source;
  }

  private static boolean hasSqliteHeader(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return Arrays.equals(in.readNBytes(SQLITE_HEADER.length), SQLITE_HEADER);
    } catch (IOException e) {
      return false;
    }
  }

  private static List<String> column(Statement s, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }

  private static Check refused(String problem) {
    return new Check(List.of(problem), Optional.empty(), 0);
  }
}
