package ca.businessx.nurture.alert.discord;

import ca.businessx.nurture.support.Connections;
import ca.businessx.nurture.support.FaultQueue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local Discord that executes webhooks on API v10 only (providers.md §3): unknown webhooks get
 * 404 code 10015, wrong tokens 401 code 50027, empty messages 400 code 50006, limit breaches 400
 * code 50035, and injected faults 429 (with retry_after in seconds), 5xx, slowness or a dropped
 * connection.
 */
public final class FakeDiscord implements AutoCloseable {
  public enum Fault {
    RATE_LIMIT_429,
    HTTP_500,
    HTTP_502,
    SLOW,
    DROP_CONNECTION
  }

  /** Every request that reached the fake, accepted or not; status -1 when dropped. */
  public record Request(String path, String query, int status) {}

  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, String> tokens = new ConcurrentHashMap<>();
  private final List<JsonNode> messages = new CopyOnWriteArrayList<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final FaultQueue<Fault> faults = new FaultQueue<>();
  private final AtomicLong ids = new AtomicLong(1_200_000_000_000_000_000L);
  private volatile double retryAfterSeconds = 0.583;
  private volatile Duration slowness = Duration.ofSeconds(2);
  private final Javalin app;

  private FakeDiscord() {
    app =
        Javalin.create(
            cfg -> {
              cfg.startup.startupWatcherEnabled = false;
              cfg.startup.showJavalinBanner = false;
              cfg.routes.post("/api/{version}/webhooks/{id}/{token}", this::execute);
              // Get Webhook with Token: what nurture doctor asks, which posts nothing.
              cfg.routes.get("/api/{version}/webhooks/{id}/{token}", this::describe);
              cfg.routes.post(
                  "/api/webhooks/{id}/{token}",
                  ctx ->
                      answer(
                          ctx,
                          400,
                          error(0, "This fake serves API v10 only; use /api/v10/webhooks/...")));
            });
  }

  public static FakeDiscord start() {
    FakeDiscord fake = new FakeDiscord();
    fake.app.start("127.0.0.1", 0);
    return fake;
  }

  /** Creates a webhook and answers its URL as Discord's UI hands it out: unversioned. */
  public URI createWebhook(String id, String token) {
    tokens.put(id, token);
    return URI.create("http://127.0.0.1:" + app.port() + "/api/webhooks/" + id + "/" + token);
  }

  public void deleteWebhook(String id) {
    tokens.remove(id);
  }

  public FakeDiscord inject(Fault fault, int times) {
    faults.inject(fault, times);
    return this;
  }

  public FakeDiscord retryAfter(double seconds) {
    retryAfterSeconds = seconds;
    return this;
  }

  public FakeDiscord slowness(Duration delay) {
    slowness = delay;
    return this;
  }

  public List<JsonNode> messages() {
    return List.copyOf(messages);
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  @Override
  public void close() {
    app.stop();
  }

  private void describe(Context ctx) {
    String token = tokens.get(ctx.pathParam("id"));
    if (token == null) {
      answer(ctx, 404, error(10015, "Unknown Webhook"));
    } else if (!token.equals(ctx.pathParam("token"))) {
      answer(ctx, 401, error(50027, "Invalid Webhook Token"));
    } else {
      answer(
          ctx,
          200,
          json.createObjectNode()
              .put("type", 1)
              .put("id", ctx.pathParam("id"))
              .put("name", "Nurture")
              .put("channel_id", "1100000000000000001")
              .put("token", token));
    }
  }

  private void execute(Context ctx) {
    if (!DiscordWebhookUrl.API_VERSION.equals(ctx.pathParam("version"))) {
      answer(ctx, 400, error(0, "This fake serves API v10 only"));
      return;
    }
    String token = tokens.get(ctx.pathParam("id"));
    if (token == null) {
      answer(ctx, 404, error(10015, "Unknown Webhook"));
      return;
    }
    if (!token.equals(ctx.pathParam("token"))) {
      answer(ctx, 401, error(50027, "Invalid Webhook Token"));
      return;
    }
    Fault fault = faults.next();
    if (fault == Fault.DROP_CONNECTION) {
      requests.add(new Request(ctx.path(), ctx.queryString(), -1));
      Connections.drop(ctx);
      return;
    }
    if (fault == Fault.SLOW) {
      Connections.pause(slowness);
    }
    if (fault == Fault.RATE_LIMIT_429) {
      ctx.header("Retry-After", String.valueOf((long) Math.ceil(retryAfterSeconds)));
      ctx.header("X-RateLimit-Limit", "5").header("X-RateLimit-Remaining", "0");
      ctx.header("X-RateLimit-Reset-After", String.valueOf(retryAfterSeconds))
          .header("X-RateLimit-Scope", "shared");
      answer(
          ctx,
          429,
          json.createObjectNode()
              .put("message", "You are being rate limited.")
              .put("retry_after", retryAfterSeconds)
              .put("global", false));
      return;
    }
    if (fault == Fault.HTTP_500 || fault == Fault.HTTP_502) {
      answer(ctx, fault == Fault.HTTP_500 ? 500 : 502, error(0, "500: Internal Server Error"));
      return;
    }
    accept(ctx);
  }

  private void accept(Context ctx) {
    JsonNode message;
    try {
      message = json.readTree(ctx.body());
    } catch (IOException e) {
      answer(ctx, 400, error(50109, "The request body contains invalid JSON."));
      return;
    }
    if (message == null || !message.isObject() || FakeDiscordValidation.isEmpty(message)) {
      answer(ctx, 400, error(50006, "Cannot send an empty message"));
      return;
    }
    Map<String, String> problems = FakeDiscordValidation.problems(message);
    if (!problems.isEmpty()) {
      ObjectNode body = error(50035, "Invalid Form Body");
      ObjectNode tree = body.putObject("errors");
      problems.forEach(
          (path, reason) ->
              tree.putObject(path)
                  .putArray("_errors")
                  .addObject()
                  .put("code", "BASE_TYPE_MAX_LENGTH")
                  .put("message", reason));
      answer(ctx, 400, body);
      return;
    }
    messages.add(message);
    if (!"true".equals(ctx.queryParam("wait"))) {
      requests.add(new Request(ctx.path(), ctx.queryString(), 204));
      ctx.status(204);
      return;
    }
    ObjectNode saved =
        json.createObjectNode()
            .put("id", String.valueOf(ids.incrementAndGet()))
            .put("type", 0)
            .put("channel_id", "1100000000000000001")
            .put("webhook_id", ctx.pathParam("id"));
    saved.set("content", message.path("content"));
    saved.set("embeds", message.path("embeds"));
    saved
        .putObject("author")
        .put("username", message.path("username").asText("Fake Hook"))
        .put("bot", true);
    answer(ctx, 200, saved);
  }

  private void answer(Context ctx, int status, ObjectNode body) {
    requests.add(new Request(ctx.path(), ctx.queryString(), status));
    ctx.status(status).contentType("application/json").result(body.toString());
  }

  private ObjectNode error(int code, String message) {
    return json.createObjectNode().put("message", message).put("code", code);
  }
}
