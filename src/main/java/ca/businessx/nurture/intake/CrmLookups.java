package ca.businessx.nurture.intake;

import ca.businessx.nurture.contact.ContactCrm;
import ca.businessx.nurture.contact.CrmContact;
import ca.businessx.nurture.contact.CrmException;
import ca.businessx.nurture.suppression.SuppressionList;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Look-ups of unknown leads in the CRM, made on the web thread of an assessment: at most {@link
 * #MAX_CONCURRENT} at once (others are refused at once, to be retried), and an answer "not there"
 * is kept for {@link #MISS_TTL}, so a flood of assessments for unknown addresses costs the CRM one
 * request per address a minute. Misses are keyed by hash: no address is held in memory longer.
 */
final class CrmLookups {
  static final int MAX_CONCURRENT = 4;
  static final Duration MISS_TTL = Duration.ofMinutes(1);
  private static final int MAX_MISSES = 10_000;

  private final ContactCrm crm;
  private final Clock clock;
  private final Semaphore slots = new Semaphore(MAX_CONCURRENT);
  private final Map<String, Instant> missesUntil = new ConcurrentHashMap<>();

  CrmLookups(ContactCrm crm, Clock clock) {
    this.crm = crm;
    this.clock = clock;
  }

  String name() {
    return crm.name();
  }

  /**
   * @throws CrmException transient, with a retry delay, when too many look-ups are under way or the
   *     CRM could not be asked in time
   */
  Optional<CrmContact> findByEmail(String email) {
    String key = SuppressionList.hash(email);
    Instant now = clock.instant();
    Instant until = missesUntil.get(key);
    if (until != null && now.isBefore(until)) {
      return Optional.empty();
    }
    if (!slots.tryAcquire()) {
      throw new CrmException("too many CRM look-ups under way", true, Duration.ofSeconds(1));
    }
    try {
      Optional<CrmContact> found = crm.findByEmail(email);
      if (found.isEmpty()) {
        if (missesUntil.size() >= MAX_MISSES) {
          missesUntil.values().removeIf(t -> !now.isBefore(t));
          if (missesUntil.size() >= MAX_MISSES) {
            missesUntil.clear();
          }
        }
        missesUntil.put(key, clock.instant().plus(MISS_TTL));
      } else {
        missesUntil.remove(key);
      }
      return found;
    } finally {
      slots.release();
    }
  }
}
