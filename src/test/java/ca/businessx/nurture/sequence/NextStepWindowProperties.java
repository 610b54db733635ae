package ca.businessx.nurture.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.calendar.CanadianHolidays;
import ca.businessx.nurture.calendar.Province;
import ca.businessx.nurture.calendar.SendWindow;
import ca.businessx.nurture.segment.Segment;
import ca.businessx.nurture.sequence.NextStep.Decision;
import ca.businessx.nurture.sequence.NextStep.LeadFacts;
import ca.businessx.nurture.sequence.NextStep.LeadHours;
import ca.businessx.nurture.sequence.NextStep.Position;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The send window as a rule of the decision, around every daylight-saving change of every Canadian
 * zone: an email is never sent while the window is closed, never before its wait ends, and never
 * more than one window late (the first open minute after its wait, when the sender is on time).
 */
class NextStepWindowProperties {
  /** Every zone in use in Canada (the tz database's CA entries). */
  static final List<String> CANADIAN_ZONES =
      List.of(
          "America/St_Johns",
          "America/Halifax",
          "America/Glace_Bay",
          "America/Moncton",
          "America/Goose_Bay",
          "America/Toronto",
          "America/Iqaluit",
          "America/Atikokan",
          "America/Blanc-Sablon",
          "America/Winnipeg",
          "America/Rankin_Inlet",
          "America/Resolute",
          "America/Regina",
          "America/Swift_Current",
          "America/Edmonton",
          "America/Cambridge_Bay",
          "America/Inuvik",
          "America/Creston",
          "America/Dawson_Creek",
          "America/Fort_Nelson",
          "America/Whitehorse",
          "America/Dawson",
          "America/Vancouver");

  /** A window as text and as plain numbers, checked here without SendWindow's own code. */
  record Spec(String text, Set<DayOfWeek> days, LocalTime opens, LocalTime closes) {
    boolean open(ZonedDateTime local, Province province) {
      LocalTime t = local.toLocalTime();
      LocalDate d = local.toLocalDate();
      return days.contains(d.getDayOfWeek())
          && !t.isBefore(opens)
          && t.isBefore(closes)
          && !CanadianHolidays.isHoliday(d, province);
    }
  }

  static final Set<DayOfWeek> WEEKDAYS =
      Set.of(
          DayOfWeek.MONDAY,
          DayOfWeek.TUESDAY,
          DayOfWeek.WEDNESDAY,
          DayOfWeek.THURSDAY,
          DayOfWeek.FRIDAY);

  static final List<Spec> WINDOWS =
      List.of(
          new Spec("MON-FRI 09:00-17:00", WEEKDAYS, LocalTime.of(9, 0), LocalTime.of(17, 0)),
          // Hours that a spring change skips or an autumn change repeats.
          new Spec(
              "MON-SUN 01:30-03:30",
              Set.of(DayOfWeek.values()),
              LocalTime.of(1, 30),
              LocalTime.of(3, 30)),
          new Spec(
              "SAT,SUN 02:00-02:45",
              Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
              LocalTime.of(2, 0),
              LocalTime.of(2, 45)));

  static final SequencePlan PLAN =
      new SequencePlan(
          List.of(
              new SequencePlan.Step(Map.of(Segment.URGENT, "e1"), Duration.ZERO, false),
              new SequencePlan.Step(Map.of(Segment.URGENT, "e2"), Duration.ofHours(24), true)));

  record Case(Spec window, ZoneId zone, Province province, Instant waitEnds, long lookEarly) {
    LeadFacts facts() {
      return new LeadFacts(
          false, false, false, new LeadHours(SendWindow.parse(window.text()), zone, province));
    }

    Position position() {
      return new Position(
          EnrollmentState.ACTIVE,
          2,
          Segment.URGENT,
          waitEnds.minus(Duration.ofDays(1)),
          waitEnds,
          waitEnds.minus(Duration.ofDays(1)));
    }
  }

