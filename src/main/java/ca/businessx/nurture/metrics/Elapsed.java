package ca.businessx.nurture.metrics;

import java.time.Duration;

/** Wall time of a call, from the monotonic clock: the injected Clock may stand still in tests. */
final class Elapsed {
  private Elapsed() {}

  static Duration since(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }
}
