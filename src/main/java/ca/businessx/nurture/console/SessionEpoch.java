package ca.businessx.nurture.console;

import ca.businessx.nurture.platform.Database;
import java.time.Clock;

/**
 * The console's session epoch, kept in the database so every node sees a logout at once: a session
 * cookie is good only while the epoch it names is the current one.
 */
final class SessionEpoch {
  private final Database db;
  private final Clock clock;

  SessionEpoch(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /**
   * At start: the first epoch, or the next one when ADMIN_TOKEN changed since the last start.
   *
   * @param fingerprint identifies the token without revealing it
   */
  void begin(String fingerprint) {
    long now = clock.millis();
    db.inTransaction(
        h -> {
          h.createUpdate(
                  "insert into console_session_epoch (id, epoch, token_fingerprint, changed_at)"
                      + " values (1, 1, :f, :now) on conflict (id) do nothing")
              .bind("f", fingerprint)
              .bind("now", now)
              .execute();
          return h.createUpdate(
                  "update console_session_epoch set epoch = epoch + 1, token_fingerprint = :f,"
                      + " changed_at = :now where id = 1 and token_fingerprint <> :f")
              .bind("f", fingerprint)
              .bind("now", now)
              .execute();
        });
  }

  long current() {
    return db.withHandle(
        h ->
            h.createQuery("select epoch from console_session_epoch where id = 1")
                .mapTo(Long.class)
                .findOne()
                .orElse(0L));
  }

  /** Ends every session there is. */
  void advance() {
    long now = clock.millis();
    db.inTransaction(
        h ->
            h.createUpdate(
                    "update console_session_epoch set epoch = epoch + 1, changed_at = :now"
                        + " where id = 1")
                .bind("now", now)
                .execute());
  }
}
