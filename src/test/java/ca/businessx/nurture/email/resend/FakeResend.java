package ca.businessx.nurture.email.resend;

import ca.businessx.nurture.support.Connections;
import ca.businessx.nurture.support.FaultQueue;
import ca.businessx.nurture.support.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local Resend that enforces the contract of providers.md §2: auth, body shape, batch limits,
 * 24-hour idempotency on a settable clock, a sliding per-second rate limit, latency and injected
 * faults. It records every email it accepted.
 */
public final class FakeResend implements AutoCloseable {
  public static final String API_KEY = "re_fake_key_123";
  public static final String VERIFIED_DOMAIN = "nurture.test";

  public enum Fault {
    HTTP_500,
    HTTP_503,
    RATE_LIMIT_429,
    DAILY_QUOTA_429,
    SLOW,
    DROP_CONNECTION
  }

  record Answer(int status, JsonNode body) {}

  /** Every request that reached the fake; status -1 when the connection was dropped. */
  public record Request(String path, String idempotencyKey, long arrivalNanos, int status) {}

  private final ObjectMapper json = new ObjectMapper();
  private final TestClock clock = new TestClock(Instant.parse("2026-03-02T14:00:00Z"));
  private final FakeIdempotencyStore idempotency = new FakeIdempotencyStore(clock);
  private final FakeResendValidation validation = new FakeResendValidation(Set.of(VERIFIED_DOMAIN));
  private final FakeResendDelivery delivery = new FakeResendDelivery(json, clock);
  private final SlidingWindowLimit limit = new SlidingWindowLimit(0);
  private final FaultQueue<Fault> faults = new FaultQueue<>();
  private final FaultQueue<Duration> transit = new FaultQueue<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger tooManyRequests = new AtomicInteger();
  private volatile Duration latency = Duration.ZERO;
  private volatile Duration slowFault = Duration.ofSeconds(2);
  private final Javalin app;

  private FakeResend() {
    app =
        Javalin.create(
            cfg -> {
              cfg.startup.startupWatcherEnabled = false;
              cfg.startup.showJavalinBanner = false;
              cfg.routes.post("/emails", ctx -> handle(ctx, false));
              cfg.routes.post("/emails/batch", ctx -> handle(ctx, true));
              cfg.routes.get("/domains", this::domains);
            });
  }

  /** List Domains: the verified domain, for nurture doctor; 401 for any other key. */
  private void domains(io.javalin.http.Context ctx) {
    if (!("Bearer " + API_KEY).equals(ctx.header("Authorization"))) {
      ctx.status(401)
          .json(
              Map.of(
                  "statusCode", 401, "name", "validation_error", "message", "API key is invalid"));
      return;
    }
    ctx.json(
        Map.of(
            "object",
            "list",
            "data",
            List.of(Map.of("id", "d-1", "name", VERIFIED_DOMAIN, "status", "verified"))));
  }

