package ca.businessx.nurture.email;

import ca.businessx.nurture.platform.Rows;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** Reads back what the local outbox recorded. */
public final class OutboxRepository {

  public record OutboxEntry(
      String id,
      String idempotencyKey,
      String recipient,
      String templateKey,
      String subject,
      String html,
      Instant recordedAt) {}

  public List<OutboxEntry> recent(Handle h, int limit) {
    return h.createQuery(
            "select id, idempotency_key, recipient, template_key, subject, html, recorded_at"
                + " from outbox order by recorded_at desc, id limit :limit")
        .bind("limit", limit)
        .map(
            (rs, ctx) ->
                new OutboxEntry(
                    rs.getString("id"),
                    rs.getString("idempotency_key"),
                    rs.getString("recipient"),
                    rs.getString("template_key"),
                    rs.getString("subject"),
                    rs.getString("html"),
                    Rows.instant(rs, "recorded_at")))
        .list();
  }
}
