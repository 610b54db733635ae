package ca.businessx.nurture.booking;

import ca.businessx.nurture.alert.AlertException;
import ca.businessx.nurture.alert.Alerter;
import ca.businessx.nurture.alert.TeamNotice;
import ca.businessx.nurture.contact.Timeline;
import ca.businessx.nurture.platform.Database;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the team a lead booked or cancelled a call, as a durable job on the integration table like
 * every alert: a slow or failing channel never holds up a webhook or an email.
 */
public final class BookingNotices {
  public static final String TASK = "booking-notice";
  private static final Logger log = LoggerFactory.getLogger(BookingNotices.class);

  private BookingNotices() {}

  private record Row(String contactId, String businessName, String firstName, Long startsAt) {}

  public static OneTimeTask<String> task(
      Database db,
      Alerter alerter,
      String consoleBaseUrl,
      int retries,
      Duration retryDelay,
      Clock clock) {
    Timeline timeline = new Timeline();
    return Tasks.oneTime(TASK, String.class)
        .onFailure(
            FailureHandler.<String>maxRetries(retries)
                .retryEvery(retryDelay)
                .thenRemove(c -> log.error("gave up telling {} about a booking", alerter.name())))
        .execute(
            (instance, context) -> {
              String[] data = instance.getData().split("\\|", 2);
              boolean booked = data[1].equals(BookingEvent.Kind.BOOKED.name());
              Optional<Row> row =
                  db.withHandle(
                      h ->
                          h.createQuery(
                                  "select b.contact_id, c.business_name, c.first_name, b.starts_at"
                                      + " from bookings b join contacts c on c.id = b.contact_id"
                                      + " where b.id = :id")
                              .bind("id", data[0])
                              .map(
                                  (rs, ctx) ->
                                      new Row(
                                          rs.getString(1),
                                          rs.getString(2),
                                          rs.getString(3),
                                          rs.getObject(4) == null ? null : rs.getLong(4)))
                              .findOne());
              if (row.isEmpty()) {
                return;
              }
              Row r = row.get();
              String kind = booked ? "booked" : "booking_cancelled";
              try {
                alerter.notice(
                    new TeamNotice(r.contactId(), kind, text(r, booked, consoleBaseUrl)));
                db.withHandle(
                    h -> {
                      timeline.record(h, r.contactId(), clock.instant(), "notice_sent", kind);
                      return null;
                    });
              } catch (AlertException e) {
                if (e.isTransient()) {
                  throw e;
                }
                log.warn(
                    "booking notice to {} refused for good: {}", alerter.name(), e.getMessage());
              }
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