  public static FakeResend start() {
    FakeResend fake = new FakeResend();
    fake.app.start("127.0.0.1", 0);
    return fake;
  }

  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + app.port());
  }

  /** Requests per second before answering 429; 0 means no limit. */
  public FakeResend rateLimit(int perSecond) {
    limit.setLimit(perSecond);
    return this;
  }

  public FakeResend latency(Duration perRequest) {
    latency = perRequest;
    return this;
  }

  /** How long a {@link Fault#SLOW} request takes before it is processed (and delivered) anyway. */
  public FakeResend slowFaultDelay(Duration delay) {
    slowFault = delay;
    return this;
  }

  public FakeResend inject(Fault fault, int times) {
    faults.inject(fault, times);
    return this;
  }

  /**
   * Holds the next {@code times} requests back this long before they count as arrived, like a slow
   * network path: the client has already sent them, the rate limit has not yet seen them.
   */
  public FakeResend transitDelay(Duration delay, int times) {
    transit.inject(delay, times);
    return this;
  }

  public TestClock clock() {
    return clock;
  }

  public List<DeliveredEmail> delivered() {
    return delivery.delivered();
  }

  /** How many emails were accepted, without copying them. */
  public int deliveredCount() {
    return delivery.count();
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** 429 answers given so far, whether earned or injected. */
  public int tooManyRequestsCount() {
    return tooManyRequests.get();
  }

  @Override
  public void close() {
    app.stop();
  }

  private void handle(Context ctx, boolean batch) {
    Duration delay = transit.next();
    if (delay != null) {
      Connections.pause(delay);
    }
    long arrival = System.nanoTime();
    String key = ctx.header("Idempotency-Key");
    Answer answer = answer(ctx, batch, arrival, key);
    requests.add(new Request(ctx.path(), key, arrival, answer == null ? -1 : answer.status()));
    if (answer == null) {
      Connections.drop(ctx);
      return;
    }
    if (answer.status() == 429) {
      tooManyRequests.incrementAndGet();
    }
    if (limit.limit() > 0) {
      ctx.header("ratelimit-limit", String.valueOf(limit.limit()));
      ctx.header("ratelimit-remaining", String.valueOf(limit.remaining(System.nanoTime())));
      ctx.header("ratelimit-reset", String.valueOf(limit.secondsUntilReset(System.nanoTime())));
    }
    ctx.status(answer.status()).contentType("application/json").result(answer.body().toString());
  }

  private Answer answer(Context ctx, boolean batch, long arrival, String key) {
    String auth = ctx.header("Authorization");
    if (auth == null || auth.isBlank()) {
      return error(401, "missing_api_key", "Missing API key in the authorization header.");
    }
    if (!auth.equals("Bearer " + API_KEY)) {
      return error(403, "invalid_api_key", "API key is invalid.");
    }
    if (!limit.tryAcquire(arrival)) {
      ctx.header("retry-after", String.valueOf(limit.secondsUntilReset(arrival)));
      return error(
          429,
          "rate_limit_exceeded",
          "Too many requests. You can only make " + limit.limit() + " requests per second.");
    }
    Fault fault = faults.next();
    if (fault != null && fault != Fault.SLOW) {
      return faulted(ctx, fault);
    }
    JsonNode body;
    try {
      body = json.readTree(ctx.body());
    } catch (IOException e) {
      return error(400, "validation_error", "The request body is not valid JSON.");
    }
    Duration delay = fault == Fault.SLOW ? slowFault.plus(latency) : latency;
    if (key == null) {
      Connections.pause(delay);
      return process(ctx, body, batch, null);
    }
    if (key.isEmpty() || key.length() > 256) {
      return error(400, "invalid_idempotency_key", "The key must be between 1-256 chars.");
    }
    return switch (idempotency.claim(key, body)) {
      case FakeIdempotencyStore.Replay replay -> replay.answer();
      case FakeIdempotencyStore.Conflict conflict ->
          error(409, conflict.name(), conflict.message());
      case FakeIdempotencyStore.Fresh fresh -> {
        Answer answer = error(500, "internal_server_error", "The fake failed.");
        try {
          Connections.pause(delay);
          answer = process(ctx, body, batch, key);
        } finally {
          idempotency.settle(key, answer);
        }
        yield answer;
      }
    };
  }

  private Answer faulted(Context ctx, Fault fault) {
    return switch (fault) {
      case HTTP_500 -> error(500, "internal_server_error", "An unexpected error occurred.");
      case HTTP_503 -> error(503, "application_error", "Service unavailable.");
      case RATE_LIMIT_429 -> {
        ctx.header("retry-after", "1");
        yield error(429, "rate_limit_exceeded", "Too many requests.");
      }
      case DAILY_QUOTA_429 ->
          error(429, "daily_quota_exceeded", "You have reached your daily email sending quota.");
      case DROP_CONNECTION, SLOW -> null;
    };
  }

  private Answer process(Context ctx, JsonNode body, boolean batch, String key) {
    if (!batch) {
      FakeResendValidation.Problem problem = validation.email(body);
      if (problem != null) {
        return error(problem.status(), problem.name(), problem.message());
      }
      ObjectNode answer = json.createObjectNode().put("id", delivery.deliver(body, key, false));
      return new Answer(200, answer);
    }
    boolean permissive = "permissive".equalsIgnoreCase(ctx.header("x-batch-validation"));
    FakeResendValidation.Problem problem = validation.batch(body);
    if (problem != null) {
      return error(problem.status(), problem.name(), problem.message());
    }
    return delivery.deliverBatch(body, key, permissive, validation);
  }

  Answer error(int status, String name, String message) {
    ObjectNode body =
        json.createObjectNode().put("statusCode", status).put("name", name).put("message", message);
    return new Answer(status, body);
  }

  /**
   * The environment of a service process that mails through this fake with the whole sequence
   * compressed into seconds and a dead node detected in about two: what crash and cluster tests
   * need.
   */
  public java.util.Map<String, String> fastServiceEnv(int requestsPerSecond) {
    java.util.Map<String, String> env = new java.util.HashMap<>();
    env.put("SEQUENCE_WAITS", "PT1S,PT1S,PT1S,PT1S");
    env.put("SCHEDULER_POLL_INTERVAL", "PT0.2S");
    env.put("SCHEDULER_HEARTBEAT", "PT0.5S");
    env.put("SCHEDULER_MISSED_HEARTBEATS", "4");
    env.put("EMAIL_SEND_LEASE", "PT2S");
    env.put("RESEND_API_KEY", API_KEY);
    env.put("RESEND_API_URL", baseUri().toString());
    env.put("RESEND_RATE_LIMIT", Integer.toString(requestsPerSecond));
    env.put("RESEND_RETRY_DELAY", "PT1S");
    env.put("EMAIL_FROM", "Nurture <hello@" + VERIFIED_DOMAIN + ">");
    env.putAll(ResendFixtures.SENDER_IDENTITY);
    return env;
  }
}
