package ca.businessx.nurture.booking;

import ca.businessx.nurture.booking.BookingEvent.Attendee;
import ca.businessx.nurture.booking.BookingEvent.Kind;
import ca.businessx.nurture.booking.BookingEvent.Source;
import ca.businessx.nurture.platform.ApiError;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads Cal.com's and Calendly's webhook bodies. An event type we do not act on reads as empty
 * (answered 200 and ignored, since providers retry anything else); a known event with a payload
 * that lacks what we need is a 422 naming the field.
 */
final class BookingPayloads {
  private static final Pattern EMAIL =
      Pattern.compile("^[^@\\s\\p{Cc}]{1,64}@[^@\\s\\p{Cc}]+\\.[^@\\s\\p{Cc}]{2,}$");

  private BookingPayloads() {}

  /** {@code {"triggerEvent": "BOOKING_CREATED", "payload": {"uid", "startTime", "attendees"}}}. */
  static Optional<BookingEvent> calcom(JsonNode body) {
    Kind kind =
        switch (body.path("triggerEvent").asText("")) {
          case "BOOKING_CREATED", "BOOKING_RESCHEDULED" -> Kind.BOOKED;
          case "BOOKING_CANCELLED" -> Kind.CANCELLED;
          default -> null;
        };
    if (kind == null) {
      return Optional.empty();
    }
    JsonNode payload = body.path("payload");
    List<Attendee> attendees = new ArrayList<>();
    for (JsonNode a : payload.path("attendees")) {
      attendee(a.path("email"), a.path("name")).ifPresent(attendees::add);
    }
    if (attendees.isEmpty()) {
      throw invalid("payload.attendees", "must hold at least one attendee with a valid email");
    }
    return Optional.of(
        new BookingEvent(
            Source.CALCOM,
            kind,
            id(payload.path("uid"), "payload.uid"),
            attendees,
            time(payload.path("startTime"), "payload.startTime")));
  }

  /**
   * {@code {"event": "invitee.created", "payload": {"email", "name", "uri", "scheduled_event"}}}.
   */
  static Optional<BookingEvent> calendly(JsonNode body) {
    Kind kind =
        switch (body.path("event").asText("")) {
          case "invitee.created" -> Kind.BOOKED;
          case "invitee.canceled" -> Kind.CANCELLED;
          default -> null;
        };
    if (kind == null) {
      return Optional.empty();
    }
    JsonNode payload = body.path("payload");
    Attendee invitee =
        attendee(payload.path("email"), payload.path("name"))
            .orElseThrow(() -> invalid("payload.email", "must be a valid email address"));
    return Optional.of(
        new BookingEvent(
            Source.CALENDLY,
            kind,
            id(payload.path("uri"), "payload.uri"),
            List.of(invitee),
            time(payload.path("scheduled_event").path("start_time"), "payload.scheduled_event")));
  }

  static Optional<Attendee> attendee(JsonNode email, JsonNode name) {
    if (!email.isTextual()) {
      return Optional.empty();
    }
    String address = email.asText().trim().toLowerCase(Locale.ROOT);
    if (address.length() > 254 || !EMAIL.matcher(address).matches()) {
      return Optional.empty();
    }
    String n = name.isTextual() && !name.asText().isBlank() ? name.asText().strip() : null;
    return Optional.of(
        new Attendee(address, n == null || n.length() <= 200 ? n : n.substring(0, 200)));
  }

  private static String id(JsonNode node, String field) {
    if (!node.isTextual() || node.asText().isBlank()) {
      throw invalid(field, "is required");
    }
    String id = node.asText().strip();
    if (id.length() > 180) {
      throw invalid(field, "must be at most 180 characters");
    }
    return id;
  }

  /** An ISO-8601 time with an offset; absent reads as unknown. */
  static Instant time(JsonNode node, String field) {
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(node.asText()).toInstant();
    } catch (DateTimeParseException e) {
      throw invalid(field, "must be an ISO-8601 time with an offset, e.g. 2026-12-03T15:00:00Z");
    }
  }

  static ApiError invalid(String field, String problem) {
    return new ApiError(
        422,
        "invalid_fields",
        "the event has invalid fields",
        List.of(new ApiError.Problem(field, problem)));
  }
}
