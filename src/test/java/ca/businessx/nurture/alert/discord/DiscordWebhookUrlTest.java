package ca.businessx.nurture.alert.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import org.junit.jupiter.api.Test;

class DiscordWebhookUrlTest {

  @Test
  void pinsUnversionedAndOlderUrlsToV10AndWaits() {
    assertThat(normalise("https://discord.com/api/webhooks/123/tok-en_1"))
        .isEqualTo("https://discord.com/api/v10/webhooks/123/tok-en_1?wait=true");
    assertThat(normalise("https://discordapp.com/api/v6/webhooks/123/tok/"))
        .isEqualTo("https://discordapp.com/api/v10/webhooks/123/tok?wait=true");
    assertThat(normalise("https://discord.com/api/v10/webhooks/123/tok?wait=false&thread_id=77"))
        .isEqualTo("https://discord.com/api/v10/webhooks/123/tok?thread_id=77&wait=true");
  }

  @Test
  void refusesOtherUrlsWithoutEchoingTheToken() {
    IllegalArgumentException e =
        catchThrowableOfType(
            IllegalArgumentException.class,
            () -> new DiscordSettings(URI.create("https://discord.com/webhooks/123/secret-token")));

    assertThat(e.getMessage()).doesNotContain("secret-token");
  }

  @Test
  void settingsNeverPrintTheToken() {
    DiscordSettings settings =
        new DiscordSettings(URI.create("https://discord.com/api/webhooks/123/secret-token"));

    assertThat(settings.toString())
        .contains("/api/v10/webhooks/123/***")
        .doesNotContain("secret-token");
  }

  private static String normalise(String url) {
    return DiscordWebhookUrl.normalise(URI.create(url)).toString();
  }
}
