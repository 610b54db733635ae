package ca.businessx.nurture.alert.sms;

import ca.businessx.nurture.alert.AlertException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Sends one text through Twilio's Messages API (providers.md §4b): a form-encoded POST with HTTP
 * Basic auth. Failures become {@link AlertException}s that say whether a retry can help: 429 and
 * 5xx (and a lost connection) can, a bad number (21211, 21614), a refused region (21408) or bad
 * credentials (20003) cannot.
 */
public final class TwilioClient {
  static final int INVALID_TO = 21211;
  static final int NOT_MOBILE = 21614;
  static final int REGION_NOT_ENABLED = 21408;
  static final int AUTHENTICATE = 20003;
  private static final String USER_AGENT = "nurture/0.1 (twilio-sms; java-httpclient)";

  private final TwilioSettings settings;
  private final HttpClient http;
  private final ObjectMapper json = new ObjectMapper();

  public TwilioClient(TwilioSettings settings) {
    this.settings = settings;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(settings.timeout())
            .build();
  }

  /** The message's sid, once Twilio has queued it. */
  public String send(String to, String body) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("To", to);
    form.put("From", settings.from());
    form.put("Body", body);
    HttpResponse<String> response =
        exchange(
            post(
                "/2010-04-01/Accounts/" + settings.accountSid() + "/Messages.json",
                form.entrySet().stream()
                    .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                    .collect(Collectors.joining("&"))));
    check(response);
    return parse(response.body()).path("sid").asText("");
  }

  /**
   * Reads the account itself: what {@code nurture doctor} asks to learn whether the credentials
   * work, without sending anything.
   */
  public String accountStatus() {
    HttpResponse<String> response =
        exchange(request("/2010-04-01/Accounts/" + settings.accountSid() + ".json").GET().build());
    check(response);
    return parse(response.body()).path("status").asText("unknown");
  }

  private HttpRequest post(String path, String form) {
    return request(path)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form))
        .build();
  }

  private HttpRequest.Builder request(String path) {
    String credentials = settings.accountSid() + ":" + settings.authToken();
    return HttpRequest.newBuilder(
            URI.create(settings.apiUrl().toString().replaceAll("/+$", "") + path))
        .timeout(settings.timeout())
        .header("Accept", "application/json")
        .header("User-Agent", USER_AGENT)
        .header(
            "Authorization",
            "Basic "
                + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
  }

  private HttpResponse<String> exchange(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw new AlertException("twilio did not answer within " + settings.timeout(), true);
    } catch (IOException e) {
      throw new AlertException("twilio connection failed: " + e.getClass().getSimpleName(), true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AlertException("interrupted before twilio answered", true);
    }
  }

  private void check(HttpResponse<String> response) {
    int status = response.statusCode();
    if (status / 100 == 2) {
      return;
    }
    int code = parse(response.body()).path("code").asInt(0);
    // Twilio's own message can repeat the number; the code and its meaning say enough.
    String what = "twilio " + status + " code " + code + " (" + meaning(status, code) + ")";
    if (status == 429 || status >= 500) {
      throw new AlertException(what, true, retryAfter(response));
    }
    throw new AlertException(what, false);
  }

  static String meaning(int status, int code) {
    return switch (code) {
      case INVALID_TO -> "not a valid phone number: check SMS_ALERT_TO";
      case NOT_MOBILE -> "not a mobile number: check SMS_ALERT_TO";
      case REGION_NOT_ENABLED -> "this country is not enabled in the Twilio console's Geo settings";
      case AUTHENTICATE -> "the account SID or auth token is wrong";
      default ->
          status == 429
              ? "too many requests"
              : status >= 500 ? "Twilio is failing" : "refused; see Twilio's error code";
    };
  }

  private static Duration retryAfter(HttpResponse<String> response) {
    return response
        .headers()
        .firstValue("Retry-After")
        .flatMap(
            v -> {
              try {
                return java.util.Optional.of(Duration.ofSeconds(Long.parseLong(v.strip())));
              } catch (NumberFormatException e) {
                return java.util.Optional.empty();
              }
            })
        .orElse(null);
  }

  private JsonNode parse(String body) {
    try {
      return json.readTree(body == null || body.isBlank() ? "{}" : body);
    } catch (IOException e) {
      return json.createObjectNode();
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
