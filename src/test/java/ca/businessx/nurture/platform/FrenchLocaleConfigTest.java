package ca.businessx.nurture.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The locale defaults and the signing person are settings, checked once at start. */
class FrenchLocaleConfigTest {

  @Test
  void torontoEnglishAndQuebecFrenchByDefault() {
    Config c = ConfigLoader.load(Map.of());
    assertThat(c.locale().defaultZone()).isEqualTo(ZoneId.of("America/Toronto"));
    assertThat(c.locale().defaultLanguage()).isEqualTo("en");
    assertThat(c.locale().quebecLanguage()).isEqualTo("fr");
    assertThat(c.sender().person()).isEmpty();
  }

  @Test
  void eachIsSettable() {
    Config c =
        ConfigLoader.load(
            Map.of(
                "DEFAULT_TIMEZONE", "America/Winnipeg",
                "DEFAULT_LANGUAGE", "FR",
                "DEFAULT_LANGUAGE_QC", "en",
                "SENDER_PERSON", "Julie Gagnon, Founder"));
    assertThat(c.locale().defaultZone()).isEqualTo(ZoneId.of("America/Winnipeg"));
    assertThat(c.locale().defaultLanguage()).isEqualTo("fr");
    assertThat(c.locale().quebecLanguage()).isEqualTo("en");
    assertThat(c.sender().person()).isEqualTo(Optional.of("Julie Gagnon, Founder"));
  }

  @Test
  void badValuesStopTheStartWithOneLineEach() {
    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    Map.of(
                        "DEFAULT_TIMEZONE", "Canada/Nowhere",
                        "DEFAULT_LANGUAGE", "de",
                        "DEFAULT_LANGUAGE_QC", "french")))
        .isInstanceOf(ConfigException.class)
        .satisfies(
            e ->
                assertThat(((ConfigException) e).problems())
                    .containsExactlyInAnyOrder(
                        "DEFAULT_TIMEZONE must be an IANA time zone such as America/Toronto, got"
                            + " 'Canada/Nowhere'",
                        "DEFAULT_LANGUAGE must be en or fr, got 'de'",
                        "DEFAULT_LANGUAGE_QC must be en or fr, got 'french'"));
  }
}
