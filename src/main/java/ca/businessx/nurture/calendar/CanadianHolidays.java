package ca.businessx.nurture.calendar;

import static java.time.DayOfWeek.MONDAY;
import static java.time.temporal.TemporalAdjusters.dayOfWeekInMonth;
import static java.time.temporal.TemporalAdjusters.firstInMonth;
import static java.time.temporal.TemporalAdjusters.previousOrSame;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

/**
 * The statutory (general) holidays of each province and territory, computed by rule for any year:
 * fixed dates, "nth Monday of", "Monday before May 25" and Easter-based dates. A fixed-date holiday
 * that falls on a weekend is also kept on the next working day, the day offices close for it.
 */
public final class CanadianHolidays {

  /** One holiday rule and the provinces where it is statutory. */
  private record Rule(String name, IntFunction<LocalDate> date, boolean fixed, Set<Province> in) {}

  private static final Set<Province> ALL = EnumSet.allOf(Province.class);

  private static final Rule[] RULES = {
    fixed("New Year's Day", Month.JANUARY, 1, ALL),
    new Rule(
        "Family Day",
        y -> nthMonday(y, Month.FEBRUARY, 3),
        false,
        EnumSet.of(
            Province.AB,
            Province.BC,
            Province.MB,
            Province.NB,
            Province.NS,
            Province.ON,
            Province.PE,
            Province.SK)),
    new Rule("Good Friday", y -> easter(y).minusDays(2), false, ALL),
    new Rule(
        "Victoria Day",
        CanadianHolidays::mondayBeforeMay25,
        false,
        EnumSet.of(
            Province.AB,
            Province.BC,
            Province.MB,
            Province.NT,
            Province.NU,
            Province.ON,
            Province.SK,
            Province.YT)),
    new Rule(
        "National Patriots' Day",
        CanadianHolidays::mondayBeforeMay25,
        false,
        EnumSet.of(Province.QC)),
    fixed("National Indigenous Peoples Day", Month.JUNE, 21, EnumSet.of(Province.NT, Province.YT)),
    fixed("Saint-Jean-Baptiste Day", Month.JUNE, 24, EnumSet.of(Province.QC)),
    fixed("Canada Day", Month.JULY, 1, ALL),
    fixed("Nunavut Day", Month.JULY, 9, EnumSet.of(Province.NU)),
    new Rule(
        "Civic Holiday",
        y -> nthMonday(y, Month.AUGUST, 1),
        false,
        EnumSet.of(Province.BC, Province.NB, Province.NT, Province.NU, Province.SK)),
    new Rule("Discovery Day", y -> nthMonday(y, Month.AUGUST, 3), false, EnumSet.of(Province.YT)),
    new Rule("Labour Day", y -> nthMonday(y, Month.SEPTEMBER, 1), false, ALL),
    new Rule(
        "National Day for Truth and Reconciliation",
        y -> y >= 2021 ? LocalDate.of(y, Month.SEPTEMBER, 30) : null,
        true,
        EnumSet.of(Province.BC, Province.MB, Province.NT, Province.NU, Province.PE, Province.YT)),
    new Rule(
        "Thanksgiving",
        y -> nthMonday(y, Month.OCTOBER, 2),
        false,
        EnumSet.of(
            Province.AB,
            Province.BC,
            Province.MB,
            Province.NT,
            Province.NU,
            Province.ON,
            Province.QC,
            Province.SK,
            Province.YT)),
    fixed(
        "Remembrance Day",
        Month.NOVEMBER,
        11,
        EnumSet.of(
            Province.AB,
            Province.BC,
            Province.NB,
            Province.NL,
            Province.NT,
            Province.NU,
            Province.PE,
            Province.SK,
            Province.YT)),
    fixed("Christmas Day", Month.DECEMBER, 25, ALL),
    fixed("Boxing Day", Month.DECEMBER, 26, EnumSet.of(Province.ON)),
  };

  private static final ConcurrentHashMap<String, Set<LocalDate>> CACHE = new ConcurrentHashMap<>();

  private CanadianHolidays() {}

  /**
   * Whether offices in the province are closed for a statutory holiday on that day; with no
   * province (unknown), the national ones only: those statutory everywhere.
   */
  public static boolean isHoliday(LocalDate day, Province province) {
    return of(day.getYear(), province).contains(day);
  }

  /** The province's statutory holidays of a year, with the weekday each weekend one moves to. */
  public static Set<LocalDate> of(int year, Province province) {
    return CACHE.computeIfAbsent(year + ":" + province, k -> compute(year, province));
  }

  private static Set<LocalDate> compute(int year, Province province) {
    TreeSet<LocalDate> days = new TreeSet<>();
    for (Rule rule : RULES) {
      LocalDate d = applies(rule, province) ? rule.date().apply(year) : null;
      if (d != null) {
        days.add(d);
      }
    }
    // Weekend fixed-date holidays, in date order so Christmas moves before Boxing Day does.
    for (Rule rule : RULES) {
      LocalDate d = rule.fixed() && applies(rule, province) ? rule.date().apply(year) : null;
      if (d != null && isWeekend(d)) {
        LocalDate observed = d.plusDays(1);
        while (isWeekend(observed) || days.contains(observed)) {
          observed = observed.plusDays(1);
        }
        days.add(observed);
      }
    }
    return Set.copyOf(days);
  }

  private static boolean applies(Rule rule, Province province) {
    return province == null ? rule.in().equals(ALL) : rule.in().contains(province);
  }

  private static Rule fixed(String name, Month month, int day, Set<Province> in) {
    return new Rule(name, y -> LocalDate.of(y, month, day), true, in);
  }

  private static boolean isWeekend(LocalDate d) {
    return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  private static LocalDate nthMonday(int year, Month month, int n) {
    LocalDate first = LocalDate.of(year, month, 1);
    return n == 1 ? first.with(firstInMonth(MONDAY)) : first.with(dayOfWeekInMonth(n, MONDAY));
  }

  /** Victoria Day and Quebec's Patriots' Day: the last Monday before May 25. */
  static LocalDate mondayBeforeMay25(int year) {
    return LocalDate.of(year, Month.MAY, 24).with(previousOrSame(MONDAY));
  }

  /** Western Easter Sunday (the anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
  static LocalDate easter(int year) {
    int a = year % 19;
    int b = year / 100;
    int c = year % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = ((h + l - 7 * m + 114) % 31) + 1;
    return LocalDate.of(year, month, day);
  }
}
