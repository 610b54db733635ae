package ca.businessx.nurture.cli;

import ca.businessx.nurture.backup.DatabaseCopy;
import ca.businessx.nurture.backup.SqliteBackup;
import ca.businessx.nurture.platform.Config;
import ca.businessx.nurture.platform.ConfigException;
import ca.businessx.nurture.platform.ConfigLoader;
import ca.businessx.nurture.platform.Database;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nurture backup FILE} and {@code nurture restore FILE}: the embedded database only (for
 * PostgreSQL, pg_dump and pg_restore; see README). Neither migrates or opens the database the way
 * the other commands do: a backup only reads, a restore only moves whole files.
 */
public final class BackupCommands {
  private BackupCommands() {}

  abstract static class Base implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The backup file.")
    Path file;

    private final Map<String, String> env;

    Base(Map<String, String> env) {
      this.env = env;
    }

    abstract DatabaseCopy.Check run(Path database);

    abstract String done(DatabaseCopy.Check check, Path database);

    @Override
    public Integer call() {
      Config config;
      try {
        config = ConfigLoader.load(env != null ? env : ConfigLoader.environment(Path.of("")));
      } catch (ConfigException e) {
        err().println("nurture: invalid configuration:");
        e.problems().forEach(p -> err().println("  " + p));
        return CliCommand.BAD_INPUT;
      }
      Optional<Path> database = Database.sqliteFile(config.db(), config.dataDir());
      if (database.isEmpty()) {
        err()
            .println(
                "nurture: the database is PostgreSQL: back it up with pg_dump and restore it with"
                    + " pg_restore (README, \"Backups\")");
        return CliCommand.REFUSED;
      }
      try {
        DatabaseCopy.Check check = run(database.get());
        out().println(done(check, database.get()));
        out().flush();
        return 0;
      } catch (SqliteBackup.Refused e) {
        err().println("nurture: " + e.getMessage());
        err().println("nothing was changed");
        return CliCommand.REFUSED;
      }
    }

    static String facts(DatabaseCopy.Check check) {
      return check.contacts()
          + " contact(s), schema version "
          + check.schemaVersion().orElse("none");
    }

    PrintWriter out() {
      return spec.commandLine().getOut();
    }

    PrintWriter err() {
      return spec.commandLine().getErr();
    }
  }

  @Command(
      name = "backup",
      mixinStandardHelpOptions = true,
      description =
          "Copy the embedded database to FILE, consistently, while the service runs (SQLite's"
              + " VACUUM INTO); FILE must not exist.")
  public static final class Backup extends Base {
    Backup() {
      super(null);
    }

    Backup(Map<String, String> env) {
      super(env);
    }

    @Override
    DatabaseCopy.Check run(Path database) {
      return SqliteBackup.backup(database, file);
    }

    @Override
    String done(DatabaseCopy.Check check, Path database) {
      return "backed up " + database + " to " + file + ": " + facts(check);
    }
  }

  @Command(
      name = "restore",
      mixinStandardHelpOptions = true,
      description =
          "Put the backup FILE in place of the embedded database, after checking it (integrity,"
              + " a Nurture database with known migrations). Stop the service first: a database"
              + " in use is not replaced. The one replaced is kept beside it.")
  public static final class Restore extends Base {
    Restore() {
      super(null);
    }

    Restore(Map<String, String> env) {
      super(env);
    }

    @Override
    DatabaseCopy.Check run(Path database) {
      return SqliteBackup.restore(file, database, Workbench.CLOCK);
    }

    @Override
    String done(DatabaseCopy.Check check, Path database) {
      return "restored " + file + " to " + database + ": " + facts(check);
    }
  }
}
