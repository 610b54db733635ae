package ca.businessx.nurture.booking;

import ca.businessx.nurture.alert.Alerter;
import ca.businessx.nurture.alert.NoticeTasks;
import ca.businessx.nurture.alert.TeamNotice;
import ca.businessx.nurture.platform.Database;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Tells the team a lead booked or cancelled a call, as a durable job on the integration table like
 * every alert: a slow or failing channel never holds up a webhook or an email.
 */
public final class BookingNotices {
  public static final String TASK = "booking-notice";

  private BookingNotices() {}

  private record Row(String contactId, String businessName, String firstName, Long startsAt) {}

  public static OneTimeTask<String> task(
      Database db,
      Alerter alerter,
      String consoleBaseUrl,
      int retries,
      Duration retryDelay,
      Clock clock) {
    return NoticeTasks.durable(
        TASK,
        "a booking",
        db,
        alerter,
        retries,
        retryDelay,
        clock,
        (h, data) -> {
          String[] parts = data.split("\\|", 2);
          boolean booked = parts[1].equals(BookingEvent.Kind.BOOKED.name());
          return h.createQuery(
                  "select b.contact_id, c.business_name, c.first_name, b.starts_at"
                      + " from bookings b join contacts c on c.id = b.contact_id"
                      + " where b.id = :id")
              .bind("id", parts[0])
              .map(
                  (rs, ctx) ->
                      new Row(
                          rs.getString(1),
                          rs.getString(2),
                          rs.getString(3),
                          rs.getObject(4) == null ? null : rs.getLong(4)))
              .findOne()
              .map(
                  r ->
                      new TeamNotice(
                          r.contactId(),
                          booked ? "booked" : "booking_cancelled",
                          text(r, booked, consoleBaseUrl)));
        });
  }

  static String text(Row r, boolean booked, String consoleBaseUrl) {
    String who =
        r.businessName() != null
            ? r.businessName()
            : r.firstName() != null ? r.firstName() : "A lead";
    String when = r.startsAt() == null ? "" : " for " + Instant.ofEpochMilli(r.startsAt());
    String link = " " + consoleBaseUrl + "/console/leads/" + r.contactId();
    return booked
        ? "📅 " + who + " booked a call" + when + "." + link
        : "❌ " + who + " cancelled their call" + when + "; their sequence stays ended." + link;
  }
}
