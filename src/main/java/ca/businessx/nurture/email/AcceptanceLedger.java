package ca.businessx.nurture.email;

import ca.businessx.nurture.platform.Database;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives a provider without idempotency keys (SMTP) the port's promise as nearly as it can be kept:
 * each accepted email is committed here before the next is sent, and a key found here is answered
 * from the record instead of being sent again. Sends are taken one at a time per process, so a
 * crash can repeat at most one email: the one accepted in the instant before its record committed.
 * Whoever calls the port, with whatever grouping, keeps this rule.
 */
public final class AcceptanceLedger implements EmailSender {
  private static final Logger log = LoggerFactory.getLogger(AcceptanceLedger.class);
  private final EmailSender delegate;
  private final Database db;
  private final Clock clock;
  private final ReentrantLock oneAtATime = new ReentrantLock(true);

  public AcceptanceLedger(EmailSender delegate, Database db, Clock clock) {
    this.delegate = delegate;
    this.db = db;
    this.clock = clock;
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public SendResult send(OutboundEmail email) throws SendException {
    Optional<SendResult> known = recorded(email.idempotencyKey());
    if (known.isPresent()) {
      return known.get();
    }
    oneAtATime.lock();
    try {
      // Another thread may have sent it while this one waited.
      known = recorded(email.idempotencyKey());
      if (known.isPresent()) {
        return known.get();
      }
      SendResult result = delegate.send(email);
      record(email.idempotencyKey(), result);
      return result;
    } finally {
      oneAtATime.unlock();
    }
  }

  private Optional<SendResult> recorded(String key) {
    return db.withHandle(
        h ->
            h.createQuery(
                    "select provider_message_id from email_acceptances where idempotency_key = :k")
                .bind("k", key)
                .map((rs, ctx) -> new SendResult(rs.getString(1)))
                .findOne());
  }

  private void record(String key, SendResult result) {
    try {
      db.inTransaction(
          h ->
              h.createUpdate(
                      "insert into email_acceptances (idempotency_key, provider,"
                          + " provider_message_id, accepted_at) values (:k, :p, :m, :now)"
                          + " on conflict (idempotency_key) do nothing")
                  .bind("k", key)
                  .bind("p", delegate.name())
                  .bind("m", result.providerMessageId())
                  .bind("now", clock.millis())
                  .execute());
    } catch (RuntimeException e) {
      // The email went out: answer so, and let the caller record it as usual.
      log.warn("could not record an accepted {} email in the ledger", delegate.name());
    }
  }
}
