package ca.businessx.nurture.backup;

import ca.businessx.nurture.platform.NurtureException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.sqlite.SQLiteConfig;

/**
 * Backup and restore of the embedded database. A backup is SQLite's {@code VACUUM INTO}: one read
 * transaction, so the copy is the database as of one instant while the service goes on writing (WAL
 * readers never block the writer). A restore checks the copy first and never replaces a database
 * some process has open.
 */
public final class SqliteBackup {
  /** A refusal that changed nothing. */
  public static final class Refused extends NurtureException {
    public Refused(String message) {
      super(message);
    }
  }

  private SqliteBackup() {}

  /**
   * Writes a consistent copy of {@code database} to {@code target} (which must not exist yet),
   * through a temporary file beside it, so a half-written copy never bears the name.
   */
  public static DatabaseCopy.Check backup(Path database, Path target) {
    if (!Files.isRegularFile(database)) {
      throw new Refused("no database at " + database);
    }
    if (Files.exists(target)) {
      throw new Refused(target + " exists already; choose a new file name");
    }
    Path partial = target.resolveSibling(target.getFileName() + ".partial");
    try {
      Files.deleteIfExists(partial);
      try (Connection c = DatabaseCopy.readOnly(database).getConnection();
          Statement s = c.createStatement()) {
        s.execute("vacuum into '" + partial.toAbsolutePath().toString().replace("'", "''") + "'");
      }
      DatabaseCopy.Check check = DatabaseCopy.check(partial);
      if (!check.ok()) {
        throw new Refused("the copy failed its check: " + String.join("; ", check.problems()));
      }
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
      return check;
    } catch (SQLException e) {
      throw new Refused("cannot copy " + database + ": " + e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteQuietly(partial);
    }
  }

  /**
   * Puts the checked copy {@code backup} in place of {@code database}. A database already there is
   * kept beside it as {@code nurture.db.before-restore-<time>}. Refused, with nothing changed, when
   * the copy fails its check or a process (a running service) has the database open.
   */
  public static DatabaseCopy.Check restore(Path backup, Path database, Clock clock) {
    DatabaseCopy.Check check = DatabaseCopy.check(backup);
    if (!check.ok()) {
      throw new Refused(String.join("; ", check.problems()));
    }
    Path incoming = database.resolveSibling(database.getFileName() + ".restoring");
    try {
      Files.createDirectories(database.toAbsolutePath().getParent());
      if (Files.exists(database)) {
        closeExclusively(database);
      }
      Files.copy(backup, incoming, StandardCopyOption.REPLACE_EXISTING);
      if (Files.exists(database)) {
        String stamp =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .withZone(ZoneOffset.UTC)
                .format(clock.instant());
        Files.move(
            database, database.resolveSibling(database.getFileName() + ".before-restore-" + stamp));
      }
      Files.move(incoming, database, StandardCopyOption.ATOMIC_MOVE);
      return check;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteQuietly(incoming);
    }
  }

  /**
   * Takes SQLite's exclusive lock, which fails while any other connection is open (a running node
   * keeps its pool's connections open), and checkpoints the write-ahead log into the file, so the
   * file alone is the whole database when it is moved aside.
   */
  private static void closeExclusively(Path database) {
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(0);
    config.setLockingMode(SQLiteConfig.LockingMode.EXCLUSIVE);
    try (Connection c = config.createConnection("jdbc:sqlite:" + database.toAbsolutePath());
        Statement s = c.createStatement()) {
      s.execute("begin exclusive");
      s.execute("commit");
      s.execute("pragma wal_checkpoint(TRUNCATE)");
      s.execute("pragma journal_mode=DELETE");
    } catch (SQLException e) {
      throw new Refused(
          database
              + " is in use ("
              + e.getMessage()
              + "): stop the service first (systemctl stop nurture)");
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // a leftover temporary file is harmless; the next run replaces it
    }
  }
}
