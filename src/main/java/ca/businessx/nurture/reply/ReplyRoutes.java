package ca.businessx.nurture.reply;

import ca.businessx.nurture.platform.ApiError;
import ca.businessx.nurture.platform.Database;
import ca.businessx.nurture.platform.Hmac;
import ca.businessx.nurture.webhook.Fields;
import ca.businessx.nurture.webhook.RequestBody;
import ca.businessx.nurture.webhook.WebhookSignature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /webhook/reply}: a reply from a lead, from any mailbox that can post, signed like the
 * lead webhooks: {@code {email, subject, text, message_id}}.
 */
public final class ReplyRoutes {
  private final Database db;
  private final ReplyRecorder recorder;
  private final WebhookSignature signature;
  private final Clock clock;

  public ReplyRoutes(Database db, ReplyRecorder recorder, WebhookSignature signature, Clock clock) {
    this.db = db;
    this.recorder = recorder;
    this.signature = signature;
    this.clock = clock;
  }

  public void register(JavalinConfig cfg) {
    cfg.routes.post("/webhook/reply", this::reply);
  }

  private void reply(Context ctx) {
    if (!signature.required()) {
      throw new ApiError(503, "not_configured", "set WEBHOOK_SECRET to receive replies here");
    }
    byte[] raw = RequestBody.raw(ctx);
    java.util.Optional<String> claimed = signature.verify(ctx, raw);
    try {
      reply(ctx, raw);
    } catch (RuntimeException e) {
      // Refused input keeps its signature spent; our own failure lets the mailbox send it again.
      if (!(e instanceof ApiError a) || a.status() >= 500) {
        claimed.ifPresent(signature::release);
      }
      throw e;
    }
  }

  private void reply(Context ctx, byte[] raw) {
    ObjectNode body = RequestBody.parse(ctx.contentType(), raw);
    Fields f = new Fields(body);
    String email = f.email("email");
    String subject = f.text("subject", 500);
    String text = f.text("text", 100_000);
    String messageId = f.text("message_id", 180);
    f.throwIfInvalid();
    // Without a message id, the same reply posted twice is the same content.
    String id =
        messageId != null
            ? messageId
            : HexFormat.of()
                .formatHex(
                    Hmac.sha256(
                        "reply".getBytes(StandardCharsets.UTF_8),
                        email + "\n" + subject + "\n" + text))
                .substring(0, 40);
    ReplyRecorder.Outcome outcome =
        db.inTransaction(
            h ->
                recorder.record(
                    h, new ReplyRecorder.Reply("api", id, email, subject, text), clock.instant()));
    ctx.json(Map.of("status", outcome.name().toLowerCase(Locale.ROOT)));
  }
}
