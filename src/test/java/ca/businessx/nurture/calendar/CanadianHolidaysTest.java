package ca.businessx.nurture.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CanadianHolidaysTest {

  @Test
  void easterFollowsTheChurchCalendar() {
    assertThat(CanadianHolidays.easter(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
    assertThat(CanadianHolidays.easter(2025)).isEqualTo(LocalDate.of(2025, 4, 20));
    assertThat(CanadianHolidays.easter(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
    assertThat(CanadianHolidays.easter(2038)).isEqualTo(LocalDate.of(2038, 4, 25));
  }

  @Test
  void victoriaDayIsTheMondayBeforeMay25() {
    assertThat(CanadianHolidays.mondayBeforeMay25(2024)).isEqualTo(LocalDate.of(2024, 5, 20));
    assertThat(CanadianHolidays.mondayBeforeMay25(2026)).isEqualTo(LocalDate.of(2026, 5, 18));
    // May 24 itself when it is a Monday.
    assertThat(CanadianHolidays.mondayBeforeMay25(2027)).isEqualTo(LocalDate.of(2027, 5, 24));
  }

  @Test
  void quebecClosesForSaintJeanBaptisteAndPatriotsDayButNotBoxingDay() {
    assertThat(CanadianHolidays.isHoliday(LocalDate.of(2026, 6, 24), Province.QC)).isTrue();
    assertThat(CanadianHolidays.isHoliday(LocalDate.of(2026, 5, 18), Province.QC)).isTrue();
    assertThat(CanadianHolidays.isHoliday(LocalDate.of(2026, 6, 24), Province.ON)).isFalse();
    assertThat(CanadianHolidays.isHoliday(LocalDate.of(2025, 12, 26), Province.QC)).isFalse();
  }

  @Test
  void eachProvinceHasItsOwnHolidays() {
    LocalDate familyDay = LocalDate.of(2026, 2, 16);
    assertThat(CanadianHolidays.isHoliday(familyDay, Province.ON)).isTrue();
    assertThat(CanadianHolidays.isHoliday(familyDay, Province.QC)).isFalse();
    LocalDate civic = LocalDate.of(2026, 8, 3);
    assertThat(CanadianHolidays.isHoliday(civic, Province.BC)).as("BC Day").isTrue();
    assertThat(CanadianHolidays.isHoliday(civic, Province.ON)).as("not statutory").isFalse();
    LocalDate remembrance = LocalDate.of(2026, 11, 11);
    assertThat(CanadianHolidays.isHoliday(remembrance, Province.AB)).isTrue();
    assertThat(CanadianHolidays.isHoliday(remembrance, Province.ON)).isFalse();
    assertThat(CanadianHolidays.isHoliday(LocalDate.of(2026, 12, 26), Province.ON)).isTrue();
    assertThat(CanadianHolidays.isHoliday(LocalDate.of(2026, 9, 30), Province.BC)).isTrue();
    assertThat(CanadianHolidays.isHoliday(LocalDate.of(2026, 7, 9), Province.NU)).isTrue();
  }

  @Test
  void nationalHolidaysCloseEveryProvince() {
    for (Province p : Province.values()) {
      assertThat(CanadianHolidays.isHoliday(LocalDate.of(2026, 1, 1), p)).isTrue();
      assertThat(CanadianHolidays.isHoliday(LocalDate.of(2026, 4, 3), p))
          .as("Good Friday")
          .isTrue();
      assertThat(CanadianHolidays.isHoliday(LocalDate.of(2026, 7, 1), p)).isTrue();
      assertThat(CanadianHolidays.isHoliday(LocalDate.of(2026, 9, 7), p)).as("Labour Day").isTrue();
      assertThat(CanadianHolidays.isHoliday(LocalDate.of(2026, 12, 25), p)).isTrue();
      assertThat(CanadianHolidays.isHoliday(LocalDate.of(2026, 3, 10), p)).isFalse();
    }
  }

  @Test
  void aWeekendHolidayIsAlsoKeptOnTheNextWorkingDays() {
    // 2027: Christmas is a Saturday and Boxing Day a Sunday; Ontario closes Monday and Tuesday.
    assertThat(CanadianHolidays.isHoliday(LocalDate.of(2027, 12, 27), Province.ON)).isTrue();
    assertThat(CanadianHolidays.isHoliday(LocalDate.of(2027, 12, 28), Province.ON)).isTrue();
    assertThat(CanadianHolidays.isHoliday(LocalDate.of(2027, 12, 28), Province.QC)).isFalse();
    // 2028: Canada Day is a Saturday.
    assertThat(CanadianHolidays.isHoliday(LocalDate.of(2028, 7, 3), Province.BC)).isTrue();
  }

  @Test
  void withNoProvinceOnlyTheNationalOnesAreClosed() {
    assertThat(CanadianHolidays.of(2026, null))
        .containsExactlyInAnyOrder(
            LocalDate.of(2026, 1, 1),
            LocalDate.of(2026, 4, 3),
            LocalDate.of(2026, 7, 1),
            LocalDate.of(2026, 9, 7),
            LocalDate.of(2026, 12, 25));
    assertThat(CanadianHolidays.isHoliday(LocalDate.of(2026, 6, 24), null)).isFalse();
  }
}
