package ca.businessx.nurture.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementExceptions;

/**
 * The service's own database: embedded SQLite (WAL) by default, PostgreSQL when configured. Every
 * write that must be atomic with scheduling goes through {@link #inTransaction}, which lends the
 * transaction's connection to the scheduler client so a new task commits with the data it serves.
 */
public final class Database implements AutoCloseable {
  public enum Kind {
    SQLITE,
    POSTGRESQL
  }

  private final HikariDataSource pool;
  private final ThreadBoundDataSource bound;
  private final Jdbi jdbi;
  private final Kind kind;
  private final String node;
  private final ReentrantLock sqliteWriter = new ReentrantLock(true);
  private final GroupCommit groupCommit;
  private final WalCheckpoints checkpoints;

  private Database(HikariDataSource pool, Kind kind, String node) {
    this.pool = pool;
    this.kind = kind;
    this.node = node;
    this.bound = new ThreadBoundDataSource(pool);
    this.jdbi = Jdbi.create(pool);
    // Jdbi's default message lists the bound values (addresses, names) of a failed statement.
    jdbi.getConfig(StatementExceptions.class).setMessageRendering(SafeErrors::statementMessage);
    this.groupCommit =
        new GroupCommit(
            sqliteWriter,
            work ->
                transaction(
                    h -> {
                      work.useHandle(h);
                      return null;
                    }));
    this.checkpoints = kind == Kind.SQLITE ? new WalCheckpoints(pool) : null;
  }

  /**
   * @param node this node's name, recorded on what it writes (e.g. who sent an email)
   */
  public static Database open(Config.Db db, Path dataDir, String node) {
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName("nurture-db");
    Kind kind;
    if (db.embedded() || db.url().get().startsWith("jdbc:sqlite:")) {
      kind = Kind.SQLITE;
      if (db.embedded()) {
        prepareSqliteFile(dataDir);
      }
      hikari.setJdbcUrl(
          db.url().orElseGet(() -> "jdbc:sqlite:" + sqliteFile(db, dataDir).orElseThrow()));
      // IMMEDIATE transactions wait for the write lock up front (busy_timeout) instead of failing
      // when a reader upgrades; FULL sync makes every answered webhook durable across power loss,
      // NORMAL across a crash of the process only (see Config.Db).
      hikari.addDataSourceProperty("journal_mode", "WAL");
      hikari.addDataSourceProperty("synchronous", db.sqliteSync());
      hikari.addDataSourceProperty("busy_timeout", "15000");
      hikari.addDataSourceProperty("transaction_mode", "IMMEDIATE");
      hikari.addDataSourceProperty("foreign_keys", "true");
      // The log is checkpointed by WalCheckpoints, not by whichever commit fills 1,000 pages. A
      // commit still does it past 10,000 (40 MB): under unbroken writes a PASSIVE checkpoint never
      // lets the log restart from its beginning, and a log that only grows slowed every commit
      // (p99 of signups 220 ms instead of 20). After that, the file is cut back to 64 MB.
      hikari.addDataSourceProperty("wal_autocheckpoint", Integer.toString(WalCheckpoints.PAGES));
      hikari.addDataSourceProperty("journal_size_limit", Long.toString(64L << 20));
      hikari.setMaximumPoolSize(10);
    } else {
      kind = Kind.POSTGRESQL;
      hikari.setJdbcUrl(db.url().get());
      db.user().ifPresent(hikari::setUsername);
      db.password().ifPresent(hikari::setPassword);
      // Shown in pg_stat_activity, so an operator sees which node holds which connection.
      String application = "nurture " + node;
      hikari.addDataSourceProperty(
          "ApplicationName", application.substring(0, Math.min(63, application.length())));
      // The server's "Detail: Key (email)=(…)" would put a lead's address into error messages.
      hikari.addDataSourceProperty("logServerErrorDetail", "false");
      // A JDBC batch of inserts (a batch's emails, its timeline) becomes one multi-row statement.
      hikari.addDataSourceProperty("reWriteBatchedInserts", "true");
      hikari.setMaximumPoolSize(12);
    }
    hikari.setConnectionTimeout(10_000);
    return new Database(new HikariDataSource(hikari), kind, node);
  }

