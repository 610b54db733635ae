package ca.businessx.nurture.alert.sms;

import ca.businessx.nurture.support.Connections;
import ca.businessx.nurture.support.FaultQueue;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * A local Twilio Messages API (providers.md §4b): HTTP Basic with the account SID and auth token
 * (401 code 20003 otherwise), a form-encoded body with {@code To}, {@code From} and {@code Body}
 * (21604, 21603, 21602 when missing), E.164 numbers (21211), a {@code From} the account owns
 * (21606), landlines refused (21614), 201 with a message resource; injected 429s (code 20429 with
 * Retry-After), 500s, 503s and dropped connections.
 */
public final class FakeTwilio implements AutoCloseable {
  public static final String SID = "AC" + "0123456789abcdef".repeat(2);
  public static final String TOKEN = "twilio-auth-token-0123";
  public static final String FROM = "+15145550000";
  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");

  public enum Fault {
    RATE_LIMIT_429,
    HTTP_500,
    HTTP_503,
    DROP_CONNECTION
  }

  public record Message(String sid, String to, String from, String body) {}

  /** Every request that reached the fake; status -1 when dropped, code 0 when accepted. */
  public record Request(String path, int status, int code) {}

  private final ObjectMapper json = new ObjectMapper();
  private final List<Message> messages = new CopyOnWriteArrayList<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Set<String> landlines = ConcurrentHashMap.newKeySet();
  private final FaultQueue<Fault> faults = new FaultQueue<>();
  private final AtomicLong ids = new AtomicLong();
  private final Javalin app;

  private FakeTwilio() {
    app =
        Javalin.create(
            cfg -> {
              cfg.startup.startupWatcherEnabled = false;
              cfg.startup.showJavalinBanner = false;
              cfg.routes.post("/2010-04-01/Accounts/{sid}/Messages.json", this::messages);
              cfg.routes.get("/2010-04-01/Accounts/{account}", this::account);
            });
  }

  public static FakeTwilio start() {
    FakeTwilio fake = new FakeTwilio();
    fake.app.start("127.0.0.1", 0);
    return fake;
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + app.port());
  }

  /** The settings a Nurture configured for this fake would use. */
  public Map<String, String> env(String... to) {
    return Map.of(
        "TWILIO_API_URL", url().toString(),
        "TWILIO_ACCOUNT_SID", SID,
        "TWILIO_AUTH_TOKEN", TOKEN,
        "TWILIO_FROM", FROM,
        "SMS_ALERT_TO", String.join(",", to));
  }

  public FakeTwilio landline(String number) {
    landlines.add(number);
    return this;
  }

  public FakeTwilio inject(Fault fault, int times) {
    faults.inject(fault, times);
    return this;
  }

  public List<Message> messages() {
    return List.copyOf(messages);
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  @Override
  public void close() {
    app.stop();
  }

  private boolean authorised(Context ctx, String sid) {
    String expected =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((SID + ":" + TOKEN).getBytes(StandardCharsets.UTF_8));
    if (expected.equals(ctx.header("Authorization")) && SID.equals(sid)) {
      return true;
    }
    error(ctx, 401, 20003, "Authenticate");
    return false;
  }

  private void account(Context ctx) {
    String account = ctx.pathParam("account");
    if (!account.endsWith(".json") || !authorised(ctx, account.replaceFirst("\\.json$", ""))) {
      if (!account.endsWith(".json")) {
        error(ctx, 404, 20404, "The requested resource was not found");
      }
      return;
    }
    requests.add(new Request(ctx.path(), 200, 0));
    ctx.status(200)
        .contentType("application/json")
        .result(
            json.createObjectNode()
                .put("sid", SID)
                .put("status", "active")
                .put("type", "Full")
                .toString());
  }

  private void messages(Context ctx) {
    if (!authorised(ctx, ctx.pathParam("sid"))) {
      return;
    }
    Fault fault = faults.next();
    if (fault == Fault.DROP_CONNECTION) {
      requests.add(new Request(ctx.path(), -1, 0));
      Connections.drop(ctx);
      return;
    }
    if (fault == Fault.RATE_LIMIT_429) {
      ctx.header("Retry-After", "1");
      error(ctx, 429, 20429, "Too Many Requests");
      return;
    }
    if (fault == Fault.HTTP_500 || fault == Fault.HTTP_503) {
      error(ctx, fault == Fault.HTTP_500 ? 500 : 503, 20500, "Internal Server Error");
      return;
    }
    String type = String.valueOf(ctx.contentType());
    // Twilio reads only a form: a JSON body reads as if it had no To (21604's documented cause).
    Map<String, String> form =
        type.startsWith("application/x-www-form-urlencoded") ? form(ctx.body()) : Map.of();
    String to = form.get("To");
    String from = form.get("From");
    String body = form.get("Body");
    if (to == null || to.isBlank()) {
      error(ctx, 400, 21604, "A 'To' phone number is required.");
    } else if (from == null || from.isBlank()) {
      error(ctx, 400, 21603, "A 'From' phone number is required.");
    } else if (body == null || body.isEmpty()) {
      error(ctx, 400, 21602, "Message body is required.");
    } else if (!E164.matcher(to).matches()) {
      error(ctx, 400, 21211, "Invalid 'To' Phone Number: " + to);
    } else if (!FROM.equals(from)) {
      error(
          ctx,
          400,
          21606,
          "The From phone number " + from + " is not a valid number for this account");
    } else if (landlines.contains(to)) {
      error(ctx, 400, 21614, "'To' number " + to + " is not a valid mobile number");
    } else if (body.length() > 1600) {
      error(ctx, 400, 21617, "The concatenated message body exceeds the 1600 character limit");
    } else {
      String sid = String.format("SM%032x", ids.incrementAndGet());
      messages.add(new Message(sid, to, from, body));
      requests.add(new Request(ctx.path(), 201, 0));
      ObjectNode resource =
          json.createObjectNode()
              .put("sid", sid)
              .put("account_sid", SID)
              .put("to", to)
              .put("from", from)
              .put("body", body)
              .put("status", "queued")
              .put("num_segments", String.valueOf(SmsText.size(body) <= 160 ? 1 : 2))
              .put("direction", "outbound-api");
      ctx.status(201).contentType("application/json").result(resource.toString());
    }
  }

  private void error(Context ctx, int status, int code, String message) {
    requests.add(new Request(ctx.path(), status, code));
    ctx.status(status)
        .contentType("application/json")
        .result(
            json.createObjectNode()
                .put("code", code)
                .put("message", message)
                .put("more_info", "https://www.twilio.com/docs/errors/" + code)
                .put("status", status)
                .toString());
  }

  private static Map<String, String> form(String body) {
    Map<String, String> values = new HashMap<>();
    for (String pair : body.split("&")) {
      String[] kv = pair.split("=", 2);
      if (kv.length == 2) {
        values.put(
            URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
            URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
      }
    }
    return values;
  }
}
