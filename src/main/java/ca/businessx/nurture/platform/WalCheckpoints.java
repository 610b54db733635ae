package ca.businessx.nurture.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves SQLite's write-ahead log into the database file from a thread of its own. By default the
 * commit that crosses 1,000 log pages does it, inside the single writer's turn: the whole group of
 * webhooks waiting on that commit then waits for the copy and the database file's fsync too (in the
 * intake benchmark, a fifth of the writer's throughput). A PASSIVE checkpoint takes no write lock,
 * so the writer keeps committing while it runs. Durability does not depend on it: every commit has
 * synced the log already; a checkpoint only keeps the log short. Every 50 ms rather than 200:
 * smaller copies, and a shorter database-file fsync for a commit's to queue behind (signups' p99.9
 * 20-54 ms against 27-118 ms in the same benchmark). A commit still checkpoints a log past {@link
 * #PAGES}: see {@code Database.open}.
 */
final class WalCheckpoints implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WalCheckpoints.class);
  static final Duration EVERY = Duration.ofMillis(50);

  /** The log's length (pages of 4 KB) at which a commit checkpoints it itself. */
  static final int PAGES = 10_000;

  private final DataSource source;
  private final ScheduledExecutorService thread =
      Executors.newSingleThreadScheduledExecutor(
          r -> Thread.ofPlatform().daemon().name("nurture-wal-checkpoint").unstarted(r));

  WalCheckpoints(DataSource source) {
    this.source = source;
    thread.scheduleWithFixedDelay(
        this::checkpoint, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void checkpoint() {
    try (Connection c = source.getConnection();
        Statement s = c.createStatement()) {
      s.execute("pragma wal_checkpoint(PASSIVE)");
    } catch (SQLException | RuntimeException e) {
      // The next round tries again; meanwhile the log only grows.
      log.debug("WAL checkpoint skipped: {}", e.getClass().getSimpleName());
    }
  }

  @Override
  public void close() {
    thread.shutdownNow();
    try {
      thread.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
