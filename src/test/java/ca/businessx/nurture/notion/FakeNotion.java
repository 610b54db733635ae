package ca.businessx.nurture.notion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A local Notion that enforces what the real API enforces (token, version header, each version's
 * endpoints, value shapes and sizes, page size and cursors) and injects faults on request.
 */
final class FakeNotion implements AutoCloseable, AfterEachCallback {
  static final String TOKEN = "ntn_fake_integration_token";
  static final String V2025 = NotionSettings.CURRENT_VERSION;
  static final String V2022 = NotionSettings.CLASSIC_VERSION;
  private static final Set<String> BOTH = Set.of(V2025, V2022);

  sealed interface Fault permits Status, Slow, Drop {}

  /** An error answer, e.g. 429 {@code rate_limited} with a Retry-After header (null for none). */
  record Status(int status, String code, String retryAfter) implements Fault {}

  record Slow(Duration delay) implements Fault {}

  /** Closes the connection without an answer. */
  record Drop() implements Fault {}

  record Call(String version, Context http, JsonNode body) {
    String id() {
      return http.pathParam("id");
    }
  }

  interface Endpoint {
    JsonNode handle(Call call);
  }

  final FakeNotionData data = new FakeNotionData();
  final FakeNotionData.Db contacts;
  final FakeNotionData.Db templates;
  private final Deque<Fault> faults = new ConcurrentLinkedDeque<>();
  private final Deque<Long> arrivals = new ArrayDeque<>();
  private final AtomicInteger requests = new AtomicInteger();
  private final Map<Integer, AtomicInteger> errors = new ConcurrentHashMap<>();
  private volatile int rateLimit;
  private int maxObservedRate;
  private final Javalin app;

  private FakeNotion() {
    contacts = data.addDatabase("Contacts", FakeNotionRoutes.contactsSchema());
    FakeNotionRoutes.selectOptions(contacts, "Segment", "CRITICAL", "URGENT", "OPTIMIZE");
    FakeNotionRoutes.selectOptions(
        contacts,
        "Sequence Status",
        "Not Started",
        "Active",
        "Needs follow-up",
        "Completed",
        "Stopped",
        "Booked",
        "Replied");
    templates =
        data.addDatabase(
            "Email templates",
            Map.of("Name", "title", "Subject", "rich_text", "Language", "select"));
    FakeNotionRoutes.selectOptions(templates, "Language", "en", "fr");
    FakeNotionRoutes routes = new FakeNotionRoutes(data);
    app =
        Javalin.create(
                cfg -> {
                  cfg.startup.startupWatcherEnabled = false;
                  cfg.startup.showJavalinBanner = false;
                  cfg.routes.get("/v1/databases/{id}", endpoint(BOTH, routes::getDatabase));
                  cfg.routes.patch("/v1/databases/{id}", endpoint(BOTH, routes::patchDatabase));
                  cfg.routes.post(
                      "/v1/databases/{id}/query", endpoint(Set.of(V2022), routes::queryDatabase));
                  cfg.routes.get(
                      "/v1/data_sources/{id}", endpoint(Set.of(V2025), routes::getDataSource));
                  cfg.routes.patch(
                      "/v1/data_sources/{id}", endpoint(Set.of(V2025), routes::patchDataSource));
                  cfg.routes.post(
                      "/v1/data_sources/{id}/query",
                      endpoint(Set.of(V2025), routes::queryDataSource));
                  cfg.routes.post("/v1/pages", endpoint(BOTH, routes::createPage));
                  cfg.routes.get("/v1/pages/{id}", endpoint(BOTH, routes::getPage));
                  cfg.routes.patch("/v1/pages/{id}", endpoint(BOTH, routes::updatePage));
                  cfg.routes.get("/v1/blocks/{id}/children", endpoint(BOTH, routes::blockChildren));
                })
            .start("127.0.0.1", 0);
  }

