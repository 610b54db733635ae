package ca.businessx.nurture.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ProvinceTest {

  @Test
  void aPostalCodesFirstLetterGivesItsProvince() {
    assertThat(Province.ofPostalCode("H2X 1Y4")).contains(Province.QC);
    assertThat(Province.ofPostalCode("v6b4y8")).contains(Province.BC);
    assertThat(Province.ofPostalCode("X0A 0H0")).contains(Province.NU);
    assertThat(Province.ofPostalCode("X1A 2P7")).contains(Province.NT);
    assertThat(Province.ofPostalCode("K1A 0B1")).contains(Province.ON);
  }

  @Test
  void somethingThatIsNoPostalCodeGivesNone() {
    assertThat(Province.ofPostalCode("90210")).isEmpty();
    assertThat(Province.ofPostalCode("D1A 1A1")).as("D starts no Canadian code").isEmpty();
    assertThat(Province.ofPostalCode("H2X 1Y")).isEmpty();
  }

  @Test
  void provincesHaveTheirMainZone() {
    assertThat(Province.ofCode("bc").orElseThrow().mainZone())
        .isEqualTo(ZoneId.of("America/Vancouver"));
    assertThat(Province.QC.mainZone()).isEqualTo(ZoneId.of("America/Toronto"));
    assertThat(Province.ofCode("ZZ")).isEmpty();
  }
}
