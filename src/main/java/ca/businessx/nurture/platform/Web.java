package ca.businessx.nurture.platform;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP server: Javalin with JSON errors everywhere, so no client ever sees an HTML 500. */
public final class Web {
  private static final Logger log = LoggerFactory.getLogger(Web.class);

  /** Every write is one transaction, so a request that failed left nothing behind. */
  public static final String NOT_RECORDED =
      "something went wrong on our side; the request was not recorded, please retry it";

  private Web() {}

  public static Javalin create(Consumer<JavalinConfig> routes) {
    return Javalin.create(
        cfg -> {
          cfg.startup.showJavalinBanner = false;
          cfg.startup.startupWatcherEnabled = false;
          // A webhook spends most of its life parked: on SQLite until the group commit holding its
          // write is done (each commit wakes its whole group), on PostgreSQL on its round trips.
          // Waking a virtual thread is a hand-off in user space, not an OS context switch, so the
          // cores go to the writer and to parsing (BENCHMARKS.md, "Virtual threads for requests").
          cfg.concurrency.useVirtualThreads = true;
          cfg.http.maxRequestSize = 1_000_000L;
          cfg.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
          cfg.routes.exception(
              ApiError.class, (e, ctx) -> error(ctx, e.status(), e.code(), e.getMessage(), e));
          cfg.routes.exception(
              HttpResponseException.class,
              (e, ctx) -> error(ctx, e.getStatus(), code(e.getStatus()), describe(e, ctx), null));
          cfg.routes.exception(
              Exception.class,
              (e, ctx) -> {
                // Redacted: a database error's message would carry the request's addresses and
                // names.
                log.error(
                    "unexpected error on {} {}", ctx.method(), ctx.path(), SafeErrors.redacted(e));
                error(ctx, 500, "internal_error", NOT_RECORDED, null);
              });
          routes.accept(cfg);
        });
  }

  static String code(int status) {
    return switch (status) {
      case 400 -> "bad_request";
      case 404 -> "not_found";
      case 405 -> "method_not_allowed";
      case 408 -> "request_timeout";
      case 413 -> "body_too_large";
      case 414 -> "uri_too_long";
      case 431 -> "headers_too_large";
      case 503 -> "unavailable";
      default -> "http_" + status;
    };
  }

  private static String describe(HttpResponseException e, Context ctx) {
    return e.getStatus() == 404
        ? "no such endpoint: " + ctx.method() + " " + ctx.path()
        : e.getMessage();
  }

  static void error(Context ctx, int status, String code, String message, ApiError apiError) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", code);
    body.put("message", message);
    if (apiError != null && !apiError.problems().isEmpty()) {
      body.put("problems", apiError.problems());
    }
    ctx.status(status).json(body);
  }
}
