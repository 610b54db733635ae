package ca.businessx.nurture.email.resend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The fake itself keeps the contract of providers.md §2, so adapter tests against it mean
 * something.
 */
class ResendFakeContractTest {
  private static final String VALID =
      """
      {"from":"hi@nurture.test","to":["ana@example.ca"],"subject":"Hi","html":"<p>Hi</p>"}""";
  private final FakeResend fake = FakeResend.start();
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void refusesMissingAndWrongKeys() throws Exception {
    assertThat(post("/emails", null, null, VALID).body()).contains("missing_api_key");
    HttpResponse<String> wrong = post("/emails", "re_nope", null, VALID);
    assertThat(wrong.statusCode()).isEqualTo(403);
    assertThat(wrong.body()).contains("invalid_api_key");
  }

  @Test
  void enforcesTheBodyShape() throws Exception {
    assertRefused(
        "/emails",
        "{\"from\":\"hi@nurture.test\",\"to\":[\"a@b.ca\"],\"html\":\"x\"}",
        422,
        "missing_required_field");
    assertRefused(
        "/emails",
        "{\"from\":\"hi@nurture.test\",\"to\":[\"a@b.ca\"],\"subject\":\"s\"}",
        422,
        "missing_required_field");
    String fiftyOne = "[" + String.join(",", Collections.nCopies(51, "\"a@b.ca\"")) + "]";
    assertRefused(
        "/emails", VALID.replace("[\"ana@example.ca\"]", fiftyOne), 422, "validation_error");
    assertRefused(
        "/emails", VALID.replace("hi@nurture.test", "hi@other.example"), 403, "validation_error");
    assertThat(fake.delivered()).isEmpty();
  }

  @Test
  void enforcesBatchLimits() throws Exception {
    String hundredOne = "[" + String.join(",", Collections.nCopies(101, VALID)) + "]";
    assertRefused("/emails/batch", hundredOne, 422, "validation_error");
    String attachment =
        VALID.replace("}", ",\"attachments\":[{\"filename\":\"a.pdf\",\"content\":\"AA==\"}]}");
    assertRefused("/emails/batch", "[" + attachment + "]", 422, "validation_error");
    String oneBad = "[" + VALID + "," + VALID.replace("\"subject\":\"Hi\",", "") + "]";
    assertRefused("/emails/batch", oneBad, 422, "missing_required_field");
    assertThat(fake.delivered()).isEmpty();
  }

  @Test
  void keepsIdempotencyForTwentyFourHours() throws Exception {
    HttpResponse<String> first = post("/emails", FakeResend.API_KEY, "k-1", VALID);
    HttpResponse<String> replay = post("/emails", FakeResend.API_KEY, "k-1", VALID);
    HttpResponse<String> other =
        post("/emails", FakeResend.API_KEY, "k-1", VALID.replace("Hi\"", "Yo\""));
    HttpResponse<String> tooLong = post("/emails", FakeResend.API_KEY, "k".repeat(257), VALID);

    assertThat(replay.body()).isEqualTo(first.body());
    assertThat(other.statusCode()).isEqualTo(409);
    assertThat(other.body()).contains("invalid_idempotent_request");
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(tooLong.body()).contains("invalid_idempotency_key");
    assertThat(fake.delivered()).hasSize(1);
  }

  @Test
  void answers429PastTheRateLimitWithItsHeaders() throws Exception {
    fake.rateLimit(2);
    post("/emails", FakeResend.API_KEY, null, VALID);
    post("/emails", FakeResend.API_KEY, null, VALID);

    HttpResponse<String> third = post("/emails", FakeResend.API_KEY, null, VALID);

    assertThat(third.statusCode()).isEqualTo(429);
    assertThat(third.body()).contains("rate_limit_exceeded");
    assertThat(third.headers().firstValue("retry-after")).contains("1");
    assertThat(third.headers().firstValue("ratelimit-limit")).contains("2");
    assertThat(third.headers().firstValue("ratelimit-remaining")).contains("0");
    assertThat(fake.tooManyRequestsCount()).isEqualTo(1);
  }

  @Test
  void canDropTheConnection() {
    fake.inject(FakeResend.Fault.DROP_CONNECTION, 1);

    assertThatThrownBy(() -> post("/emails", FakeResend.API_KEY, "k-2", VALID))
        .isInstanceOf(IOException.class);
    assertThat(fake.requests())
        .singleElement()
        .extracting(FakeResend.Request::status)
        .isEqualTo(-1);
  }

  private void assertRefused(String path, String body, int status, String name) throws Exception {
    HttpResponse<String> response = post(path, FakeResend.API_KEY, null, body);
    assertThat(response.statusCode()).as(body).isEqualTo(status);
    assertThat(response.body()).contains(name);
  }

  private HttpResponse<String> post(String path, String key, String idempotencyKey, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(fake.baseUri().resolve(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
