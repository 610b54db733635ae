package ca.businessx.nurture.email.resend;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TokensInheritanceStrategy;
import java.time.Duration;

/**
 * Spaces requests evenly so that one instance never exceeds the provider's per-second limit, and
 * holds every request back after a 429 until the provider's {@code retry-after} has passed.
 *
 * <p>The bucket holds a single token: a burst is spread out instead of fired at once, because the
 * provider counts arrivals in a sliding second and a burst of even two can land inside one.
 */
final class RequestPacer {
  /** Pace a little under the limit: request arrival times jitter on the way to the provider. */
  private static final double HEADROOM = 0.9;

  private final Bucket bucket;
  private volatile double requestsPerSecond;

  RequestPacer(double requestsPerSecond) {
    this.requestsPerSecond = requestsPerSecond;
    this.bucket = Bucket.builder().addLimit(bandwidth(requestsPerSecond)).build();
  }

  /** Blocks until this caller may send its request. */
  void acquire() throws InterruptedException {
    bucket.asBlocking().consume(1);
  }

  /** Holds back every later request for at least {@code wait}. */
  void pauseFor(Duration wait) {
    long tokens = (long) Math.ceil(wait.toNanos() / (double) intervalNanos(requestsPerSecond));
    if (tokens > 0) {
      bucket.consumeIgnoringRateLimits(tokens);
    }
  }

  /** Follows the limit the provider announced, up or down. */
  synchronized void adaptTo(double limitPerSecond) {
    if (limitPerSecond <= 0 || limitPerSecond == requestsPerSecond) {
      return;
    }
    requestsPerSecond = limitPerSecond;
    BucketConfiguration config =
        BucketConfiguration.builder().addLimit(bandwidth(limitPerSecond)).build();
    bucket.replaceConfiguration(config, TokensInheritanceStrategy.AS_IS);
  }

  double requestsPerSecond() {
    return requestsPerSecond;
  }

  private static Bandwidth bandwidth(double perSecond) {
    Duration interval = Duration.ofNanos(intervalNanos(perSecond));
    return Bandwidth.builder().capacity(1).refillGreedy(1, interval).initialTokens(1).build();
  }

  private static long intervalNanos(double perSecond) {
    return (long) (1_000_000_000L / (perSecond * HEADROOM));
  }
}
