package ca.businessx.nurture.email.resend;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Spaces request starts evenly so that one instance never exceeds the provider's per-second limit,
 * and holds every request back after a 429 until the provider's {@code retry-after} has passed.
 *
 * <p>Requests are spread out rather than allowed in bursts, because the provider counts arrivals in
 * a sliding second and a burst of even two can land inside one. A token bucket (bucket4j) was tried
 * first: on a change of pace it carried a token or part of one saved at the old pace, which let the
 * next request follow the last one too closely.
 */
final class RequestPacer {
  /** Pace a little under the limit: request arrival times jitter on the way to the provider. */
  private static final double HEADROOM = 0.9;

  private double requestsPerSecond;
  private long intervalNanos;
  /** The earliest start of the next request; the last granted start is one interval earlier. */
  private long nextStartNanos = System.nanoTime();

  RequestPacer(double requestsPerSecond) {
    setPace(requestsPerSecond);
  }

  /** Blocks until this caller may send its request, and reserves the slot after it for the next. */
  void acquire() throws InterruptedException {
    long wait;
    synchronized (this) {
      long now = System.nanoTime();
      long start = Math.max(now, nextStartNanos);
      nextStartNanos = start + intervalNanos;
      wait = start - now;
    }
    TimeUnit.NANOSECONDS.sleep(wait);
  }

  /** Holds back every request not yet granted for at least {@code wait}. */
  synchronized void pauseFor(Duration wait) {
    nextStartNanos = Math.max(nextStartNanos, System.nanoTime() + wait.toNanos());
  }

  /**
   * Follows the limit the provider announced, up or down. Requests already waiting keep the slot
   * they reserved, so configure a starting pace no higher than the real limit (the default is the
   * lowest documented one).
   */
  synchronized void adaptTo(double limitPerSecond) {
    if (limitPerSecond > 0 && limitPerSecond != requestsPerSecond) {
      long lastStart = nextStartNanos - intervalNanos;
      setPace(limitPerSecond);
      nextStartNanos = lastStart + intervalNanos;
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