  static FakeNotion start() {
    return new FakeNotion();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + app.port());
  }

  /** Settings for a client of this fake: generous rate, short timeout. */
  NotionSettings settings(String version) {
    return new NotionSettings(
        TOKEN,
        contacts.id,
        templates.id,
        url(),
        version,
        1000,
        Duration.ofSeconds(2),
        PropertyNames.defaults());
  }

  void inject(Fault... injected) {
    faults.addAll(java.util.List.of(injected));
  }

  /**
   * Queues the same fault for the next {@code times} requests: an outage, until {@link #recover}.
   */
  void inject(Fault fault, int times) {
    for (int i = 0; i < times; i++) {
      faults.add(fault);
    }
  }

  /** Drops every fault not yet used: Notion is back. */
  void recover() {
    faults.clear();
  }

  /** Answers 429 past this many requests in any one second; 0 turns the limit off. */
  void rateLimit(int perSecond) {
    rateLimit = perSecond;
  }

  synchronized int maxObservedRate() {
    return maxObservedRate;
  }

  int requestCount() {
    return requests.get();
  }

  /** How many times the fake answered with this error status (429, 503, ...). */
  int answered(int status) {
    AtomicInteger n = errors.get(status);
    return n == null ? 0 : n.get();
  }

  @Override
  public void close() {
    app.stop();
  }

  /** Registered with {@code @RegisterExtension}, a test's fake stops after the test. */
  @Override
  public void afterEach(ExtensionContext context) {
    close();
  }

  private Handler endpoint(Set<String> versions, Endpoint endpoint) {
    return ctx -> {
      requests.incrementAndGet();
      int observed = arrive();
      try {
        int limit = rateLimit;
        if (limit > 0 && observed > limit) {
          ctx.header("Retry-After", "1");
          throw new FakeNotionError(
              429,
              "rate_limited",
              "You have been rate limited. Please try again in a few minutes.");
        }
        Fault fault = faults.poll();
        if (fault != null && applyFault(fault, ctx)) {
          return;
        }
        if (!("Bearer " + TOKEN).equals(ctx.header("Authorization"))) {
          throw new FakeNotionError(401, "unauthorized", "API token is invalid.");
        }
        String version = ctx.header("Notion-Version");
        if (version == null) {
          throw new FakeNotionError(
              400,
              "missing_version",
              "Notion-Version header failed validation: Notion-Version header should be defined, instead was `undefined`.");
        }
        if (!BOTH.contains(version)) {
          throw FakeNotionError.validation(
              "Notion-Version header should be a valid version, instead was `" + version + "`.");
        }
        if (!versions.contains(version)) {
          throw new FakeNotionError(400, "invalid_request_url", "Invalid request URL.");
        }
        JsonNode body = body(ctx);
        ctx.status(200)
            .contentType("application/json")
            .result(endpoint.handle(new Call(version, ctx, body)).toString());
      } catch (FakeNotionError e) {
        errors.computeIfAbsent(e.status, k -> new AtomicInteger()).incrementAndGet();
        ObjectNode error =
            FakeNotionData.JSON
                .createObjectNode()
                .put("object", "error")
                .put("status", e.status)
                .put("code", e.code)
                .put("message", e.getMessage());
        ctx.status(e.status).contentType("application/json").result(error.toString());
      }
    };
  }

  /** Answers true when the fault has already answered (or dropped) the request. */
  private static boolean applyFault(Fault fault, Context ctx) throws InterruptedException {
    switch (fault) {
      case Slow slow -> {
        Thread.sleep(slow.delay().toMillis());
        return false;
      }
      case Drop drop -> {
        ServletContextRequest.getServletContextRequest(ctx.req())
            .getConnectionMetaData()
            .getConnection()
            .getEndPoint()
            .close();
        return true;
      }
      case Status s -> {
        if (s.retryAfter() != null) {
          ctx.header("Retry-After", s.retryAfter());
        }
        throw new FakeNotionError(s.status(), s.code(), "Injected " + s.code() + ".");
      }
    }
  }

  private static JsonNode body(Context ctx) {
    String raw = ctx.body();
    if (raw == null || raw.isBlank()) {
      return FakeNotionData.JSON.createObjectNode();
    }
    try {
      return FakeNotionData.JSON.readTree(raw);
    } catch (Exception e) {
      throw new FakeNotionError(400, "invalid_json", "Error parsing JSON body.");
    }
  }

  private synchronized int arrive() {
    long now = System.nanoTime();
    arrivals.addLast(now);
    while (now - arrivals.peekFirst() >= 1_000_000_000L) {
      arrivals.removeFirst();
    }
    maxObservedRate = Math.max(maxObservedRate, arrivals.size());
    return arrivals.size();
  }
}
