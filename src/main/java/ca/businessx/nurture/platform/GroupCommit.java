package ca.businessx.nurture.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.Lock;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.HandleConsumer;

/**
 * Group commit for a database with one writer and a costly commit (SQLite with {@code
 * synchronous=FULL} pays an fsync per commit). Callers queue their work and wait for the writer
 * lock; whoever gets it runs every queued work in one transaction, each inside its own savepoint,
 * and commits once. Each caller returns only after the commit that holds its work, so an answer
 * given after it is as durable as with a transaction of its own; a work that throws is rolled back
 * to its savepoint alone and its caller gets the exception. Under no contention a group is one work
 * and nothing waits longer than before.
 */
final class GroupCommit {
  /** Bounds one commit's size, so a caller's wait is bounded too. */
  static final int MAX_GROUP = 64;

  /** Runs the group's work in one transaction on the writer's connection and commits it. */
  interface Transactor {
    void inTransaction(HandleConsumer<RuntimeException> work);
  }

  private final Lock writer;
  private final Transactor transactor;
  private final ConcurrentLinkedQueue<Pending<?>> queue = new ConcurrentLinkedQueue<>();

  GroupCommit(Lock writer, Transactor transactor) {
    this.writer = writer;
    this.transactor = transactor;
  }

  <R, X extends Exception> R run(HandleCallback<R, X> work) throws X {
    Pending<R> mine = new Pending<>(work);
    queue.add(mine);
    writer.lock();
    try {
      while (!mine.done) {
        commitGroup();
      }
    } finally {
      writer.unlock();
    }
    return mine.outcome();
  }

  private void commitGroup() {
    List<Pending<?>> group = new ArrayList<>();
    for (Pending<?> p; group.size() < MAX_GROUP && (p = queue.poll()) != null; ) {
      group.add(p);
    }
    try {
      transactor.inTransaction(
          h -> {
            for (int i = 0; i < group.size(); i++) {
              String savepoint = "g" + i;
              h.savepoint(savepoint);
              try {
                group.get(i).attempt(h);
                h.releaseSavepoint(savepoint);
              } catch (Exception | Error e) {
                // Undoes this work only; Jdbi forgets the savepoint, the commit releases it.
                h.rollbackToSavepoint(savepoint);
              }
            }
          });
    } catch (RuntimeException | Error e) {
      group.forEach(p -> p.commitFailed(e));
    }
    group.forEach(p -> p.done = true);
  }

  private static final class Pending<R> {
    private final HandleCallback<R, ?> work;
    private R result;
    private Throwable failure;
    // Written and read under the writer lock only.
    private boolean done;

    Pending(HandleCallback<R, ?> work) {
      this.work = work;
    }

    void attempt(Handle h) throws Exception {
      try {
        result = work.withHandle(h);
      } catch (Exception | Error e) {
        failure = e;
        throw e;
      }
    }

    void commitFailed(Throwable e) {
      if (failure == null) {
        failure = e;
        result = null;
      }
    }

    @SuppressWarnings("unchecked")
    <X extends Exception> R outcome() throws X {
      if (failure instanceof Error error) {
        throw error;
      }
      if (failure != null) {
        throw (X) failure;
      }
      return result;
    }
  }
}