  @Property(tries = 600)
  void onTimeNeverClosedNeverEarlyNeverAWindowLate(@ForAll("cases") Case c) {
    Instant now = c.waitEnds().minus(Duration.ofMinutes(c.lookEarly()));
    Instant sent = null;
    for (int guard = 0; guard < 10 && sent == null; guard++) {
      Decision d = NextStep.decide(c.position(), c.facts(), PLAN, now);
      switch (d) {
        case NextStep.Wait w -> {
          assertThat(w.until()).isAfter(now);
          now = w.until();
        }
        case NextStep.Send s -> sent = now;
        default -> throw new AssertionError("unexpected " + d);
      }
    }
    assertThat(sent).as("sent at all").isNotNull();
    ZonedDateTime local = sent.atZone(c.zone());
    assertThat(sent).as("never before the wait ends").isAfterOrEqualTo(c.waitEnds());
    assertThat(c.window().open(local, c.province())).as("open at " + local).isTrue();
    // Never a window late: not one open minute between the end of the wait and the send.
    Instant t = c.waitEnds().plusSeconds(60 - c.waitEnds().getEpochSecond() % 60);
    for (; t.isBefore(sent); t = t.plus(Duration.ofMinutes(1))) {
      assertThat(c.window().open(t.atZone(c.zone()), c.province()))
          .as("open at " + t.atZone(c.zone()) + " but sent at " + local)
          .isFalse();
    }
  }

  /** Whenever the sender looks (late, down for hours), the decision never sends when closed. */
  @Property(tries = 600)
  void atAnyMomentASendIsDueAndOpenAndAWaitEndsWhenOpen(
      @ForAll("cases") Case c, @ForAll("lookLate") long lateMinutes) {
    Instant now = c.waitEnds().plus(Duration.ofMinutes(lateMinutes));
    Decision d = NextStep.decide(c.position(), c.facts(), PLAN, now);
    switch (d) {
      case NextStep.Send s -> {
        assertThat(now).isAfterOrEqualTo(c.waitEnds());
        assertThat(c.window().open(now.atZone(c.zone()), c.province())).isTrue();
      }
      case NextStep.Wait w -> {
        assertThat(w.until()).isAfter(now).isAfterOrEqualTo(c.waitEnds());
        assertThat(c.window().open(w.until().atZone(c.zone()), c.province()))
            .as("opens at " + w.until().atZone(c.zone()))
            .isTrue();
        // The first open minute after the sender looked: no more than one window late.
        for (Instant t = now.plus(Duration.ofMinutes(1));
            t.isBefore(w.until());
            t = t.plus(Duration.ofMinutes(1))) {
          assertThat(c.window().open(t.atZone(c.zone()), c.province())).isFalse();
        }
      }
      default -> throw new AssertionError("unexpected " + d);
    }
  }

  @Provide
  Arbitrary<Long> lookLate() {
    return Arbitraries.longs().between(0, 3 * 24 * 60);
  }

  @Provide
  Arbitrary<Case> cases() {
    Arbitrary<Spec> windows = Arbitraries.of(WINDOWS);
    Arbitrary<ZoneId> zones = Arbitraries.of(CANADIAN_ZONES).map(ZoneId::of);
    Arbitrary<Province> provinces = Arbitraries.of(Province.values()).injectNull(0.1);
    Arbitrary<Integer> years = Arbitraries.integers().between(2025, 2032);
    Arbitrary<Boolean> spring = Arbitraries.of(true, false);
    Arbitrary<Long> secondsAround = Arbitraries.longs().between(-3 * 86_400, 3 * 86_400);
    Arbitrary<Long> lookEarly = Arbitraries.longs().between(0, 2 * 24 * 60);
    return Combinators.combine(windows, zones, provinces, years, spring, secondsAround, lookEarly)
        .as(
            (w, zone, p, year, isSpring, secs, early) ->
                new Case(w, zone, p, change(zone, year, isSpring).plusSeconds(secs), early));
  }

  /** The zone's spring or autumn change of that year, or a Sunday 02:00 where there is none. */
  static Instant change(ZoneId zone, int year, boolean spring) {
    Instant from = LocalDate.of(year, spring ? 2 : 10, 1).atStartOfDay(zone).toInstant();
    ZoneOffsetTransition next = zone.getRules().nextTransition(from);
    if (next != null && next.getInstant().atZone(zone).getYear() == year) {
      return next.getInstant();
    }
    return LocalDate.of(year, spring ? 3 : 11, 8).atTime(2, 0).atZone(zone).toInstant();
  }
}
