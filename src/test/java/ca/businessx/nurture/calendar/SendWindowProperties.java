package ca.businessx.nurture.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Around every daylight-saving change of every Canadian zone: an email never leaves while the
 * window is closed, never before its wait ends, and never more than one window late.
 */
class SendWindowProperties {
  private static final SendWindow WINDOW = SendWindow.parse("MON-FRI 09:00-17:00");

  record Case(Province province, ZoneId zone, Instant waitEnds) {}

  @Property(tries = 1000)
  void neverClosedNeverEarlyNeverAWindowLate(@ForAll("nearDaylightSavingChanges") Case c) {
    Instant sent = WINDOW.nextOpening(c.waitEnds(), c.zone(), c.province());

    assertThat(sent).as("never before the wait ends").isAfterOrEqualTo(c.waitEnds());
    ZonedDateTime local = sent.atZone(c.zone());
    assertThat(local.getHour()).as("inside the hours, " + local).isBetween(9, 16);
    assertThat(local.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
    assertThat(CanadianHolidays.isHoliday(local.toLocalDate(), c.province())).isFalse();
    // Not one open minute was skipped between the end of the wait and the send.
    for (Instant t = c.waitEnds(); t.isBefore(sent); t = t.plus(Duration.ofMinutes(1))) {
      ZonedDateTime l = t.atZone(c.zone());
      boolean open =
          l.getHour() >= 9
              && l.getHour() < 17
              && l.getDayOfWeek().getValue() <= 5
              && !CanadianHolidays.isHoliday(l.toLocalDate(), c.province());
      assertThat(open).as("open at " + l + " but waited until " + local).isFalse();
    }
  }

  @Provide
  Arbitrary<Case> nearDaylightSavingChanges() {
    Arbitrary<Province> provinces = Arbitraries.of(Province.values());
    Arbitrary<Integer> years = Arbitraries.integers().between(2025, 2032);
    Arbitrary<Boolean> spring = Arbitraries.of(true, false);
    Arbitrary<Long> minutesAround = Arbitraries.longs().between(-4 * 24 * 60, 4 * 24 * 60);
    Arbitrary<Integer> seconds = Arbitraries.integers().between(0, 59);
    return Combinators.combine(provinces, years, spring, minutesAround, seconds)
        .as(
            (p, year, isSpring, minutes, secs) -> {
              Instant change = change(p.mainZone(), year, isSpring);
              return new Case(p, p.mainZone(), change.plusSeconds(minutes * 60 + secs));
            });
  }

  /** The zone's spring or autumn change of that year, or mid-March/November where there is none. */
  private static Instant change(ZoneId zone, int year, boolean spring) {
    Instant from = LocalDate.of(year, spring ? 2 : 10, 1).atStartOfDay(zone).toInstant();
    ZoneOffsetTransition next = zone.getRules().nextTransition(from);
    if (next != null && next.getInstant().atZone(zone).getYear() == year) {
      return next.getInstant();
    }
    return LocalDate.of(year, spring ? 3 : 11, 8).atTime(2, 0).atZone(zone).toInstant();
  }
}
