package ca.businessx.nurture.crm;

import ca.businessx.nurture.contact.CrmSyncQueue;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;

/**
 * Counts the change and makes sure a sync job is due; both commit with the change itself. One job
 * per contact: a change made while it runs raises the version, and the job runs again.
 */
public final class CrmSyncScheduler implements CrmSyncQueue {
  private final SchedulerClient integrations;

  /**
   * @param integrations a client of the integration tasks table on the transaction-aware source
   */
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

  /**
   * Raises each contact's version by the number of times it is named, in one JDBC batch, then makes
   * sure each has a sync job (once per contact: a second call for the same one would find it).
   */
  @Override
  public void contactsChanged(Handle h, List<String> contactIds, Instant now) {
    if (contactIds.isEmpty()) {
      return;
    }
    Map<String, Integer> times = new TreeMap<>();
    contactIds.forEach(id -> times.merge(id, 1, Integer::sum));
    var batch = h.prepareBatch("update contacts set crm_version = crm_version + :n where id = :id");
    times.forEach((id, n) -> batch.bind("id", id).bind("n", n).add());
    batch.execute();
    new LinkedHashSet<>(contactIds)
        .forEach(
            id ->
                integrations.scheduleIfNotExists(
                    new TaskInstance<Void>(CrmTasks.SYNC_TASK, id), now));
  }
}
