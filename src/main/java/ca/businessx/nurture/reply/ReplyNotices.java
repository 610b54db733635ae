package ca.businessx.nurture.reply;

import ca.businessx.nurture.alert.Alerter;
import ca.businessx.nurture.alert.NoticeTasks;
import ca.businessx.nurture.alert.TeamNotice;
import ca.businessx.nurture.platform.Database;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.time.Clock;
import java.time.Duration;

/** Tells the team "<business> replied", with the subject, as a durable job like every alert. */
public final class ReplyNotices {
  public static final String TASK = "reply-notice";

  private ReplyNotices() {}

  record Row(String contactId, String businessName, String firstName, String subject) {}

  public static OneTimeTask<String> task(
      Database db,
      Alerter alerter,
      String consoleBaseUrl,
      int retries,
      Duration retryDelay,
      Clock clock) {
    return NoticeTasks.durable(
        TASK,
        "a reply",
        db,
        alerter,
        retries,
        retryDelay,
        clock,
        (h, id) ->
            h.createQuery(
                    "select r.contact_id, c.business_name, c.first_name, r.subject"
                        + " from replies r join contacts c on c.id = r.contact_id"
                        + " where r.id = :id")
                .bind("id", id)
                .map(
                    (rs, ctx) ->
                        new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .findOne()
                .map(r -> new TeamNotice(r.contactId(), "replied", text(r, consoleBaseUrl))));
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
