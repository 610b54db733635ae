package ca.businessx.nurture.metrics;

import ca.businessx.nurture.admin.AdminGuard;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * {@code /metrics} for Prometheus, behind the admin rule unless made public, plus the HTTP server
 * timings and webhook counts, both taken from Javalin's request logger, which sees every request
 * once, after error handling, with its final status.
 */
public final class MetricsRoutes {
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final NurtureMetrics metrics;
  private final AdminGuard guard;
  private final boolean open;
  private final java.util.Map<TimerKey, Timer> timers =
      new java.util.concurrent.ConcurrentHashMap<>();

  private record TimerKey(String method, String route, int status) {}

  /**
   * @param open serve {@code /metrics} to anyone (METRICS_PUBLIC), e.g. behind a private network
   */
  public MetricsRoutes(NurtureMetrics metrics, AdminGuard guard, boolean open) {
    this.metrics = metrics;
    this.guard = guard;
    this.open = open;
  }

  public void register(JavalinConfig cfg) {
    cfg.requestLogger.http(this::observe);
    cfg.events.serverStopped(metrics::close);
    cfg.routes.get(
        "/metrics",
        ctx -> {
          if (!open) {
            guard.check(ctx);
          }
          ctx.contentType(PROMETHEUS_TEXT).result(metrics.scrape());
        });
  }

  private void observe(Context ctx, Float millis) {
    String route = route(ctx);
    // Building and registering the meter's id took a sorted tag list and a registry look-up on
    // every request; the few (method, route, status) triples are looked up here instead.
    timers
        .computeIfAbsent(
            new TimerKey(ctx.method().name(), route, ctx.statusCode()),
            k ->
                Timer.builder("http.server.requests")
                    .tag("method", k.method())
                    .tag("route", k.route())
                    .tag("status", Integer.toString(k.status()))
                    .register(metrics.registry()))
        .record((long) (millis * 1000), TimeUnit.MICROSECONDS);
    if (route.startsWith("/webhook/")) {
      metrics
          .events()
          .webhookReceived(route.substring("/webhook/".length()), outcome(ctx.statusCode()));
    }
  }

  /** The route template, never the raw path, so ids in URLs cannot multiply the time series. */
  private static String route(Context ctx) {
    if (ctx.statusCode() == 404
        && !ctx.path().startsWith("/webhook/")
        && !ctx.path().startsWith("/api/")) {
      return "unmatched";
    }
    try {
      return ctx.endpoint().path;
    } catch (RuntimeException noEndpoint) {
      return "unmatched";
    }
  }

  static String outcome(int status) {
    if (status == 201) {
      return "created";
    }
    if (status / 100 == 2) {
      return "accepted";
    }
    return switch (status) {
      case 401, 403 -> "unauthorized";
      case 404 -> "unknown_contact";
      default -> status >= 500 ? "error" : "invalid";
    };
  }
}
