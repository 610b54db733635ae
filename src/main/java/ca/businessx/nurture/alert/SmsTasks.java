package ca.businessx.nurture.alert;

import ca.businessx.nurture.contact.Assessment;
import ca.businessx.nurture.contact.Contact;
import ca.businessx.nurture.contact.ContactRepository;
import ca.businessx.nurture.contact.Timeline;
import ca.businessx.nurture.platform.Config;
import ca.businessx.nurture.platform.Database;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A text to one of the team's numbers about a CRITICAL lead, as a durable job on the integration
 * table like every alert, so it never holds up an email. Its instance id is {@code
 * <assessment>|<number>}: one job per number, each retried on its own. During quiet hours the job
 * moves itself to their end rather than texting or giving up, and a number no longer configured is
 * skipped.
 */
public final class SmsTasks {
  public static final String TASK = "critical-lead-sms";
  private static final Logger log = LoggerFactory.getLogger(SmsTasks.class);

  private SmsTasks() {}

  /**
   * @param alerterFor the alerter texting the given number (metered by the caller)
   */
  public static CustomTask<String> criticalLead(
      Database db, Config.Sms sms, Function<String, Alerter> alerterFor, Clock clock) {
    ContactRepository contacts = new ContactRepository();
    Timeline timeline = new Timeline();
    return Tasks.custom(TASK, String.class)
        .onFailure(
            FailureHandler.<String>maxRetries(sms.retries())
                .retryEvery(sms.retryDelay())
                .thenRemove(
                    done ->
                        log.error(
                            "gave up texting {} about a critical lead",
                            lastDigits(number(done.getExecution().taskInstance.getId())))))
        .execute(
            (instance, context) -> {
              String number = number(instance.getId());
              Instant now = clock.instant();
              Instant allowed = sms.quietHours().map(q -> q.nextAllowed(now)).orElse(now);
              if (allowed.isAfter(now)) {
                log.info(
                    "text to {} waits for the end of quiet hours at {}",
                    lastDigits(number),
                    allowed);
                return (complete, operations) -> operations.reschedule(complete, allowed);
              }
              String contactId = instance.getData();
              Optional<Contact> contact = db.withHandle(h -> contacts.find(h, contactId));
              if (contact.isEmpty() || !sms.to().contains(number)) {
                return new CompletionHandler.OnCompleteRemove<>();
              }
              String assessmentId = assessment(instance.getId());
              Optional<Assessment> own = db.withHandle(h -> contacts.assessment(h, assessmentId));
              LeadAlert alert =
                  own.map(a -> AlertTasks.toAlert(contact.get(), a, null))
                      .orElseGet(() -> AlertTasks.toAlert(contact.get(), null));
              String detail = "sms " + lastDigits(number);
              try {
                alerterFor.apply(number).criticalLead(alert);
                record(db, timeline, contactId, clock, "alert_sent", detail);
              } catch (AlertException e) {
                record(
                    db,
                    timeline,
                    contactId,
                    clock,
                    e.isTransient() ? "alert_retry" : "alert_failed",
                    detail + ": " + e.getMessage());
                if (e.isTransient()) {
                  throw e;
                }
                log.error("text to {} refused for good: {}", lastDigits(number), e.getMessage());
              }
              return new CompletionHandler.OnCompleteRemove<>();
            });
  }

  static String instanceId(String assessmentId, String number) {
    return assessmentId + "|" + number;
  }

  private static String assessment(String instanceId) {
    return instanceId.substring(0, instanceId.lastIndexOf('|'));
  }

  private static String number(String instanceId) {
    return instanceId.substring(instanceId.lastIndexOf('|') + 1);
  }

  /** The team's numbers are not lead data, but a log line needs no more than this of them. */
  public static String lastDigits(String number) {
    return number.length() <= 4 ? "…" : "…" + number.substring(number.length() - 4);
  }

  private static void record(
      Database db, Timeline timeline, String contactId, Clock clock, String kind, String detail) {
    db.withHandle(
        h -> {
          timeline.record(h, contactId, clock.instant(), kind, detail);
          return null;
        });
  }
}
