package ca.businessx.nurture.alert;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.alert.discord.FakeDiscord;
import ca.businessx.nurture.support.FlakySender;
import ca.businessx.nurture.support.TestApp;
import ca.businessx.nurture.support.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Parked emails reach the team as one summary at most once an hour, and only when new. */
class ParkedSummaryTest {
  @TempDir Path dir;
  private final FakeDiscord discord = FakeDiscord.start();

  @AfterEach
  void stop() {
    discord.close();
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void theTeamHearsOfParkedEmailsOnceAnHourAndOnlyWhenSomethingIsNew(TestDatabases.Kind kind) {
    FlakySender sender = new FlakySender().refuse("pat@bouncy.example").refuse("bo@bouncy.example");
    try (TestApp t =
        new TestApp(
            dir,
            kind,
            Map.of("DISCORD_WEBHOOK_URL", discord.createWebhook("1", "t").toString()),
            b -> b.emailSender(sender))) {
      t.signup("pat@bouncy.example", "Pat");
      t.assess("pat@bouncy.example", 0, 0);
      t.advance(Duration.ofMinutes(10), Duration.ofMinutes(1));
      assertThat(summaries()).singleElement().asString().startsWith("1 email needs follow-up");
      assertThat(summaries().get(0)).contains("/console/follow-up").doesNotContain("pat@");

      t.signup("bo@bouncy.example", "Bo");
      t.assess("bo@bouncy.example", 0, 0);
      t.advance(Duration.ofMinutes(30), Duration.ofMinutes(1));
      assertThat(summaries()).hasSize(1);

      t.advance(Duration.ofMinutes(30), Duration.ofMinutes(1));
      assertThat(summaries()).hasSize(2);
      assertThat(summaries().get(1)).startsWith("2 emails need follow-up (1 new)");

      t.advance(Duration.ofHours(3), Duration.ofMinutes(5));
      assertThat(summaries()).hasSize(2);
    }
  }

  @Test
  void nothingNewMeansNoSummary() {
    Instant now = Instant.parse("2026-03-02T14:00:00Z");
    assertThat(ParkedSummary.text(new ParkedSummary.Parked(3, 0, now), null, now, "u")).isEmpty();
    assertThat(
            ParkedSummary.text(
                new ParkedSummary.Parked(3, 1, now), now.minusSeconds(3599), now, "u"))
        .isEmpty();
    assertThat(
            ParkedSummary.text(
                new ParkedSummary.Parked(3, 1, now), now.minusSeconds(3600), now, "u"))
        .contains("3 emails need follow-up (1 new): the provider refused them or kept failing. u");
  }

  private List<String> summaries() {
    return discord.messages().stream()
        .map((JsonNode m) -> m.path("content").asText())
        .filter(c -> c.contains("follow-up"))
        .toList();
  }
}
