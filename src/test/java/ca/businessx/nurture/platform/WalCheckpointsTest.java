package ca.businessx.nurture.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A commit no longer checkpoints SQLite's log at 1,000 pages (that held the single writer while the
 * log was copied and the database file synced); a thread of its own does, so what is written
 * reaches the database file while the service keeps writing (here 8 MB, far short of the 40 MB at
 * which a commit would step in).
 */
class WalCheckpointsTest {
  @TempDir Path dir;

  @Test
  void writtenPagesReachTheDatabaseFileWithoutACommitCheckpointingThem() throws Exception {
    try (Database db =
        Database.open(
            new Config.Db(Optional.empty(), Optional.empty(), Optional.empty(), "FULL"),
            dir,
            "test")) {
      int autoCheckpoint =
          db.withHandle(h -> h.createQuery("pragma wal_autocheckpoint").mapTo(Integer.class).one());
      assertThat(autoCheckpoint)
          .as("commits leave a log shorter than 40 MB alone")
          .isEqualTo(WalCheckpoints.PAGES);
      db.useHandle(h -> h.execute("create table note (n integer primary key, body text)"));
      Path file = dir.resolve("nurture.db");
      long before = Files.size(file);
      String body = "x".repeat(4000);
      for (int round = 0; round < 20; round++) {
        int from = round * 100;
        db.inGroupTransaction(
            h -> {
              for (int n = from; n < from + 100; n++) {
                h.execute("insert into note (n, body) values (?, ?)", n, body);
              }
              return null;
            });
      }
      // 2,000 rows of 4 KB: about 8 MB, all of it in the log when written.
      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(Files.size(file) - before).isGreaterThan(6L << 20));
      int rows =
          db.withHandle(h -> h.createQuery("select count(*) from note").mapTo(Integer.class).one());
      assertThat(rows).isEqualTo(2000);
    }
  }
}
