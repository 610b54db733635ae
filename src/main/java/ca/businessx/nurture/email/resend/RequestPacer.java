package ca.businessx.nurture.email.resend;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;

/**
 * Keeps one instance under the provider's per-second limit, and holds every request back after a
 * 429 until the provider's {@code retry-after} has passed.
 *
 * <p>Two rules. Starts are spaced evenly, a little under the limit, rather than allowed in bursts.
 * And a request may start only a full window after the answer to the request {@code limit} places
 * before it: the provider counts arrivals in a sliding second, and an arrival lies somewhere
 * between a request's start and its answer. Spacing starts alone is not enough, because one request
 * that travels slowly (a cold connection, a slow hop) lets the next ones crowd into its second. A
 * token bucket (bucket4j) was tried first: on a change of pace it carried a token or part of one
 * saved at the old pace, which let the next request follow the last one too closely.
 */
final class RequestPacer {
  /** Pace a little under the limit: request arrival times jitter on the way to the provider. */
  private static final double HEADROOM = 0.9;

  private static final long UNANSWERED = Long.MAX_VALUE;

  /** A granted request; closing it records that its answer (or failure) has come back. */
  final class Permit implements AutoCloseable {
    private long answeredNanos = UNANSWERED;

    @Override
    public void close() {
      synchronized (RequestPacer.this) {
        answeredNanos = System.nanoTime();
        RequestPacer.this.notifyAll();
      }
    }
  }

  private double requestsPerSecond;
  private long intervalNanos;

  /** The earliest start of the next request; the last granted start is one interval earlier. */
  private long nextStartNanos = System.nanoTime();

  /** The most recent grants, oldest first, at most as many as the limit allows per window. */
  private final Deque<Permit> recent = new ArrayDeque<>();

  RequestPacer(double requestsPerSecond) {
    setPace(requestsPerSecond);
  }

  /** Blocks until this caller may send its request; close the permit when the answer is in. */
  synchronized Permit acquire() throws InterruptedException {
    while (true) {
      long now = System.nanoTime();
      int perWindow = Math.max(1, (int) Math.floor(requestsPerSecond));
      while (recent.size() > perWindow) {
        recent.removeFirst();
      }
      long start = Math.max(now, nextStartNanos);
      if (recent.size() == perWindow) {
        long answered = recent.peekFirst().answeredNanos;
        if (answered == UNANSWERED) {
          wait();
          continue;
        }
        long windowNanos = (long) (perWindow * 1_000_000_000L / requestsPerSecond);
        start = Math.max(start, answered + windowNanos);
      }
      if (start - now > 0) {
        TimeUnit.NANOSECONDS.timedWait(this, start - now);
        continue;
      }
      nextStartNanos = now + intervalNanos;
      Permit permit = new Permit();
      recent.addLast(permit);
      if (recent.size() > perWindow) {
        recent.removeFirst();
      }
      return permit;
    }
  }

  /** Holds back every request not yet granted for at least {@code wait}. */
  synchronized void pauseFor(Duration wait) {
    nextStartNanos = Math.max(nextStartNanos, System.nanoTime() + wait.toNanos());
  }

  /**
   * Follows the limit the provider announced, up or down. Configure a starting pace no higher than
   * the real limit (the default is the lowest documented one): requests already started at the old
   * pace cannot be called back.
   */
  synchronized void adaptTo(double limitPerSecond) {
    if (limitPerSecond > 0 && limitPerSecond != requestsPerSecond) {
      long lastStart = nextStartNanos - intervalNanos;
      setPace(limitPerSecond);
      nextStartNanos = lastStart + intervalNanos;
      notifyAll();
    }
  }

  synchronized double requestsPerSecond() {
    return requestsPerSecond;
  }

  private void setPace(double perSecond) {
    requestsPerSecond = perSecond;
    intervalNanos = (long) (1_000_000_000L / (perSecond * HEADROOM));
  }
}
