package ca.businessx.nurture.delivery;

import ca.businessx.nurture.engagement.EngagementTracker;
import ca.businessx.nurture.link.ClickRecorder;
import ca.businessx.nurture.platform.ApiError;
import ca.businessx.nurture.platform.Database;
import ca.businessx.nurture.reply.ReplyRecorder;
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
import org.jdbi.v3.core.Handle;

/**
 * {@code POST /webhook/resend}: Resend's delivery events, signed by Svix. A message id seen before
 * is acknowledged and ignored, in the same transaction that records the event.
 */
public final class ResendWebhookRoutes {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Database db;
  private final Optional<SvixVerifier> verifier;
  private final DeliveryEvents events;
  private final ReplyRecorder replies;
  private final Clock clock;

  public ResendWebhookRoutes(
      Database db,
      Optional<String> secret,
      ContactSuppressor suppressor,
      ReplyRecorder replies,
      ClickRecorder clicks,
      EngagementTracker engagement,
      Clock clock) {
    this.db = db;
    this.replies = replies;
    this.verifier = secret.map(s -> new SvixVerifier(s, clock));
    this.events = new DeliveryEvents(suppressor, clicks, engagement);
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
              if (event.path("type").asText("").equals("email.received")) {
                return received(h, messageId, event.path("data"), now);
              }
              return events.record(h, event, now) ? "recorded" : "unknown_email";
            });
    ctx.json(Map.of("status", outcome));
  }

  /**
   * Inbound mail (Resend's receiving): a reply when it comes from a lead. The event carries
   * metadata only; the body stays at Resend, so the reply's text is not stored here.
   */
  private String received(Handle h, String messageId, JsonNode data, Instant now) {
    String from = address(data.path("from").asText(""));
    String id = data.path("email_id").asText(messageId);
    ReplyRecorder.Outcome outcome =
        replies.record(
            h,
            new ReplyRecorder.Reply("resend", id, from, data.path("subject").asText(null), null),
            now);
    return outcome.name().toLowerCase(java.util.Locale.ROOT);
  }

  /** {@code Ana Tremblay <ana@example.ca>} or a bare address, trimmed and lower-cased. */
  static String address(String from) {
    int open = from.lastIndexOf('<');
    int close = from.lastIndexOf('>');
    String a = open >= 0 && close > open ? from.substring(open + 1, close) : from;
    return a.trim().toLowerCase(java.util.Locale.ROOT);
  }
}
