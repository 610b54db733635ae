package ca.businessx.nurture.booking;

import ca.businessx.nurture.booking.BookingEvent.Attendee;
import ca.businessx.nurture.booking.BookingEvent.Kind;
import ca.businessx.nurture.booking.BookingEvent.Source;
import ca.businessx.nurture.platform.ApiError;
import ca.businessx.nurture.webhook.RequestBody;
import ca.businessx.nurture.webhook.WebhookSignature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The calendars' webhooks: Cal.com, Calendly, and a generic one for any other tool. Each verifies
 * its provider's signature over the raw body, reads the event, and records it in one transaction.
 */
public final class BookingRoutes {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final BookingRecorder recorder;
  private final Optional<byte[]> calcomSecret;
  private final Optional<byte[]> calendlySecret;
  private final WebhookSignature signature;
  private final Clock clock;

  public BookingRoutes(
      BookingRecorder recorder,
      Optional<String> calcomSecret,
      Optional<String> calendlySecret,
      WebhookSignature signature,
      Clock clock) {
    this.recorder = recorder;
    this.calcomSecret = calcomSecret.map(s -> s.getBytes(StandardCharsets.UTF_8));
    this.calendlySecret = calendlySecret.map(s -> s.getBytes(StandardCharsets.UTF_8));
    this.signature = signature;
    this.clock = clock;
  }

  public void register(JavalinConfig cfg) {
    cfg.routes.post("/webhook/booking/calcom", this::calcom);
    cfg.routes.post("/webhook/booking/calendly", this::calendly);
    cfg.routes.post("/webhook/booking", this::generic);
  }

  private void calcom(Context ctx) {
    byte[] secret = configured(calcomSecret, "CALCOM_WEBHOOK_SECRET");
    byte[] raw = RequestBody.raw(ctx);
    BookingSignatures.calcom(secret, ctx.header("X-Cal-Signature-256"), raw);
    answer(ctx, BookingPayloads.calcom(json(raw)));
  }

  private void calendly(Context ctx) {
    byte[] secret = configured(calendlySecret, "CALENDLY_WEBHOOK_SECRET");
    byte[] raw = RequestBody.raw(ctx);
    BookingSignatures.calendly(secret, ctx.header("Calendly-Webhook-Signature"), raw, clock);
    answer(ctx, BookingPayloads.calendly(json(raw)));
  }

  /** {@code {email, starts_at, source, external_id, event}}, signed like the lead webhooks. */
  private void generic(Context ctx) {
    if (!signature.required()) {
      throw new ApiError(503, "not_configured", "set WEBHOOK_SECRET to receive bookings here");
    }
    byte[] raw = RequestBody.raw(ctx);
    Optional<String> claimed = signature.verify(ctx, raw);
    try {
      generic(ctx, json(raw));
    } catch (RuntimeException e) {
      // Refused input keeps its signature spent; our own failure lets the tool send it again.
      if (!(e instanceof ApiError a) || a.status() >= 500) {
        claimed.ifPresent(signature::release);
      }
      throw e;
    }
  }

  private void generic(Context ctx, JsonNode body) {
    Attendee lead =
        BookingPayloads.attendee(body.path("email"), body.path("name"))
            .orElseThrow(() -> BookingPayloads.invalid("email", "must be a valid email address"));
    String tool = body.path("source").asText("api").strip().toLowerCase(Locale.ROOT);
    if (!tool.matches("[a-z0-9._-]{1,40}")) {
      throw BookingPayloads.invalid("source", "must be a tool's name: letters, digits, . _ -");
    }
    JsonNode external = body.path("external_id");
    if (!external.isTextual() && !external.isNumber() || external.asText().isBlank()) {
      throw BookingPayloads.invalid("external_id", "is required: the tool's booking id");
    }
    if (external.asText().length() > 120) {
      throw BookingPayloads.invalid("external_id", "must be at most 120 characters");
    }
    Kind kind =
        switch (body.path("event").asText("booked")) {
          case "booked" -> Kind.BOOKED;
          case "cancelled", "canceled" -> Kind.CANCELLED;
          default -> throw BookingPayloads.invalid("event", "must be booked or cancelled");
        };
    answer(
        ctx,
        Optional.of(
            new BookingEvent(
                Source.API,
                kind,
                tool + ":" + external.asText().strip(),
                List.of(lead),
                BookingPayloads.time(body.path("starts_at"), "starts_at"))));
  }

  private void answer(Context ctx, Optional<BookingEvent> event) {
    if (event.isEmpty()) {
      ctx.json(Map.of("status", "ignored"));
      return;
    }
    BookingRecorder.Outcome outcome = recorder.record(event.get());
    ctx.json(Map.of("status", outcome.name().toLowerCase(Locale.ROOT)));
  }

  private static byte[] configured(Optional<byte[]> secret, String setting) {
    return secret.orElseThrow(
        () -> new ApiError(503, "not_configured", "set " + setting + " to receive these events"));
  }

  private static ObjectNode json(byte[] raw) {
    JsonNode node;
    try {
      node = JSON.readTree(raw);
    } catch (Exception e) {
      throw new ApiError(400, "malformed_body", "the event is not valid JSON");
    }
    if (node == null || !node.isObject()) {
      throw new ApiError(400, "malformed_body", "the event must be a JSON object");
    }
    return (ObjectNode) node;
  }
}
