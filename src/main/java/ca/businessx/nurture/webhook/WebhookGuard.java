package ca.businessx.nurture.webhook;

import ca.businessx.nurture.platform.ApiError;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the webhooks from being flooded or posted to by other sites: a token bucket per client IP
 * (Bucket4j) and, when CORS_ORIGINS is set, only those origins may post from a browser.
 */
public final class WebhookGuard {
  /**
   * Past this many tracked clients the table starts afresh, bounding memory under a spray of IPs.
   */
  private static final int MAX_CLIENTS = 100_000;

  private final double perSecond;
  private final int burst;
  private final Set<String> origins;
  private final boolean trustForwardedFor;
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  public WebhookGuard(double perSecond, int burst, Set<String> origins, boolean trustForwardedFor) {
    this.perSecond = perSecond;
    this.burst = burst;
    this.origins = Set.copyOf(origins);
    this.trustForwardedFor = trustForwardedFor;
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
    if (buckets.size() > MAX_CLIENTS) {
      buckets.clear();
    }
    Bucket bucket = buckets.computeIfAbsent(clientIp(ctx), ip -> newBucket());
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

  private String clientIp(Context ctx) {
    String forwarded = ctx.header("X-Forwarded-For");
    if (trustForwardedFor && forwarded != null && !forwarded.isBlank()) {
      return forwarded.split(",")[0].trim();
    }
    return ctx.req().getRemoteAddr();
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
