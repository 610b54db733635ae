package ca.businessx.nurture.alert.discord;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/** Where to post hot-lead alerts. The URL is normalised to Discord API v10 on construction. */
public record DiscordSettings(URI webhookUrl, Duration timeout) {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  public DiscordSettings {
    Objects.requireNonNull(webhookUrl, "the Discord webhook URL is missing");
    webhookUrl = DiscordWebhookUrl.normalise(webhookUrl);
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("Discord timeout must be positive");
    }
  }

  public DiscordSettings(URI webhookUrl) {
    this(webhookUrl, DEFAULT_TIMEOUT);
  }

  /** Never prints the token: settings end up in start-up logs. */
  @Override
  public String toString() {
    return "DiscordSettings[webhook="
        + DiscordWebhookUrl.redacted(webhookUrl)
        + ", timeout="
        + timeout
        + "]";
  }
}
