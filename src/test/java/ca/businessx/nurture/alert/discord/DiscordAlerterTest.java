package ca.businessx.nurture.alert.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ca.businessx.nurture.alert.AlertException;
import ca.businessx.nurture.alert.LeadAlert;
import ca.businessx.nurture.segment.Segment;
import ca.businessx.nurture.support.CapturedLogs;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DiscordAlerterTest {
  private static final String TOKEN = "s3cr3t-T0ken_abc";
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-02T14:00:00Z"), ZoneOffset.UTC);
  private final FakeDiscord fake = FakeDiscord.start();
  private final URI webhook = fake.createWebhook("1234567890", TOKEN);
  private final DiscordAlerter alerter = alerter(webhook, Duration.ofSeconds(2));

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void postsOneEmbedWithTheLeadAndPingsNobody() {
    alerter.criticalLead(alert("Ana", "Tremblay Plomberie", "https://notion.so/page-1"));

    assertThat(fake.requests())
        .singleElement()
        .satisfies(
            request -> {
              assertThat(request.path()).isEqualTo("/api/v10/webhooks/1234567890/" + TOKEN);
              assertThat(request.query()).isEqualTo("wait=true");
              assertThat(request.status()).isEqualTo(200);
            });
    JsonNode message = fake.messages().getFirst();
    assertThat(message.path("allowed_mentions").path("parse").isArray()).isTrue();
    assertThat(message.path("allowed_mentions").path("parse")).isEmpty();
    JsonNode embed = message.path("embeds").get(0);
    assertThat(embed.path("title").asText()).isEqualTo("Critical lead");
    assertThat(embed.path("url").asText()).isEqualTo("https://notion.so/page-1");
    assertThat(embed.path("timestamp").asText()).isEqualTo("2026-03-02T14:00:00Z");
    assertThat(field(embed, "Business")).isEqualTo("Tremblay Plomberie");
    assertThat(field(embed, "First name")).isEqualTo("Ana");
    assertThat(field(embed, "Segment")).isEqualTo("CRITICAL");
    assertThat(
            field(embed, "Red")
                + field(embed, "Orange")
                + field(embed, "Yellow")
                + field(embed, "Green"))
        .isEqualTo("3210");
    assertThat(field(embed, "Score")).isEqualTo("42.5");
    assertThat(embed.path("footer").path("text").asText()).isEqualTo("contact c-1");
  }

  @Test
  void leavesOutAnUnknownCrmLinkAndFillsEmptyValues() {
    alerter.criticalLead(
        new LeadAlert("c-2", "  ", null, Segment.CRITICAL, 2, 0, 0, 0, null, null));

    JsonNode embed = fake.messages().getFirst().path("embeds").get(0);
    assertThat(embed.has("url")).isFalse();
    assertThat(field(embed, "First name")).isEqualTo("—");
    assertThat(field(embed, "Score")).isEqualTo("—");
  }

  @Test
  void clipsLongValuesToDiscordsLimits() {
    alerter.criticalLead(alert("N".repeat(3000), "B".repeat(5000), null));

    JsonNode embed = fake.messages().getFirst().path("embeds").get(0);
    assertThat(field(embed, "Business")).hasSize(1024).endsWith("…");
    assertThat(field(embed, "First name")).hasSize(256);
  }

  @Test
  void unknownWebhookStopsAllFurtherCallsAndIsLoggedOnceWithoutTheToken() {
    fake.deleteWebhook("1234567890");

    try (CapturedLogs logs = new CapturedLogs(DiscordAlerter.class)) {
      AlertException first =
          catchThrowableOfType(AlertException.class, () -> alerter.criticalLead(alert()));
      AlertException second =
          catchThrowableOfType(AlertException.class, () -> alerter.criticalLead(alert()));
      AlertException third =
          catchThrowableOfType(AlertException.class, () -> alerter.criticalLead(alert()));

      assertThat(first.isTransient()).isFalse();
      assertThat(first.getMessage()).contains("10015");
      assertThat(second.isTransient()).isFalse();
      assertThat(third.isTransient()).isFalse();
      assertThat(fake.requests()).hasSize(1);
      assertThat(logs.lines())
          .singleElement()
          .asString()
          .startsWith("WARN")
          .contains("1234567890")
          .doesNotContain(TOKEN);
    }
  }

  @Test
  void rateLimitIsTransientAndCarriesRetryAfterInSeconds() {
    fake.retryAfter(0.583).inject(FakeDiscord.Fault.RATE_LIMIT_429, 1);

    AlertException e =
        catchThrowableOfType(AlertException.class, () -> alerter.criticalLead(alert()));

    assertThat(e.isTransient()).isTrue();
    assertThat(e.retryAfter()).contains(Duration.ofMillis(583));
    alerter.criticalLead(alert());
    assertThat(fake.messages()).hasSize(1);
  }

  @ParameterizedTest
  @EnumSource(
      value = FakeDiscord.Fault.class,
      names = {"HTTP_500", "HTTP_502", "SLOW", "DROP_CONNECTION"})
  void serverTroubleIsTransient(FakeDiscord.Fault fault) {
    DiscordAlerter impatient = alerter(webhook, Duration.ofMillis(300));
    fake.slowness(Duration.ofMillis(800)).inject(fault, 1);

    AlertException e =
        catchThrowableOfType(AlertException.class, () -> impatient.criticalLead(alert()));

    assertThat(e.isTransient()).as(e.getMessage()).isTrue();
    assertThat(e.getMessage()).doesNotContain(TOKEN);
  }

  private DiscordAlerter alerter(URI url, Duration timeout) {
    return new DiscordAlerter(new DiscordSettings(url, timeout), CLOCK);
  }

  private static LeadAlert alert() {
    return alert("Ana", "Tremblay Plomberie", null);
  }

  private static LeadAlert alert(String firstName, String business, String crmUrl) {
    return new LeadAlert("c-1", firstName, business, Segment.CRITICAL, 3, 2, 1, 0, 42.5, crmUrl);
  }

  private static String field(JsonNode embed, String name) {
    for (JsonNode field : embed.path("fields")) {
      if (field.path("name").asText().equals(name)) {
        return field.path("value").asText();
      }
    }
    throw new AssertionError("no field " + name);
  }
}
