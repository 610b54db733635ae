package ca.businessx.nurture.webhook;

import ca.businessx.nurture.platform.ApiError;
import ca.businessx.nurture.platform.ClientAddress;
import ca.businessx.nurture.platform.LruMap;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Set;

/**
 * Keeps the webhooks from being flooded or posted to by other sites: a token bucket per client
 * address (Bucket4j; the address as {@link ClientAddress} finds it) and, when CORS_ORIGINS is set,
 * only those origins may post from a browser.
 */
public final class WebhookGuard {
  /**
   * Past this many tracked clients the least recently seen is forgotten, bounding memory under a
   * spray of addresses while the busy clients keep their buckets (and their limits).
   */
  static final int MAX_CLIENTS = 100_000;

  private final double perSecond;
  private final int burst;
  private final Set<String> origins;
  private final ClientAddress clients;
  private final LruMap<String, Bucket> buckets;

  public WebhookGuard(double perSecond, int burst, Set<String> origins, ClientAddress clients) {
    this(perSecond, burst, origins, clients, MAX_CLIENTS);
  }

  WebhookGuard(
      double perSecond, int burst, Set<String> origins, ClientAddress clients, int maxClients) {
    this.perSecond = perSecond;
    this.burst = burst;
    this.origins = Set.copyOf(origins);
    this.clients = clients;
    this.buckets = new LruMap<>(maxClients);
  }

  public void register(JavalinConfig cfg) {
    cfg.routes.before("/webhook/*", this::check);
    cfg.routes.options("/webhook/*", this::preflight);
  }

  private void check(Context ctx) {
    if (ctx.method().name().equals("OPTIONS")) {
      return;
    }
    String origin = ctx.header("Origin");
    if (origin != null && !origins.isEmpty()) {
      if (!origins.contains(origin)) {
        throw new ApiError(
            403, "origin_not_allowed", "this origin may not post to Nurture; see CORS_ORIGINS");
      }
      ctx.header("Access-Control-Allow-Origin", origin);
      ctx.header("Vary", "Origin");
    }
    Bucket bucket = buckets.computeIfAbsent(clients.of(ctx), ip -> newBucket());
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
      ctx.header("Retry-After", Long.toString(seconds));
      throw new ApiError(
          429,
          "rate_limited",
          "too many requests from this address; retry after " + seconds + " s");
    }
  }

  private void preflight(Context ctx) {
    String origin = ctx.header("Origin");
    if (origin == null || !origins.contains(origin)) {
      ctx.status(403);
      return;
    }
    ctx.header("Access-Control-Allow-Origin", origin);
    ctx.header("Vary", "Origin");
    ctx.header("Access-Control-Allow-Methods", "POST");
    ctx.header(
        "Access-Control-Allow-Headers", "Content-Type, X-Nurture-Timestamp, X-Nurture-Signature");
    ctx.header("Access-Control-Max-Age", "600");
    ctx.status(204);
  }

  private Bucket newBucket() {
    long refillPerMinute = Math.max(1, Math.round(perSecond * 60));
    return Bucket.builder()
        .addLimit(
            Bandwidth.builder()
                .capacity(burst)
                .refillGreedy(refillPerMinute, Duration.ofMinutes(1))
                .build())
        .build();
  }
}
