package ca.businessx.nurture.webhook;

import ca.businessx.nurture.platform.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Signatures of lead webhooks already accepted, in the database so every node refuses a replay, and
 * a restart forgets nothing. A signature is kept until its timestamp is too old to be accepted
 * anyway.
 */
final class SeenSignatures {
  /** Expired rows are swept on one claim in this many, so the table stays small for free. */
  private static final int SWEEP_EVERY = 64;

  private final Database db;
  private final Clock clock;
  private final AtomicLong claims = new AtomicLong();

  SeenSignatures(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Records the signature; false when it was seen before (a replay). */
  boolean claim(String hash, Instant usableUntil) {
    boolean sweep = claims.incrementAndGet() % SWEEP_EVERY == 0;
    long now = clock.millis();
    return db.inGroupTransaction(
        h -> {
          if (sweep) {
            h.createUpdate("delete from seen_webhook_signatures where expires_at < :now")
                .bind("now", now)
                .execute();
          }
          return h.createUpdate(
                      "insert into seen_webhook_signatures (signature_hash, expires_at)"
                          + " values (:hash, :until) on conflict (signature_hash) do nothing")
                  .bind("hash", hash)
                  .bind("until", usableUntil.toEpochMilli())
                  .execute()
              == 1;
        });
  }

  /** Forgets a claimed signature whose request then failed on our side, so it may be retried. */
  void release(String hash) {
    db.inGroupTransaction(
        h ->
            h.createUpdate("delete from seen_webhook_signatures where signature_hash = :hash")
                .bind("hash", hash)
                .execute());
  }
}
