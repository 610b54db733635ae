package ca.businessx.nurture.tracking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * Sentry's one ingestion endpoint (providers.md §4b): {@code POST /api/<project>/envelope/} with
 * {@code X-Sentry-Auth} naming the DSN's key (401 otherwise; 404 for another project), an envelope
 * body (a header line, then a header line and a payload per item), optionally gzipped. Keeps each
 * raw body, so a test can search everything that left the process, and each event item.
 */
public final class FakeSentry implements AutoCloseable {
  public static final String KEY = "0123456789abcdef0123456789abcdef";
  public static final String PROJECT = "42";
  private final ObjectMapper json = new ObjectMapper();
  private final List<JsonNode> events = new CopyOnWriteArrayList<>();
  private final List<String> bodies = new CopyOnWriteArrayList<>();
  private final List<Integer> statuses = new CopyOnWriteArrayList<>();
  private final Javalin app;

  private FakeSentry() {
    app =
        Javalin.create(
            cfg -> {
              cfg.startup.startupWatcherEnabled = false;
              cfg.startup.showJavalinBanner = false;
              cfg.routes.post("/api/{project}/envelope/", this::envelope);
            });
  }

  public static FakeSentry start() {
    FakeSentry fake = new FakeSentry();
    fake.app.start("127.0.0.1", 0);
    return fake;
  }

  public String dsn() {
    return "http://" + KEY + "@127.0.0.1:" + app.port() + "/" + PROJECT;
  }

  public List<JsonNode> events() {
    return List.copyOf(events);
  }

  /** Every envelope as received, decompressed. */
  public String everythingSent() {
    return String.join("\n", bodies);
  }

  public List<Integer> statuses() {
    return List.copyOf(statuses);
  }

  @Override
  public void close() {
    app.stop();
  }

  private void envelope(Context ctx) throws IOException {
    String auth = String.valueOf(ctx.header("X-Sentry-Auth"));
    if (!auth.startsWith("Sentry ") || !auth.contains("sentry_key=" + KEY)) {
      answer(ctx, 401, "{\"detail\":\"invalid api key\"}");
      return;
    }
    if (!PROJECT.equals(ctx.pathParam("project"))) {
      answer(ctx, 404, "{\"detail\":\"unknown project\"}");
      return;
    }
    byte[] raw = ctx.bodyAsBytes();
    if ("gzip".equalsIgnoreCase(ctx.header("Content-Encoding"))) {
      raw = new GZIPInputStream(new ByteArrayInputStream(raw)).readAllBytes();
    }
    String body = new String(raw, StandardCharsets.UTF_8);
    List<JsonNode> items = new ArrayList<>();
    try {
      String[] lines = body.split("\n");
      JsonNode header = json.readTree(lines[0]);
      if (!header.has("event_id") && !header.has("sdk")) {
        answer(ctx, 400, "{\"detail\":\"invalid envelope header\"}");
        return;
      }
      for (int i = 1; i + 1 < lines.length; i += 2) {
        JsonNode itemHeader = json.readTree(lines[i]);
        if ("event".equals(itemHeader.path("type").asText())) {
          items.add(json.readTree(lines[i + 1]));
        }
      }
    } catch (IOException e) {
      answer(ctx, 400, "{\"detail\":\"invalid envelope\"}");
      return;
    }
    bodies.add(body);
    events.addAll(items);
    answer(
        ctx,
        200,
        "{\"id\":\"" + (items.isEmpty() ? "" : items.getFirst().path("event_id").asText()) + "\"}");
  }

  private void answer(Context ctx, int status, String body) {
    statuses.add(status);
    ctx.status(status).contentType("application/json").result(body);
  }
}
