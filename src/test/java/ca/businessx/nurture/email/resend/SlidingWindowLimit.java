package ca.businessx.nurture.email.resend;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The strictest reading of "N requests per second": at most N arrivals in any one-second window,
 * wherever the window starts. A client that passes this passes a fixed-window limiter too.
 */
final class SlidingWindowLimit {
  private static final long WINDOW_NANOS = 1_000_000_000L;
  private final Deque<Long> arrivals = new ArrayDeque<>();
  private int limit;

  SlidingWindowLimit(int limit) {
    this.limit = limit;
  }

  synchronized void setLimit(int limit) {
    this.limit = limit;
  }

  synchronized int limit() {
    return limit;
  }

  /** Counts the arrival and answers true, or answers false and leaves it uncounted. */
  synchronized boolean tryAcquire(long nowNanos) {
    expire(nowNanos);
    if (limit > 0 && arrivals.size() >= limit) {
      return false;
    }
    arrivals.addLast(nowNanos);
    return true;
  }

  synchronized int remaining(long nowNanos) {
    expire(nowNanos);
    return Math.max(0, limit - arrivals.size());
  }

  /** Whole seconds until the oldest counted arrival leaves the window (at least 1). */
  synchronized long secondsUntilReset(long nowNanos) {
    expire(nowNanos);
    if (arrivals.isEmpty()) {
      return 1;
    }
    long left = arrivals.peekFirst() + WINDOW_NANOS - nowNanos;
    return Math.max(1, (left + WINDOW_NANOS - 1) / WINDOW_NANOS);
  }

  private void expire(long nowNanos) {
    while (!arrivals.isEmpty() && nowNanos - arrivals.peekFirst() >= WINDOW_NANOS) {
      arrivals.removeFirst();
    }
  }
}
