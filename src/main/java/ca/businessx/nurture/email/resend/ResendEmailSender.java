package ca.businessx.nurture.email.resend;

import ca.businessx.nurture.email.BatchOutcome;
import ca.businessx.nurture.email.EmailSender;
import ca.businessx.nurture.email.OutboundEmail;
import ca.businessx.nurture.email.SendException;
import ca.businessx.nurture.email.SendResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Sends email through Resend's HTTP API (providers.md §2). Every request carries an idempotency
 * key, so a retry after a lost answer cannot deliver twice, and passes the shared {@link
 * RequestPacer} first, so a burst never earns a 429.
 */
public final class ResendEmailSender implements EmailSender {
  static final int MAX_BATCH = 100;

  /** Longer waits are the durable scheduler's business; threads should not sleep for them. */
  private static final Duration MAX_PAUSE = Duration.ofSeconds(60);

  private static final String USER_AGENT = "nurture/0.1 (resend-adapter; java-httpclient)";

  private static final byte[] OPEN = {'['};
  private static final byte[] COMMA = {','};
  private static final byte[] CLOSE = {']'};

  private final ResendSettings settings;
  private final HttpClient http;
  private final ObjectMapper json = new ObjectMapper();
  private final ResendRequests requests;
  private final ResendFailures failures;
  private final ResendBatchAnswers batchAnswers;
  private final RequestPacer pacer;

  public ResendEmailSender(ResendSettings settings, Clock clock) {
    this.settings = settings;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(settings.timeout())
            .build();
    this.requests = new ResendRequests(json, settings.from(), settings.replyTo());
    this.failures = new ResendFailures(json, clock);
    this.batchAnswers = new ResendBatchAnswers(json);
    this.pacer = new RequestPacer(settings.requestsPerSecond());
  }

  @Override
  public String name() {
    return "resend";
  }

  @Override
  public SendResult send(OutboundEmail email) {
    HttpResponse<String> response =
        post(
            "/emails",
            HttpRequest.BodyPublishers.ofByteArray(bytes(requests.email(email))),
            ResendRequests.singleKey(email),
            false);
    try {
      String id = json.readTree(response.body()).path("id").asText("");
      if (id.isEmpty()) {
        throw SendException.permanent("resend accepted the email but answered no id");
      }
      return new SendResult(id);
    } catch (IOException e) {
      throw SendException.permanent("resend accepted the email but its answer was not JSON");
    }
  }

  /** Sends through {@code POST /emails/batch} in chunks of at most 100, one request per chunk. */
  @Override
  public List<BatchOutcome> sendBatch(List<OutboundEmail> emails) {
    // Chunks are cut in key order so that the same set of emails always forms the same batches.
    Integer[] order = new Integer[emails.size()];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.comparing(i -> emails.get(i).idempotencyKey()));
    BatchOutcome[] outcomes = new BatchOutcome[emails.size()];
    for (int start = 0; start < order.length; start += MAX_BATCH) {
      List<Integer> positions =
          Arrays.asList(order).subList(start, Math.min(order.length, start + MAX_BATCH));
      List<OutboundEmail> chunk = positions.stream().map(emails::get).toList();
      List<BatchOutcome> answers = sendChunk(chunk);
      for (int i = 0; i < positions.size(); i++) {
        outcomes[positions.get(i)] = answers.get(i);
      }
    }
    return List.of(outcomes);
  }

  /** The pace currently kept, after following the provider's {@code ratelimit-limit}. */
  public double requestsPerSecond() {
    return pacer.requestsPerSecond();
  }

  private List<BatchOutcome> sendChunk(List<OutboundEmail> chunk) {
    try {
      HttpResponse<String> response =
          post("/emails/batch", batchBody(chunk), ResendRequests.batchKey(chunk), true);
      return batchAnswers.outcomes(chunk, response.body());
    } catch (SendException wholeBatch) {
      List<BatchOutcome> failed = new ArrayList<>(chunk.size());
      chunk.forEach(email -> failed.add(BatchOutcome.failed(email, wholeBatch)));
      return failed;
    }
  }

  /**
   * The JSON array written one email at a time: a batch of 100 is most of a megabyte, which as one
   * array (or string) is a humongous allocation for the garbage collector, a collection each time.
   */
  private HttpRequest.BodyPublisher batchBody(List<OutboundEmail> chunk) {
    List<HttpRequest.BodyPublisher> parts = new ArrayList<>(chunk.size() * 2 + 1);
    parts.add(HttpRequest.BodyPublishers.ofByteArray(OPEN));
    for (OutboundEmail email : chunk) {
      if (parts.size() > 1) {
        parts.add(HttpRequest.BodyPublishers.ofByteArray(COMMA));
      }
      parts.add(HttpRequest.BodyPublishers.ofByteArray(bytes(requests.email(email))));
    }
    parts.add(HttpRequest.BodyPublishers.ofByteArray(CLOSE));
    return HttpRequest.BodyPublishers.concat(parts.toArray(HttpRequest.BodyPublisher[]::new));
  }

  private byte[] bytes(JsonNode body) {
    try {
      return json.writeValueAsBytes(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings always writes as JSON", e);
    }
  }

  private HttpResponse<String> post(
      String path, HttpRequest.BodyPublisher body, String idempotencyKey, boolean batch) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(settings.apiUrl().resolve(path))
            .timeout(settings.timeout())
            .header("Authorization", "Bearer " + settings.apiKey())
            .header("Content-Type", "application/json")
            .header("User-Agent", USER_AGENT)
            .header("Idempotency-Key", idempotencyKey)
            .POST(body);
    if (batch) {
      request.header("x-batch-validation", "permissive");
    }
    HttpResponse<String> response = exchange(request.build());
    response.headers().firstValue("ratelimit-limit").ifPresent(this::adaptPace);
    SendException failure =
        failures.classify(response.statusCode(), response.body(), response.headers());
    if (failure == null) {
      return response;
    }
    if (response.statusCode() == 429 && failure.isTransient()) {
      failure
          .retryAfter()
          .ifPresent(wait -> pacer.pauseFor(wait.compareTo(MAX_PAUSE) < 0 ? wait : MAX_PAUSE));
    }
    throw failure;
  }

  private HttpResponse<String> exchange(HttpRequest request) {
    try (RequestPacer.Permit answered = pacer.acquire()) {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw SendException.transientFailure(
          "resend did not answer within " + settings.timeout(), null, e);
    } catch (IOException e) {
      throw SendException.transientFailure(
          "resend connection failed: " + e.getClass().getSimpleName(), null, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw SendException.transientFailure("interrupted before resend answered", null, e);
    }
  }

  private void adaptPace(String limit) {
    try {
      pacer.adaptTo(Double.parseDouble(limit.strip()));
    } catch (NumberFormatException ignored) {
      // A malformed header leaves the configured pace in place.
    }
  }
}