  /**
   * The SQLite database file this configuration uses: {@code nurture.db} in the data dir, or the
   * file of a {@code jdbc:sqlite:} URL; empty for PostgreSQL.
   */
  public static Optional<Path> sqliteFile(Config.Db db, Path dataDir) {
    if (db.embedded()) {
      return Optional.of(dataDir.resolve("nurture.db").toAbsolutePath().normalize());
    }
    String url = db.url().get();
    if (!url.startsWith("jdbc:sqlite:")) {
      return Optional.empty();
    }
    String file = url.substring("jdbc:sqlite:".length()).replaceFirst("^file:", "");
    return Optional.of(Path.of(file.replaceFirst("\\?.*$", "")).toAbsolutePath().normalize());
  }

  /**
   * The database file, in a data directory only this user may enter (0700), itself readable only by
   * this user (0600): it holds lead data and the key that signs unsubscribe links. SQLite gives its
   * -wal and -shm files the database file's permissions. An existing directory or file is tightened
   * likewise.
   */
  private static Path prepareSqliteFile(Path dataDir) {
    Path file = dataDir.resolve("nurture.db").toAbsolutePath();
    try {
      if (!Files.isDirectory(dataDir)) {
        Files.createDirectories(dataDir);
      }
      restrict(dataDir, "rwx------");
      if (!Files.exists(file)) {
        Files.createFile(file); // empty: SQLite makes it a database, keeping these permissions
      }
      restrict(file, "rw-------");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the data directory " + dataDir, e);
    }
    return file;
  }

  private static void restrict(Path path, String permissions) throws IOException {
    try {
      Files.setPosixFilePermissions(
          path, java.nio.file.attribute.PosixFilePermissions.fromString(permissions));
    } catch (UnsupportedOperationException notPosix) {
      // e.g. Windows: the folder's ACLs apply
    }
  }

  /** Applies pending migrations; safe to run on every start and from several nodes at once. */
  public void migrate() {
    Migrations.of(pool, kind).load().migrate();
  }

  /** How many migrations this code knows that the database has not applied yet. */
  public int pendingMigrations() {
    return Migrations.of(pool, kind).load().info().pending().length;
  }

  public Kind kind() {
    return kind;
  }

  /** The name of the node this process is (see {@link Config.Scheduler#nodeName()}). */
  public String node() {
    return node;
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  /** For the scheduler itself, which manages its own short transactions. */
  public DataSource dataSource() {
    return pool;
  }

  /**
   * For a scheduler client that should join the caller's {@link #inTransaction} when there is one.
   */
  public DataSource transactionAwareDataSource() {
    return bound;
  }

  public <R, X extends Exception> R inTransaction(HandleCallback<R, X> work) throws X {
    if (kind != Kind.SQLITE) {
      return transaction(work);
    }
    // SQLite has one writer at a time; its busy handler makes waiting writers sleep and retry with
    // growing pauses, so under load some waited over a second behind a queue of milliseconds. A
    // fair lock queues this process's writers in arrival order instead.
    sqliteWriter.lock();
    try {
      return transaction(work);
    } finally {
      sqliteWriter.unlock();
    }
  }

  /**
   * Like {@link #inTransaction}, for short independent writes that arrive concurrently (webhooks):
   * on SQLite, those waiting for the writer share one commit (see {@link GroupCommit}), and each
   * call returns after that commit. The work must not depend on running in a transaction of its own
   * beyond that, and may run more than once (a run rolled back because another work of its group
   * failed), so it must act only through the handle.
   */
  public <R, X extends Exception> R inGroupTransaction(HandleCallback<R, X> work) throws X {
    return kind == Kind.SQLITE ? groupCommit.run(work) : transaction(work);
  }

  private <R, X extends Exception> R transaction(HandleCallback<R, X> work) throws X {
    return jdbi.inTransaction(
        handle -> {
          bound.bind(handle.getConnection());
          try {
            return work.withHandle(handle);
          } finally {
            bound.unbind();
          }
        });
  }

  public <R, X extends Exception> R withHandle(HandleCallback<R, X> work) throws X {
    return jdbi.withHandle(work);
  }

  public <X extends Exception> void useHandle(org.jdbi.v3.core.HandleConsumer<X> work) throws X {
    jdbi.useHandle(work);
  }

  public boolean isReachable() {
    try (Handle h = jdbi.open()) {
      return h.createQuery("select 1").mapTo(Integer.class).one() == 1;
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public void close() {
    if (checkpoints != null) {
      checkpoints.close();
    }
    pool.close();
  }
}
