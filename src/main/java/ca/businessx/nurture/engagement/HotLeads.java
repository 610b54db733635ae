package ca.businessx.nurture.engagement;

import ca.businessx.nurture.alert.AlertException;
import ca.businessx.nurture.alert.Alerter;
import ca.businessx.nurture.alert.TeamNotice;
import ca.businessx.nurture.contact.Timeline;
import ca.businessx.nurture.platform.Database;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Hot lead" notices: at most one per lead per {@link #QUIET} (seven days), each recorded in {@code
 * hot_lead_notices} in the transaction that decides it, then sent by a durable job on the
 * integration table like every alert. Two ways in: the score crossed {@code HOT_LEAD_SCORE}, or a
 * booking-link click with no booking {@code HOT_LEAD_GRACE} later ({@link #CHECK_TASK}).
 */
public final class HotLeads {
  public static final String CHECK_TASK = "hot-lead-check";
  public static final String NOTICE_TASK = "hot-lead-notice";
  public static final Duration QUIET = Duration.ofDays(7);
  private static final Logger log = LoggerFactory.getLogger(HotLeads.class);

  /** Why the lead is hot, as stored. */
  public enum Reason {
    SCORE,
    BOOKING_LINK
  }

  private final SchedulerClient integrations;

  HotLeads(SchedulerClient integrations) {
    this.integrations = integrations;
  }

  /**
   * Records and schedules a notice unless the lead had one in the last seven days, or has a call
   * booked that is still ahead (nobody needs telling to call a lead who has booked).
   */
  boolean notice(Handle h, String contactId, Reason reason, String id, double score, Instant now) {
    boolean upcoming =
        h.createQuery(
                    "select count(*) from bookings where contact_id = :c and state = 'BOOKED'"
                        + " and (starts_at is null or starts_at >= :now)")
                .bind("c", contactId)
                .bind("now", now.toEpochMilli())
                .mapTo(Integer.class)
                .one()
            > 0;
    if (upcoming) {
      return false;
    }
    boolean recent =
        h.createQuery(
                    "select count(*) from hot_lead_notices where contact_id = :c and noticed_at > :since")
                .bind("c", contactId)
                .bind("since", now.minus(QUIET).toEpochMilli())
                .mapTo(Integer.class)
                .one()
            > 0;
    if (recent) {
      return false;
    }
    int inserted =
        h.createUpdate(
                "insert into hot_lead_notices (id, contact_id, reason, score, noticed_at)"
                    + " values (:id, :c, :reason, :score, :now) on conflict (id) do nothing")
            .bind("id", id)
            .bind("c", contactId)
            .bind("reason", reason.name())
            .bind("score", EngagementScore.rounded(score))
            .bind("now", now.toEpochMilli())
            .execute();
    if (inserted == 1) {
      integrations.scheduleIfNotExists(new TaskInstance<>(NOTICE_TASK, id, id), now);
    }
    return inserted == 1;
  }

  /**
   * {@code HOT_LEAD_GRACE} after a booking-link click: a lead who has not booked since is hot. Runs
   * in one transaction, whose commit also schedules the notice.
   */
  public static OneTimeTask<String> check(
      Database db,
      Engagements engagements,
      java.util.function.Supplier<SchedulerClient> integrations,
      Clock clock) {
    return Tasks.oneTime(CHECK_TASK, String.class)
        .execute(
            (instance, context) -> {
              String[] data = instance.getData().split("\\|", 2);
              String contactId = data[0];
              long clickedAt = Long.parseLong(data[1]);
              Instant now = clock.instant();
              HotLeads hot = new HotLeads(integrations.get());
              db.inTransaction(
                  h -> {
                    boolean booked =
                        h.createQuery(
                                    "select count(*) from bookings where contact_id = :c"
                                        + " and booked_at >= :since")
                                .bind("c", contactId)
                                .bind("since", clickedAt)
                                .mapTo(Integer.class)
                                .one()
                            > 0;
                    if (!booked) {
                      double score = engagements.standing(h, contactId, now).score();
                      hot.notice(
                          h,
                          contactId,
                          Reason.BOOKING_LINK,
                          "booking:" + contactId + ":" + clickedAt,
                          score,
                          now);
                    }
                    return null;
                  });
            });
  }

  private record Row(
      String contactId, String reason, double score, String business, String first) {}

  /** Sends one recorded notice to the team. */
  public static OneTimeTask<String> send(
      Database db,
      Alerter alerter,
      String consoleBaseUrl,
      Duration grace,
      int retries,
      Duration retryDelay,
      Clock clock) {
    Timeline timeline = new Timeline();
    return Tasks.oneTime(NOTICE_TASK, String.class)
        .onFailure(
            FailureHandler.<String>maxRetries(retries)
                .retryEvery(retryDelay)
                .thenRemove(c -> log.warn("gave up telling {} about a hot lead", alerter.name())))
        .execute(
            (instance, context) -> {
              Optional<Row> row =
                  db.withHandle(
                      h ->
                          h.createQuery(
                                  "select n.contact_id, n.reason, n.score, c.business_name,"
                                      + " c.first_name from hot_lead_notices n"
                                      + " join contacts c on c.id = n.contact_id where n.id = :id")
                              .bind("id", instance.getData())
                              .map(
                                  (rs, ctx) ->
                                      new Row(
                                          rs.getString(1),
                                          rs.getString(2),
                                          rs.getDouble(3),
                                          rs.getString(4),
                                          rs.getString(5)))
                              .findOne());
              if (row.isEmpty()) {
                return;
              }
              Row r = row.get();
              try {
                alerter.notice(
                    new TeamNotice(r.contactId(), "hot_lead", text(r, grace, consoleBaseUrl)));
                db.withHandle(
                    h -> {
                      timeline.record(
                          h,
                          r.contactId(),
                          clock.instant(),
                          "notice_sent",
                          "hot_lead " + r.reason().toLowerCase(Locale.ROOT));
                      return null;
                    });
              } catch (AlertException e) {
                if (e.isTransient()) {
                  throw e;
                }
                log.warn(
                    "hot-lead notice to {} refused for good: {}", alerter.name(), e.getMessage());
              }
            });
  }

  static String text(Row r, Duration grace, String consoleBaseUrl) {
    String who = r.business() != null ? r.business() : r.first() != null ? r.first() : "A lead";
    String score = "engagement score " + EngagementScore.rounded(r.score());
    String why =
        r.reason().equals(Reason.BOOKING_LINK.name())
            ? "clicked the booking link " + hours(grace) + " ago and has not booked; " + score
            : score;
    return "🔥 Hot lead: "
        + who
        + " ("
        + why
        + "). "
        + consoleBaseUrl
        + "/console/leads/"
        + r.contactId();
  }

  private static String hours(Duration d) {
    return d.toMinutes() % 60 == 0 ? d.toHours() + " h" : d.toMinutes() + " min";
  }
}
