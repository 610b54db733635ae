package ca.businessx.nurture.reply;

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
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Tells the team "<business> replied", with the subject, as a durable job like every alert. */
public final class ReplyNotices {
  public static final String TASK = "reply-notice";
  private static final Logger log = LoggerFactory.getLogger(ReplyNotices.class);

  private ReplyNotices() {}

  record Row(String contactId, String businessName, String firstName, String subject) {}

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
                .thenRemove(c -> log.error("gave up telling {} about a reply", alerter.name())))
        .execute(
            (instance, context) -> {
              Optional<Row> row =
                  db.withHandle(
                      h ->
                          h.createQuery(
                                  "select r.contact_id, c.business_name, c.first_name, r.subject"
                                      + " from replies r join contacts c on c.id = r.contact_id"
                                      + " where r.id = :id")
                              .bind("id", instance.getData())
                              .map(
                                  (rs, ctx) ->
                                      new Row(
                                          rs.getString(1),
                                          rs.getString(2),
                                          rs.getString(3),
                                          rs.getString(4)))
                              .findOne());
              if (row.isEmpty()) {
                return;
              }
              Row r = row.get();
              try {
                alerter.notice(new TeamNotice(r.contactId(), "replied", text(r, consoleBaseUrl)));
                db.withHandle(
                    h -> {
                      timeline.record(h, r.contactId(), clock.instant(), "notice_sent", "replied");
                      return null;
                    });
              } catch (AlertException e) {
                if (e.isTransient()) {
                  throw e;
                }
                log.warn("reply notice to {} refused for good: {}", alerter.name(), e.getMessage());
              }
            });
  }

  static String text(Row r, String consoleBaseUrl) {
    String who =
        r.businessName() != null
            ? r.businessName()
            : r.firstName() != null ? r.firstName() : "A lead";
    String subject = r.subject() == null || r.subject().isBlank() ? "(no subject)" : r.subject();
    return "✉️ "
        + who
        + " replied: \""
        + subject
        + "\". Their sequence is paused. "
        + consoleBaseUrl
        + "/console/leads/"
        + r.contactId();
  }
}
