package ca.businessx.nurture.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class SendWindowTest {
  private static final SendWindow WEEKDAYS = SendWindow.parse("MON-FRI 09:00-17:00");
  private static final ZoneId VANCOUVER = ZoneId.of("America/Vancouver");
  private static final ZoneId TORONTO = ZoneId.of("America/Toronto");

  @Test
  void anEmailDueAtNightWaitsForNineInTheLeadsOwnZone() {
    // Tuesday 2026-03-10 03:00 in Vancouver.
    Instant due = ZonedDateTime.of(2026, 3, 10, 3, 0, 0, 0, VANCOUVER).toInstant();
    Instant sent = WEEKDAYS.nextOpening(due, VANCOUVER, Province.BC);
    assertThat(sent.atZone(VANCOUVER).toLocalDateTime()).hasToString("2026-03-10T09:00");
  }

  @Test
  void aFridayEveningEmailGoesOnMondayAndAnOpenHourAtOnce() {
    Instant friday = ZonedDateTime.of(2026, 3, 13, 17, 0, 0, 0, TORONTO).toInstant();
    assertThat(WEEKDAYS.nextOpening(friday, TORONTO, Province.ON).atZone(TORONTO).toLocalDateTime())
        .hasToString("2026-03-16T09:00");
    Instant open = ZonedDateTime.of(2026, 3, 16, 16, 59, 0, 0, TORONTO).toInstant();
    assertThat(WEEKDAYS.nextOpening(open, TORONTO, Province.ON)).isEqualTo(open);
  }

  @Test
  void saintJeanBaptisteKeepsQuebecEmailsForTheNextDay() {
    Instant due = ZonedDateTime.of(2026, 6, 24, 10, 0, 0, 0, TORONTO).toInstant();
    assertThat(WEEKDAYS.nextOpening(due, TORONTO, Province.QC).atZone(TORONTO).toLocalDateTime())
        .hasToString("2026-06-25T09:00");
    assertThat(WEEKDAYS.nextOpening(due, TORONTO, Province.ON)).isEqualTo(due);
  }

  @Test
  void daysMayBeListedAndAlwaysMeansNoWindow() {
    SendWindow w = SendWindow.parse("mon,wed-thu 10:30-12:00");
    Instant tuesday = ZonedDateTime.of(2026, 3, 10, 11, 0, 0, 0, TORONTO).toInstant();
    assertThat(w.nextOpening(tuesday, TORONTO, Province.ON).atZone(TORONTO).toLocalDateTime())
        .hasToString("2026-03-11T10:30");
    assertThat(SendWindow.parse("always").nextOpening(tuesday, TORONTO, Province.ON))
        .isEqualTo(tuesday);
  }

  @Test
  void aWindowThatCannotBeReadSaysWhy() {
    assertThatThrownBy(() -> SendWindow.parse("weekdays 9-5")).hasMessageContaining("MON-FRI");
    assertThatThrownBy(() -> SendWindow.parse("MON-FRI 17:00-09:00"))
        .hasMessageContaining("not before");
    assertThatThrownBy(() -> SendWindow.parse("MON-FRX 09:00-17:00"))
        .hasMessageContaining("FRX is not a day");
    assertThatThrownBy(() -> SendWindow.parse("MON-FRI 09:00-25:00"))
        .hasMessageContaining("25:00 is not a time");
  }
}
