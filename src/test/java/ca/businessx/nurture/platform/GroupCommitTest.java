package ca.businessx.nurture.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Webhook writes that arrive together on SQLite share a commit, and each still stands alone. */
class GroupCommitTest {
  private static final int WRITERS = 20;
  private static final int FAILING = 7;

  @TempDir Path dir;
  private Database db;

  @BeforeEach
  void open() {
    db =
        Database.open(
            new Config.Db(Optional.empty(), Optional.empty(), Optional.empty(), "FULL"),
            dir,
            "test");
    db.useHandle(h -> h.execute("create table lead (n integer primary key)"));
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void writersQueuedBehindAnotherShareOneCommitAndAFailureRollsBackOnlyItsOwnWrite()
      throws Exception {
    Set<String> committedOn = ConcurrentHashMap.newKeySet();
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<Future<Integer>> answers = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1)) {
      pool.submit(
          () ->
              db.inTransaction(
                  h -> {
                    holding.countDown();
                    release.await();
                    return null;
                  }));
      holding.await();
      for (int i = 0; i < WRITERS; i++) {
        int n = i;
        answers.add(
            pool.submit(
                () ->
                    db.inGroupTransaction(
                        h -> {
                          h.execute("insert into lead (n) values (?)", n);
                          committedOn.add(Thread.currentThread().getName());
                          if (n == FAILING) {
                            throw new IllegalArgumentException("lead " + n + " is refused");
                          }
                          return n;
                        })));
      }
      Thread.sleep(300);
      release.countDown();

      for (int i = 0; i < WRITERS; i++) {
        if (i == FAILING) {
          assertThat(answers.get(i))
              .failsWithin(java.time.Duration.ofSeconds(10))
              .withThrowableThat()
              .havingCause()
              .withMessage("lead 7 is refused");
        } else {
          assertThat(answers.get(i).get()).isEqualTo(i);
        }
      }
    }
    List<Integer> stored =
        db.withHandle(
            h -> h.createQuery("select n from lead order by n").mapTo(Integer.class).list());
    assertThat(stored).hasSize(WRITERS - 1).doesNotContain(FAILING);
    assertThat(committedOn).as("threads that ran a group's commit").hasSizeLessThan(WRITERS / 2);
  }

  @Test
  void aLoneWriterCommitsAtOnce() {
    int inserted = db.inGroupTransaction(h -> h.execute("insert into lead (n) values (1)"));
    int stored =
        db.withHandle(h -> h.createQuery("select count(*) from lead").mapTo(Integer.class).one());
    assertThat(inserted).isEqualTo(1);
    assertThat(stored).isEqualTo(1);
  }
}
