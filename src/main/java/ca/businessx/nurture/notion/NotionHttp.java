package ca.businessx.nurture.notion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The transport under {@link NotionClient}: headers, one rate limit for every call, timeouts and
 * error mapping. Blocking by design: it runs inside background jobs.
 */
final class NotionHttp {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final String USER_AGENT = "nurture/0.1 (notion-client; java.net.http)";

  private final NotionSettings settings;
  private final Clock clock;
  private final HttpClient http;
  private final Bucket bucket;
  private final String base;
  private volatile Instant quietUntil = Instant.MIN;

  NotionHttp(NotionSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.base = settings.apiUrl().toString().replaceAll("/+$", "");
    // HTTP/1.1: over plain http (local fakes, proxies) the JDK's h2c upgrade attempt only adds
    // risk.
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(settings.timeout())
            .build();
    // The rate is a ceiling, not a target. Permits come one at a time, N of them per 1.2 s: Notion
    // counts arrivals, and connection set-up, a GC pause or a busy CPU delaying one request by up
    // to 200 ms must never put N+1 requests into one of its seconds.
    long spacing = (long) Math.ceil(1_200_000_000d / settings.requestsPerSecond());
    this.bucket =
        Bucket.builder()
            .addLimit(
                Bandwidth.builder().capacity(1).refillGreedy(1, Duration.ofNanos(spacing)).build())
            .build();
  }

  JsonNode get(String path) {
    return send("GET", path, null);
  }

  JsonNode get(String path, Duration permitWait) {
    return send("GET", path, null, permitWait);
  }

  JsonNode post(String path, JsonNode body) {
    return send("POST", path, body);
  }

  /**
   * A POST that waits at most {@code permitWait} for the rate limit, for callers on a web thread;
   * without a permit by then it fails at once, transiently, instead of holding the thread.
   */
  JsonNode post(String path, JsonNode body, Duration permitWait) {
    return send("POST", path, body, permitWait);
  }

  JsonNode patch(String path, JsonNode body) {
    return send("PATCH", path, body);
  }

  private JsonNode send(String method, String path, JsonNode body) {
    return send(method, path, body, null);
  }

  private JsonNode send(String method, String path, JsonNode body, Duration permitWait) {
    Instant now = clock.instant();
    Instant quiet = quietUntil;
    if (now.isBefore(quiet)) {
      // Notion asked us to wait; asking again before then only extends the penalty.
      throw new NotionException(
          "Notion " + method + " " + path + " not sent: rate limited",
          true,
          Duration.between(now, quiet),
          429,
          "rate_limited");
    }
    if (permitWait == null) {
      acquirePermit(method, path);
    } else {
      tryPermit(method, path, permitWait);
    }
    HttpResponse<String> res = exchange(method, path, body);
    if (res.statusCode() / 100 == 2) {
      try {
        return JSON.readTree(res.body());
      } catch (IOException e) {
        throw new NotionException(
            "Notion " + method + " " + path + " answered unreadable JSON",
            true,
            null,
            res.statusCode(),
            "invalid_response");
      }
    }
    NotionException error = NotionErrors.from(method, path, res, clock);
    if ((error.status() == 429 || error.status() == 529) && error.retryAfter().isPresent()) {
      quietUntil = clock.instant().plus(error.retryAfter().get());
    }
    throw error;
  }

  private void tryPermit(String method, String path, Duration wait) {
    try {
      if (!bucket.asBlocking().tryConsume(1, wait)) {
        throw new NotionException(
            "Notion " + method + " " + path + " not sent: no rate-limit permit within " + wait,
            true,
            Duration.ofSeconds(Math.max(1, wait.toSeconds())),
            0,
            "local_rate_limit");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NotionException(
          "Notion " + method + " " + path + " interrupted", true, null, 0, "interrupted");
    }
  }

  private void acquirePermit(String method, String path) {
    try {
      bucket.asBlocking().consume(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NotionException(
          "Notion " + method + " " + path + " interrupted", true, null, 0, "interrupted");
    }
  }

  private HttpResponse<String> exchange(String method, String path, JsonNode body) {
    HttpRequest.BodyPublisher publisher =
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(settings.timeout())
            .header("Authorization", "Bearer " + settings.apiKey())
            .header("Notion-Version", settings.version())
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .header("User-Agent", USER_AGENT)
            .method(method, publisher)
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpTimeoutException e) {
      throw new NotionException(
          "Notion " + method + " " + path + " timed out after " + settings.timeout(),
          true,
          null,
          0,
          "timeout");
    } catch (IOException e) {
      throw new NotionException(
          "Notion " + method + " " + path + " failed: " + e.getClass().getSimpleName(),
          true,
          null,
          0,
          "connection_failed");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NotionException(
          "Notion " + method + " " + path + " interrupted", true, null, 0, "interrupted");
    }
  }
}
