package ca.businessx.nurture.contact;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.calendar.Province;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The zone is the first known of the lead's own, its province's, the default; likewise language.
 */
class LocaleDefaultsTest {
  static final LocaleDefaults DEFAULTS = LocaleDefaults.CANADA;

  static LeadLocale locale(String zone, Province p, Language l) {
    return new LeadLocale(zone == null ? null : ZoneId.of(zone), p, null, l);
  }

  @Test
  void theLeadsOwnZoneWinsOverItsProvince() {
    assertThat(DEFAULTS.zoneOf(locale("America/Vancouver", Province.QC, null)))
        .isEqualTo(ZoneId.of("America/Vancouver"));
  }

  @ParameterizedTest
  @CsvSource({
    "BC, America/Vancouver",
    "AB, America/Edmonton",
    "SK, America/Regina",
    "MB, America/Winnipeg",
    "ON, America/Toronto",
    "QC, America/Toronto",
    "NB, America/Moncton",
    "NS, America/Halifax",
    "PE, America/Halifax",
    "NL, America/St_Johns",
    "YT, America/Whitehorse",
    "NT, America/Yellowknife",
    "NU, America/Iqaluit"
  })
  void withoutAZoneTheProvincesMainZoneApplies(Province p, String zone) {
    assertThat(DEFAULTS.zoneOf(locale(null, p, null))).isEqualTo(ZoneId.of(zone));
  }

  @Test
  void withNeitherTheDefaultZoneApplies() {
    assertThat(DEFAULTS.zoneOf(LeadLocale.UNKNOWN)).isEqualTo(ZoneId.of("America/Toronto"));
    LocaleDefaults west =
        new LocaleDefaults(ZoneId.of("America/Edmonton"), Language.EN, Language.FR);
    assertThat(west.zoneOf(LeadLocale.UNKNOWN)).isEqualTo(ZoneId.of("America/Edmonton"));
  }

  @Test
  void aPostalCodesProvinceGivesItsZone() {
    Province p = Province.ofPostalCode("T2P 1J9").orElseThrow();
    assertThat(DEFAULTS.zoneOf(locale(null, p, null))).isEqualTo(ZoneId.of("America/Edmonton"));
  }

  @Test
  void quebecDefaultsToFrenchAndTheRestToEnglish() {
    assertThat(DEFAULTS.languageOf(locale(null, Province.QC, null))).isEqualTo(Language.FR);
    assertThat(DEFAULTS.languageOf(locale(null, Province.ON, null))).isEqualTo(Language.EN);
    assertThat(DEFAULTS.languageOf(locale(null, Province.NB, null))).isEqualTo(Language.EN);
    assertThat(DEFAULTS.languageOf(LeadLocale.UNKNOWN)).isEqualTo(Language.EN);
  }

  @Test
  void theLeadsOwnLanguageWins() {
    assertThat(DEFAULTS.languageOf(locale(null, Province.QC, Language.EN))).isEqualTo(Language.EN);
    assertThat(DEFAULTS.languageOf(locale(null, Province.ON, Language.FR))).isEqualTo(Language.FR);
  }

  @Test
  void bothLanguageDefaultsAreSettable() {
    LocaleDefaults bilingual =
        new LocaleDefaults(ZoneId.of("America/Moncton"), Language.FR, Language.EN);
    assertThat(bilingual.languageOf(locale(null, Province.NB, null))).isEqualTo(Language.FR);
    assertThat(bilingual.languageOf(locale(null, Province.QC, null))).isEqualTo(Language.EN);
  }
}
