package ca.businessx.nurture.email;

import ca.businessx.nurture.platform.Ids;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/**
 * The default sender: records every email in the local outbox table instead of mailing it, so a
 * newcomer sees the sequence work with no email account. Deduplicates on the idempotency key the
 * way a real provider does.
 */
public final class OutboxSender implements EmailSender {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Jdbi jdbi;
  private final Clock clock;

  public OutboxSender(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "outbox";
  }

  @Override
  public SendResult send(OutboundEmail email) {
    String headers;
    try {
      headers = JSON.writeValueAsString(email.headers());
    } catch (JsonProcessingException e) {
      throw SendException.permanent("headers cannot be written as JSON");
    }
    return jdbi.withHandle(
        h -> {
          h.createUpdate(
                  "insert into outbox (id, idempotency_key, recipient, template_key, subject, html,"
                      + " headers, recorded_at) values (:id, :key, :to, :template, :subject, :html,"
                      + " :headers, :now) on conflict (idempotency_key) do nothing")
              .bind("id", Ids.newId())
              .bind("key", email.idempotencyKey())
              .bind("to", email.to())
              .bind("template", email.templateKey())
              .bind("subject", email.subject())
              .bind("html", email.html())
              .bind("headers", headers)
              .bind("now", clock.millis())
              .execute();
          String id =
              h.createQuery("select id from outbox where idempotency_key = :key")
                  .bind("key", email.idempotencyKey())
                  .mapTo(String.class)
                  .one();
          return new SendResult(id);
        });
  }
}
