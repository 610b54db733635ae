package ca.businessx.nurture.alert;

import ca.businessx.nurture.contact.Timeline;
import ca.businessx.nurture.platform.Database;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BiFunction;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A team notice as a durable job on the integration table, like every alert: a slow or failing
 * channel never holds up a webhook or an email. Transient failures are retried; a refusal for good
 * is logged once; a sent notice goes on the lead's timeline.
 */
public final class NoticeTasks {
  private static final Logger log = LoggerFactory.getLogger(NoticeTasks.class);

  private NoticeTasks() {}

  /**
   * @param about what the notice is about, for log lines ("a booking")
   * @param compose the notice for the task's data, read in one handle; empty when its subject is
   *     gone (erased, say), which ends the task quietly
   */
  public static OneTimeTask<String> durable(
      String task,
      String about,
      Database db,
      Alerter alerter,
      int retries,
      Duration retryDelay,
      Clock clock,
      BiFunction<Handle, String, Optional<TeamNotice>> compose) {
    Timeline timeline = new Timeline();
    return Tasks.oneTime(task, String.class)
        .onFailure(
            FailureHandler.<String>maxRetries(retries)
                .retryEvery(retryDelay)
                .thenRemove(c -> log.error("gave up telling {} about {}", alerter.name(), about)))
        .execute(
            (instance, context) -> {
              Optional<TeamNotice> notice =
                  db.withHandle(h -> compose.apply(h, instance.getData()));
              if (notice.isEmpty()) {
                return;
              }
              TeamNotice n = notice.get();
              try {
                alerter.notice(n);
                db.useHandle(
                    h ->
                        timeline.record(
                            h, n.contactId(), clock.instant(), "notice_sent", n.kind()));
              } catch (AlertException e) {
                if (e.isTransient()) {
                  throw e;
                }
                log.warn(
                    "{} notice to {} refused for good: {}",
                    n.kind(),
                    alerter.name(),
                    e.getMessage());
              }
            });
  }
}
