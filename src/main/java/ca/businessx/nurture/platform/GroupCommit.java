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
 * synchronous=FULL} pays an fsync per commit). Callers queue their work; one of them at a time
 * leads, takes the writer lock, runs every queued work in one transaction and commits once. Each
 * caller returns only after the commit that holds its work, so an answer given after it is as
 * durable as with a transaction of its own. A work that throws rolls the whole transaction back,
 * its caller gets the exception, and the group's other works run again in a new transaction without
 * it: a work may therefore run more than once, each run but the last rolled back, so it must do
 * nothing outside the handle that a second run would repeat. Under no contention a group is one
 * work and nothing waits longer than before.
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
  private final java.util.concurrent.atomic.AtomicBoolean leading =
      new java.util.concurrent.atomic.AtomicBoolean();

  GroupCommit(Lock writer, Transactor transactor) {
    this.writer = writer;
    this.transactor = transactor;
  }

  <R, X extends Exception> R run(HandleCallback<R, X> work) throws X {
    Pending<R> mine = new Pending<>(work);
    queue.add(mine);
    // Every caller used to queue on the writer lock, so after a group's commit its members took
    // the lock one after another only to find their work done: a convoy of wake-ups, one at a
    // time. Now one caller leads at a time; the others sleep until their work is committed (the
    // leader wakes them all) or until they are asked to lead the next group.
    while (!mine.done) {
      if (leading.compareAndSet(false, true)) {
        try {
          writer.lock();
          try {
            while (!mine.done) {
              commitGroup();
            }
          } finally {
            writer.unlock();
          }
        } finally {
          leading.set(false);
          // Whoever queued while this group ran leads the next (it may find a leader already).
          Pending<?> next = queue.peek();
          if (next != null) {
            next.nudge();
          }
        }
      } else {
        mine.awaitDoneOrNudge();
      }
    }
    return mine.outcome();
  }

  private void commitGroup() {
    List<Pending<?>> group = new ArrayList<>();
    for (Pending<?> p; group.size() < MAX_GROUP && (p = queue.poll()) != null; ) {
      group.add(p);
    }
    // Works almost never fail, and a savepoint around each cost two statements per work (a third
    // of a signup's). So the group runs bare; when a work throws, the whole transaction is rolled
    // back, that work keeps its exception, and the others run again without it.
    List<Pending<?>> remaining = group;
    while (!remaining.isEmpty()) {
      List<Pending<?>> running = remaining;
      remaining = List.of();
      try {
        transactor.inTransaction(
            h -> {
              for (Pending<?> p : running) {
                p.attempt(h);
              }
            });
      } catch (WorkFailed e) {
        remaining = new ArrayList<>(running);
        remaining.remove(e.work);
        remaining.forEach(Pending::forget);
      } catch (RuntimeException | Error e) {
        running.forEach(p -> p.commitFailed(e));
      }
    }
    group.forEach(Pending::finish);
  }

  /** Aborts a group's transaction: this work failed, so the group is rolled back without it. */
  private static final class WorkFailed extends RuntimeException {
    private final transient Pending<?> work;

    WorkFailed(Pending<?> work) {
      super(null, null, false, false);
      this.work = work;
    }
  }

  private static final class Pending<R> {
    private final HandleCallback<R, ?> work;
    private final Thread caller = Thread.currentThread();
    // Written by the leader before done, read by the caller after it sees done.
    private R result;
    private Throwable failure;
    private volatile boolean done;
    private volatile boolean nudged;

    Pending(HandleCallback<R, ?> work) {
      this.work = work;
    }

    void finish() {
      done = true;
      java.util.concurrent.locks.LockSupport.unpark(caller);
    }

    void nudge() {
      nudged = true;
      java.util.concurrent.locks.LockSupport.unpark(caller);
    }

    /** Like waiting for the writer lock before, an interrupt does not end the wait. */
    void awaitDoneOrNudge() {
      boolean interrupted = false;
      while (!done && !nudged) {
        java.util.concurrent.locks.LockSupport.park(this);
        interrupted |= Thread.interrupted();
      }
      nudged = false;
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }

    void attempt(Handle h) {
      try {
        result = work.withHandle(h);
      } catch (Exception | Error e) {
        failure = e;
        throw new WorkFailed(this);
      }
    }

    /** Its group was rolled back by another's failure: it will run again. */
    void forget() {
      result = null;
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
