package ca.businessx.nurture.booking;

import ca.businessx.nurture.booking.BookingEvent.Attendee;
import ca.businessx.nurture.booking.BookingEvent.Kind;
import ca.businessx.nurture.contact.Contact;
import ca.businessx.nurture.contact.ContactRepository;
import ca.businessx.nurture.contact.CrmSyncQueue;
import ca.businessx.nurture.contact.Signup;
import ca.businessx.nurture.contact.Timeline;
import ca.businessx.nurture.engagement.Attribution;
import ca.businessx.nurture.events.NurtureEvents;
import ca.businessx.nurture.platform.Database;
import ca.businessx.nurture.platform.Ids;
import ca.businessx.nurture.sequence.SequenceStopper;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Records a booking event in one transaction: the booking row (idempotent by the provider's booking
 * id), the lead (created when unknown, with no sequence), the end of its sequence, the timeline,
 * the CRM sync and the team's notice all commit together or not at all.
 */
public final class BookingRecorder {
  /** What became of an event, as the webhook answers it. */
  public enum Outcome {
    BOOKED,
    CANCELLED,
    DUPLICATE,
    UNKNOWN_BOOKING
  }

  private final Database db;
  private final SchedulerClient integrations;
  private final CrmSyncQueue crmSync;
  private final Clock clock;
  private final NurtureEvents events;
  private final ContactRepository contacts = new ContactRepository();
  private final Timeline timeline = new Timeline();
  private final SequenceStopper sequences = new SequenceStopper();

  /**
   * @param integrations a client of the integration table on the transaction-aware data source
   */
  public BookingRecorder(
      Database db, SchedulerClient integrations, CrmSyncQueue crmSync, Clock clock) {
    this(db, integrations, crmSync, clock, NurtureEvents.NONE);
  }

  /**
   * @param events told of each booking, by the lead's segment and the last email's template
   */
  public BookingRecorder(
      Database db,
      SchedulerClient integrations,
      CrmSyncQueue crmSync,
      Clock clock,
      NurtureEvents events) {
    this.events = events;
    this.db = db;
    this.integrations = integrations;
    this.crmSync = crmSync;
    this.clock = clock;
  }

  public Outcome record(BookingEvent event) {
    Instant now = clock.instant();
    return db.inTransaction(
        h -> event.kind() == Kind.BOOKED ? booked(h, event, now) : cancelled(h, event, now));
  }

  private Outcome booked(Handle h, BookingEvent e, Instant now) {
    if (find(h, e).isPresent()) {
      return Outcome.DUPLICATE;
    }
    Contact lead = knownAttendee(h, e).orElseGet(() -> create(h, e.attendees().getFirst(), now));
    String id = Ids.newId();
    int inserted =
        h.createUpdate(
                "insert into bookings (id, contact_id, source, external_id, state, starts_at,"
                    + " booked_at, last_sent_email, last_clicked_email, updated_at)"
                    + " values (:id, :contact, :source, :external, 'BOOKED', :starts, :now,"
                    + " (select id from emails where contact_id = :contact and sent_at is not null"
                    + " order by sent_at desc, step desc limit 1),"
                    + " (select id from emails where contact_id = :contact and clicked_at is not"
                    + " null order by clicked_at desc, step desc limit 1), :now)"
                    + " on conflict (source, external_id) do nothing")
            .bind("id", id)
            .bind("contact", lead.id())
            .bind("source", e.source().code)
            .bind("external", e.externalId())
            .bind("starts", e.startsAt() == null ? null : e.startsAt().toEpochMilli())
            .bind("now", now.toEpochMilli())
            .execute();
    if (inserted == 0) {
      // Another delivery of the same event committed first.
      return Outcome.DUPLICATE;
    }
    String detail = e.source().code + (e.startsAt() == null ? "" : "; starts " + e.startsAt());
    timeline.record(h, lead.id(), now, "booked", detail);
    sequences.booked(h, lead.id(), "booked a call (" + e.source().code + ")", now);
    crmSync.contactChanged(h, lead.id(), now);
    notice(id, Kind.BOOKED, now);
    Attribution a = Attribution.of(h, lead.id());
    events.booked(a.segment(), a.template());
    return Outcome.BOOKED;
  }

  private Outcome cancelled(Handle h, BookingEvent e, Instant now) {
    Optional<Booking> found = find(h, e);
    if (found.isEmpty()) {
      Optional<Contact> lead = knownAttendee(h, e);
      lead.ifPresent(
          c -> timeline.record(h, c.id(), now, "booking_cancelled_unknown", e.source().code));
      return Outcome.UNKNOWN_BOOKING;
    }
    int changed =
        h.createUpdate(
                "update bookings set state = 'CANCELLED', cancelled_at = :now, updated_at = :now"
                    + " where id = :id and state = 'BOOKED'")
            .bind("id", found.get().id())
            .bind("now", now.toEpochMilli())
            .execute();
    if (changed == 0) {
      return Outcome.DUPLICATE;
    }
    timeline.record(h, found.get().contactId(), now, "booking_cancelled", e.source().code);
    crmSync.contactChanged(h, found.get().contactId(), now);
    notice(found.get().id(), Kind.CANCELLED, now);
    return Outcome.CANCELLED;
  }

  private record Booking(String id, String contactId, String state) {}

  private static Optional<Booking> find(Handle h, BookingEvent e) {
    return h.createQuery(
            "select id, contact_id, state from bookings where source = :s and external_id = :x")
        .bind("s", e.source().code)
        .bind("x", e.externalId())
        .map((rs, ctx) -> new Booking(rs.getString(1), rs.getString(2), rs.getString(3)))
        .findOne();
  }

  private Optional<Contact> knownAttendee(Handle h, BookingEvent e) {
    for (Attendee a : e.attendees()) {
      Optional<Contact> c = contacts.findByEmail(h, a.email());
      if (c.isPresent()) {
        return c;
      }
    }
    return Optional.empty();
  }

  /** A booking from someone never seen: a contact, with no sequence and no consent recorded. */
  private Contact create(Handle h, Attendee a, Instant now) {
    contacts.insertIfAbsent(h, Ids.newId(), new Signup(a.email(), a.name(), null, null), now);
    Contact created = contacts.findByEmail(h, a.email()).orElseThrow();
    timeline.record(h, created.id(), now, "created_by_booking", null);
    return created;
  }

  private void notice(String bookingId, Kind kind, Instant now) {
    String data = bookingId + "|" + kind.name();
    integrations.scheduleIfNotExists(new TaskInstance<>(BookingNotices.TASK, data, data), now);
  }
}
