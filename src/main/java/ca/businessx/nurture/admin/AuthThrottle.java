package ca.businessx.nurture.admin;

import ca.businessx.nurture.platform.LruMap;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Slows down guessing of the admin token, per client address: the first few wrong tokens cost
 * nothing, then each one locks that client out twice as long as the last (1 s, 2 s, 4 s, … up to 15
 * minutes). While locked out every attempt is refused, right or wrong, so a guess cannot be
 * confirmed early. A right token clears the record. Per node, in memory: a restart forgives.
 */
public final class AuthThrottle {
  static final int FREE_FAILURES = 3;
  static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
  static final Duration LONGEST_PAUSE = Duration.ofMinutes(15);
  private static final int MAX_CLIENTS = 10_000;

  private record Record(int failures, Instant lockedUntil) {}

  private final LruMap<String, Record> records = new LruMap<>(MAX_CLIENTS);
  private final Clock clock;

  public AuthThrottle(Clock clock) {
    this.clock = clock;
  }

  /** How long this client must still wait before it may try again; empty when it may now. */
  public Optional<Duration> wait(String client) {
    Record r = records.get(client);
    Instant now = clock.instant();
    if (r == null || !r.lockedUntil().isAfter(now)) {
      return Optional.empty();
    }
    return Optional.of(Duration.between(now, r.lockedUntil()));
  }

  public void failed(String client) {
    Instant now = clock.instant();
    records.compute(
        client,
        (key, r) -> {
          int failures = r == null ? 1 : r.failures() + 1;
          return new Record(failures, now.plus(pause(failures)));
        });
  }

  public void succeeded(String client) {
    records.remove(client);
  }

  /** The lock-out after the n-th wrong token in a row. */
  static Duration pause(int failures) {
    if (failures <= FREE_FAILURES) {
      return Duration.ZERO;
    }
    int doublings = Math.min(failures - FREE_FAILURES - 1, 20);
    Duration pause = FIRST_PAUSE.multipliedBy(1L << doublings);
    return pause.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause;
  }
}
