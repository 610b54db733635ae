package ca.businessx.nurture.alert.discord;

import ca.businessx.nurture.alert.AlertException;
import ca.businessx.nurture.alert.Alerter;
import ca.businessx.nurture.alert.LeadAlert;
import ca.businessx.nurture.alert.TeamNotice;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts hot-lead alerts to a Discord webhook (providers.md §3). A webhook that answers 404 Unknown
 * Webhook is never called again by this instance: Discord bans clients that keep hitting dead
 * webhooks.
 */
public final class DiscordAlerter implements Alerter {
  private static final Logger log = LoggerFactory.getLogger(DiscordAlerter.class);
  private static final String USER_AGENT = "nurture/0.1 (discord-alerter; java-httpclient)";
  static final int UNKNOWN_WEBHOOK = 10015;
  static final int INVALID_WEBHOOK_TOKEN = 50027;

  private final DiscordSettings settings;
  private final Clock clock;
  private final HttpClient http;
  private final ObjectMapper json = new ObjectMapper();
  private final DiscordMessages messages = new DiscordMessages(json);
  private final AtomicBoolean switchedOff = new AtomicBoolean();

  public DiscordAlerter(DiscordSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(settings.timeout())
            .build();
  }

  @Override
  public String name() {
    return "discord";
  }

  @Override
  public void criticalLead(LeadAlert alert) {
    post(messages.criticalLead(alert, clock.instant()).toString());
  }

  @Override
  public void notice(TeamNotice notice) {
    post(messages.notice(notice).toString());
  }

  private void post(String json) {
    if (switchedOff.get()) {
      throw new AlertException(
          "discord webhook is switched off: it answered Unknown Webhook", false);
    }
    HttpRequest request =
        HttpRequest.newBuilder(settings.webhookUrl())
            .timeout(settings.timeout())
            .header("Content-Type", "application/json")
            .header("User-Agent", USER_AGENT)
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    check(exchange(request));
  }

  private HttpResponse<String> exchange(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw new AlertException("discord did not answer within " + settings.timeout(), true);
    } catch (IOException e) {
      throw new AlertException("discord connection failed: " + e.getClass().getSimpleName(), true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AlertException("interrupted before discord answered", true);
    }
  }

  private void check(HttpResponse<String> response) {
    int status = response.statusCode();
    if (status / 100 == 2) {
      return;
    }
    JsonNode error = parse(response.body());
    int code = error.path("code").asInt(0);
    String what =
        "discord " + status + " code " + code + ": " + error.path("message").asText("(no message)");
    if (status == 429) {
      throw new AlertException(what, true, retryAfter(error, response));
    }
    if (status >= 500) {
      throw new AlertException(what, true);
    }
    if (status == 404 || code == UNKNOWN_WEBHOOK || code == INVALID_WEBHOOK_TOKEN) {
      if (switchedOff.compareAndSet(false, true)) {
        log.warn(
            "Discord webhook {} answered {} (code {}); no more alerts go to it until it is reconfigured",
            DiscordWebhookUrl.redacted(settings.webhookUrl()),
            status,
            code);
      }
    }
    throw new AlertException(what, false);
  }

  /** v10 gives seconds (with decimals) in the body and whole seconds in the header. */
  private static Duration retryAfter(JsonNode error, HttpResponse<String> response) {
    double seconds = error.path("retry_after").asDouble(-1);
    if (seconds < 0) {
      seconds =
          response.headers().firstValue("Retry-After").map(DiscordAlerter::number).orElse(1.0);
    }
    return Duration.ofMillis((long) Math.ceil(seconds * 1000));
  }

  private static double number(String text) {
    try {
      return Double.parseDouble(text.strip());
    } catch (NumberFormatException e) {
      return 1.0;
    }
  }

  private JsonNode parse(String body) {
    try {
      return json.readTree(body == null || body.isBlank() ? "{}" : body);
    } catch (IOException e) {
      return json.createObjectNode();
    }
  }
}
