package ca.businessx.nurture.crm;

import ca.businessx.nurture.contact.ContactCrm;
import ca.businessx.nurture.contact.LocaleDefaults;
import ca.businessx.nurture.platform.Config;
import ca.businessx.nurture.platform.Database;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The durable jobs that keep the CRM current and read people's stops back from it. */
public final class CrmTasks {
  public static final String SYNC_TASK = "crm-sync";
  public static final String POLL_TASK = "crm-poll";
  public static final String ARCHIVE_TASK = "crm-archive";
  private static final Logger log = LoggerFactory.getLogger(CrmTasks.class);

  private final Database db;
  private final CrmSyncJob sync;
  private final CrmPollJob poll;
  private final Config.Crm settings;
  private final ContactCrm crm;

  /**
   * @param locales gives each synced contact the time zone its emails are timed in
   */
  public CrmTasks(
      Database db,
      ContactCrm crm,
      Config.Crm settings,
      ca.businessx.nurture.engagement.Engagements engagements,
      Clock clock,
      LocaleDefaults locales) {
    this.db = db;
    this.crm = crm;
    this.settings = settings;
    this.poll = new CrmPollJob(db, crm, clock);
    this.sync = new CrmSyncJob(db, crm, settings, engagements, clock, poll::resume, locales);
  }

  public Task<Void> syncTask() {
    return Tasks.custom(SYNC_TASK, Void.class)
        .onFailure(new FailureHandler.OnFailureRetryLater<>(settings.retryDelay()))
        .execute(
            (instance, context) -> {
              Optional<Instant> next = sync.sync(instance.getId());
              if (next.isEmpty()) {
                return new CompletionHandler.OnCompleteRemove<>();
              }
              Instant at = next.get();
              return (complete, operations) -> operations.reschedule(complete, at);
            });
  }

  /**
   * Archives an erased contact's CRM record (instance id = the page id), retried like a sync: the
   * erasure itself is already done locally, so only the CRM copy waits.
   */
  public Task<Void> archiveTask() {
    return Tasks.oneTime(ARCHIVE_TASK, Void.class)
        .onFailure(
            FailureHandler.<Void>maxRetries(settings.retries() + 10)
                .withBackoff(settings.retryDelay(), 2.0)
                .thenRemove(
                    complete ->
                        log.error("gave up archiving an erased contact's {} record", crm.name())))
        .execute((instance, context) -> crm.archive(instance.getId()));
  }

  public RecurringTask<Void> pollTask() {
    return Tasks.recurring(POLL_TASK, Schedules.fixedDelay(settings.pollInterval()))
        .execute((instance, context) -> poll.poll());
  }

  /**
   * Queues a sync for every contact still out of sync, e.g. after the CRM refused for good and the
   * operator fixed the cause. Safe to run on every start.
   */
  public void resumeBacklog(SchedulerClient integrations, Instant now) {
    List<String> backlog = db.withHandle(h -> new CrmSyncRepository().outOfSync(h));
    for (String contactId : backlog) {
      integrations.scheduleIfNotExists(new TaskInstance<Void>(SYNC_TASK, contactId), now);
    }
    if (!backlog.isEmpty()) {
      log.info("{} contact(s) out of sync with the CRM; sync queued", backlog.size());
    }
  }
}
