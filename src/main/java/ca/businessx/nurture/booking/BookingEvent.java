package ca.businessx.nurture.booking;

import java.time.Instant;
import java.util.List;

/**
 * What a calendar told us: a call was booked (or rescheduled) or cancelled. {@code attendees} are
 * in the order the provider gave them; the first one known here is the lead.
 */
public record BookingEvent(
    Source source, Kind kind, String externalId, List<Attendee> attendees, Instant startsAt) {

  public enum Kind {
    BOOKED,
    CANCELLED
  }

  /** Where a booking came from, as stored in {@code bookings.source}. */
  public enum Source {
    CALCOM("calcom"),
    CALENDLY("calendly"),
    API("api");

    public final String code;

    Source(String code) {
      this.code = code;
    }
  }

  /** An attendee's email is normalised (trimmed, lower case); the name may be null. */
  public record Attendee(String email, String name) {}

  public BookingEvent {
    attendees = List.copyOf(attendees);
  }
}
