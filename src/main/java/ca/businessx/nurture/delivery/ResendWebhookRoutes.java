package ca.businessx.nurture.delivery;

import ca.businessx.nurture.platform.ApiError;
import ca.businessx.nurture.platform.Database;
import ca.businessx.nurture.unsubscribe.ContactSuppressor;
import ca.businessx.nurture.webhook.RequestBody;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /webhook/resend}: Resend's delivery events, signed by Svix. A message id seen before
 * is acknowledged and ignored, in the same transaction that records the event.
 */
public final class ResendWebhookRoutes {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Database db;
  private final Optional<SvixVerifier> verifier;
  private final DeliveryEvents events;
  private final Clock clock;

  public ResendWebhookRoutes(
      Database db, Optional<String> secret, ContactSuppressor suppressor, Clock clock) {
    this.db = db;
    this.verifier = secret.map(s -> new SvixVerifier(s, clock));
    this.events = new DeliveryEvents(suppressor);
    this.clock = clock;
  }

  public void register(JavalinConfig cfg) {
    cfg.routes.post("/webhook/resend", this::receive);
  }

  private void receive(Context ctx) {
    if (verifier.isEmpty()) {
      throw new ApiError(
          503, "not_configured", "set RESEND_WEBHOOK_SECRET to receive Resend events");
    }
    byte[] raw = RequestBody.raw(ctx);
    String messageId = verifier.get().verify(ctx, raw);
    JsonNode event;
    try {
      event = JSON.readTree(raw);
    } catch (Exception e) {
      throw new ApiError(400, "malformed_body", "the event is not valid JSON");
    }
    if (event == null || !event.isObject()) {
      throw new ApiError(400, "malformed_body", "the event must be a JSON object");
    }
    Instant now = clock.instant();
    String outcome =
        db.inTransaction(
            h -> {
              int fresh =
                  h.createUpdate(
                          "insert into webhook_receipts (id, received_at) values (:id, :now) on conflict (id) do nothing")
                      .bind(
                          "id",
                          "resend:" + messageId.substring(0, Math.min(messageId.length(), 180)))
                      .bind("now", now.toEpochMilli())
                      .execute();
              if (fresh == 0) {
                return "duplicate";
              }
              return events.record(h, event, now) ? "recorded" : "unknown_email";
            });
    ctx.json(Map.of("status", outcome));
  }
}
