package ca.businessx.nurture.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hours an email may leave in the lead's own zone, e.g. {@code MON-FRI 09:00-17:00}, closed on
 * the statutory holidays of the lead's province. Pure: the caller gives the instant and the zone.
 */
public final class SendWindow {
  private static final Pattern FORMAT =
      Pattern.compile(
          "([A-Z]{3}(?:-[A-Z]{3})?(?:,[A-Z]{3}(?:-[A-Z]{3})?)*) (\\d\\d:\\d\\d)-(\\d\\d:\\d\\d)");

  /** No window: every instant is open. */
  public static final SendWindow ALWAYS =
      new SendWindow(EnumSet.allOf(DayOfWeek.class), LocalTime.MIN, LocalTime.MAX, false, "always");

  private final Set<DayOfWeek> days;
  private final LocalTime opens;
  private final LocalTime closes;
  private final boolean closedOnHolidays;
  private final String text;

  private SendWindow(
      Set<DayOfWeek> days,
      LocalTime opens,
      LocalTime closes,
      boolean closedOnHolidays,
      String text) {
    this.days = Set.copyOf(days);
    this.opens = opens;
    this.closes = closes;
    this.closedOnHolidays = closedOnHolidays;
    this.text = text;
  }

  /**
   * Parses {@code DAYS HH:MM-HH:MM}: days as {@code MON-FRI}, {@code MON,WED,FRI} or a mix; the
   * hours in the lead's zone, opening before closing. {@code always} is no window at all.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static SendWindow parse(String text) {
    String t = text.trim().toUpperCase(Locale.ROOT);
    if (t.equals("ALWAYS")) {
      return ALWAYS;
    }
    Matcher m = FORMAT.matcher(t);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "must look like MON-FRI 09:00-17:00 (days, a space, opening-closing hours) or always");
    }
    LocalTime opens = time(m.group(2));
    LocalTime closes = time(m.group(3));
    if (!opens.isBefore(closes)) {
      throw new IllegalArgumentException("opens at " + opens + ", which is not before " + closes);
    }
    return new SendWindow(days(m.group(1)), opens, closes, true, t);
  }

  /** Whether an email may leave at that instant for a lead in that zone and province. */
  public boolean isOpen(Instant at, ZoneId zone, Province province) {
    if (this == ALWAYS) {
      return true;
    }
    ZonedDateTime local = at.atZone(zone);
    LocalTime time = local.toLocalTime();
    return openDay(local.toLocalDate(), province) && !time.isBefore(opens) && time.isBefore(closes);
  }

  /** The first instant at or after {@code notBefore} when the window is open. */
  public Instant nextOpening(Instant notBefore, ZoneId zone, Province province) {
    if (isOpen(notBefore, zone, province)) {
      return notBefore;
    }
    LocalDate day = notBefore.atZone(zone).toLocalDate();
    // A year of closed days cannot happen with at least one open weekday; the bound is a guard.
    for (int i = 0; i <= 366; i++, day = day.plusDays(1)) {
      if (!openDay(day, province)) {
        continue;
      }
      ZonedDateTime local = ZonedDateTime.of(day, opens, zone);
      // An autumn change repeats the opening hour: the second one opens too.
      for (Instant opening :
          new Instant[] {local.toInstant(), local.withLaterOffsetAtOverlap().toInstant()}) {
        // A spring change can swallow a short window whole (02:00-02:45 skipped).
        if (!opening.isBefore(notBefore) && isOpen(opening, zone, province)) {
          return opening;
        }
      }
    }
    throw new IllegalStateException("send window " + text + " never opens");
  }

  private boolean openDay(LocalDate day, Province province) {
    return days.contains(day.getDayOfWeek())
        && !(closedOnHolidays && CanadianHolidays.isHoliday(day, province));
  }

  @Override
  public String toString() {
    return text;
  }

  private static LocalTime time(String hhmm) {
    try {
      return LocalTime.parse(hhmm);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(hhmm + " is not a time of day (HH:MM, 00:00-23:59)");
    }
  }

  private static Set<DayOfWeek> days(String spec) {
    EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (String part : spec.split(",")) {
      String[] range = part.split("-");
      DayOfWeek from = day(range[0]);
      DayOfWeek to = range.length == 2 ? day(range[1]) : from;
      for (DayOfWeek d = from; ; d = d.plus(1)) {
        days.add(d);
        if (d == to) {
          break;
        }
      }
    }
    return days;
  }

  private static DayOfWeek day(String abbreviation) {
    for (DayOfWeek d : DayOfWeek.values()) {
      if (d.name().startsWith(abbreviation)) {
        return d;
      }
    }
    throw new IllegalArgumentException(
        abbreviation + " is not a day (MON, TUE, WED, THU, FRI, SAT, SUN)");
  }
}
