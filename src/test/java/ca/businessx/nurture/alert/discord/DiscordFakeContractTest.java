package ca.businessx.nurture.alert.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fake keeps Discord's webhook contract, so alerter tests against it mean something. */
class DiscordFakeContractTest {
  private final FakeDiscord fake = FakeDiscord.start();
  private final URI unversioned = fake.createWebhook("42", "tok");
  private final String v10 = unversioned.toString().replace("/api/webhooks/", "/api/v10/webhooks/");
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void servesV10OnlyAndKnowsItsWebhooks() throws Exception {
    assertThat(post(unversioned.toString(), "{\"content\":\"hi\"}").statusCode()).isEqualTo(400);
    assertThat(post(v10.replace("/v10/", "/v9/"), "{\"content\":\"hi\"}").statusCode())
        .isEqualTo(400);
    HttpResponse<String> unknown = post(v10.replace("/42/", "/43/"), "{\"content\":\"hi\"}");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("10015");
    assertThat(post(v10.replace("/tok", "/bad"), "{\"content\":\"hi\"}").body()).contains("50027");
    assertThat(fake.messages()).isEmpty();
  }

  @Test
  void refusesEmptyAndOversizedMessages() throws Exception {
    assertThat(post(v10, "{\"embeds\":[]}").body()).contains("50006");
    assertThat(post(v10, "{\"content\":\"" + "x".repeat(2001) + "\"}").body()).contains("50035");
    String bigField =
        "{\"embeds\":[{\"fields\":[{\"name\":\"a\",\"value\":\"" + "v".repeat(1025) + "\"}]}]}";
    assertThat(post(v10, bigField).body()).contains("50035").contains("embeds.0.fields.0.value");
    assertThat(post(v10, "{not json").body()).contains("50109");
    assertThat(fake.messages()).isEmpty();
  }

  @Test
  void answersTheSavedMessageOnlyWhenAskedToWait() throws Exception {
    assertThat(post(v10, "{\"content\":\"hi\"}").statusCode()).isEqualTo(204);
    HttpResponse<String> waited = post(v10 + "?wait=true", "{\"content\":\"hi\"}");
    assertThat(waited.statusCode()).isEqualTo(200);
    assertThat(waited.body()).contains("\"webhook_id\":\"42\"");
  }

  @Test
  void rateLimitsWithRetryAfterInSeconds() throws Exception {
    fake.inject(FakeDiscord.Fault.RATE_LIMIT_429, 1);

    HttpResponse<String> limited = post(v10, "{\"content\":\"hi\"}");

    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.body()).contains("\"retry_after\":0.583");
    assertThat(limited.headers().firstValue("Retry-After")).contains("1");
  }

  private HttpResponse<String> post(String url, String body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
