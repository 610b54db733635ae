package ca.businessx.nurture.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ca.businessx.nurture.engagement.EngagementScore.Engagement;
import ca.businessx.nurture.engagement.EngagementScore.Kind;
import ca.businessx.nurture.engagement.EngagementScore.Rules;
import ca.businessx.nurture.platform.Config;
import ca.businessx.nurture.platform.ConfigFiles;
import ca.businessx.nurture.platform.ConfigLoader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The score adds each engagement's weight, halved every half-life since it happened. */
class EngagementScoreTest {
  private static final Instant NOW = Instant.parse("2026-03-20T12:00:00Z");
  private static final Rules RULES =
      new Rules(
          Map.of(Kind.OPEN, 1.0, Kind.CLICK, 3.0, Kind.BOOKING_CLICK, 8.0, Kind.REPLY, 10.0),
          Duration.ofDays(14));

  @Test
  void eachEngagementCountsItsWeightAndHalvesEveryHalfLife() {
    assertThat(EngagementScore.of(List.of(), RULES, NOW)).isZero();
    assertThat(EngagementScore.of(List.of(at(Kind.REPLY, Duration.ZERO)), RULES, NOW))
        .isEqualTo(10.0);
    assertThat(EngagementScore.of(List.of(at(Kind.REPLY, Duration.ofDays(14))), RULES, NOW))
        .isCloseTo(5.0, within(1e-9));
    assertThat(EngagementScore.of(List.of(at(Kind.BOOKING_CLICK, Duration.ofDays(28))), RULES, NOW))
        .isCloseTo(2.0, within(1e-9));
    List<Engagement> mixed =
        List.of(
            at(Kind.OPEN, Duration.ZERO),
            at(Kind.CLICK, Duration.ofDays(7)),
            at(Kind.REPLY, Duration.ofDays(14)));
    assertThat(EngagementScore.of(mixed, RULES, NOW))
        .isCloseTo(1 + 3 / Math.sqrt(2) + 5, within(1e-9));
  }

  @Test
  void theSameEngagementsScoreLessAsTimeGoesOnAndAFutureStampCountsNoMoreThanItsWeight() {
    List<Engagement> one = List.of(new Engagement(Kind.CLICK, NOW));
    double today = EngagementScore.of(one, RULES, NOW);
    double later = EngagementScore.of(one, RULES, NOW.plus(Duration.ofDays(3)));
    assertThat(later).isLessThan(today).isPositive();
    assertThat(EngagementScore.of(one, RULES, NOW.minus(Duration.ofDays(1)))).isEqualTo(3.0);
  }

  @Test
  void theLastEngagementIsTheNewestAndTheScoreReadsWithOneDecimal() {
    List<Engagement> two =
        List.of(at(Kind.OPEN, Duration.ofDays(2)), at(Kind.CLICK, Duration.ofHours(1)));
    assertThat(EngagementScore.lastEngaged(two)).hasValue(NOW.minus(Duration.ofHours(1)));
    assertThat(EngagementScore.lastEngaged(List.of())).isEqualTo(Optional.empty());
    assertThat(EngagementScore.rounded(3.14159)).isEqualTo(3.1);
  }

  @Test
  void theShippedRulesParseAndBadRulesAreRefusedWithTheFileNamed() {
    Rules shipped =
        EngagementRules.parse(new ConfigFiles(Optional.empty()).require("engagement.json").text());
    assertThat(shipped.halfLife()).isEqualTo(Duration.ofDays(14));
    assertThat(shipped.weight(Kind.BOOKING_CLICK)).isEqualTo(8.0);
    assertThat(shipped.weight(Kind.OPEN)).isEqualTo(1.0);
    assertThatThrownBy(() -> EngagementRules.parse("{\"half_life\":\"P0D\",\"weights\":{}}"))
        .hasMessageContaining("engagement.json");
    assertThatThrownBy(
            () -> EngagementRules.parse("{\"half_life\":\"P1D\",\"weights\":{\"wave\":1}}"))
        .hasMessageContaining("engagement.json");
    assertThatThrownBy(
            () -> EngagementRules.parse("{\"half_life\":\"P1D\",\"weights\":{\"open\":-1}}"))
        .hasMessageContaining("engagement.json");
  }

  @Test
  void theHotLeadSettingsHaveDefaultsAndBadOnesStopTheStartNamingThem() {
    var defaults = ConfigLoader.load(Map.of()).engagement();
    assertThat(defaults.hotLeadScore()).isEqualTo(12.0);
    assertThat(defaults.hotLeadGrace()).isEqualTo(Duration.ofHours(2));
    assertThat(
            ConfigLoader.load(Map.of("HOT_LEAD_SCORE", "20", "HOT_LEAD_GRACE", "PT30M"))
                .engagement())
        .isEqualTo(new Config.Engagement(20, Duration.ofMinutes(30)));
    assertThatThrownBy(
            () -> ConfigLoader.load(Map.of("HOT_LEAD_SCORE", "hot", "HOT_LEAD_GRACE", "2h")))
        .hasMessageContaining("HOT_LEAD_SCORE")
        .hasMessageContaining("HOT_LEAD_GRACE");
  }

  private static Engagement at(Kind kind, Duration ago) {
    return new Engagement(kind, NOW.minus(ago));
  }
}
