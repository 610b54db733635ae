package ca.businessx.nurture.crm;

import ca.businessx.nurture.contact.CrmSyncQueue;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * Counts the change and makes sure a sync job is due; both commit with the change itself. One job
 * per contact: a change made while it runs raises the version, and the job runs again.
 */
public final class CrmSyncScheduler implements CrmSyncQueue {
  private final SchedulerClient integrations;

  /** @param integrations a client of the integration tasks table on the transaction-aware source */
  public CrmSyncScheduler(SchedulerClient integrations) {
    this.integrations = integrations;
  }

  @Override
  public void contactChanged(Handle h, String contactId, Instant now) {
    h.createUpdate("update contacts set crm_version = crm_version + 1 where id = :id")
        .bind("id", contactId)
        .execute();
    integrations.scheduleIfNotExists(new TaskInstance<Void>(CrmTasks.SYNC_TASK, contactId), now);
  }
}
