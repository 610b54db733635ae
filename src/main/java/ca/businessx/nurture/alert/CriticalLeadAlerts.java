package ca.businessx.nurture.alert;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.time.Instant;
import java.util.List;

/**
 * The jobs a lead's change into CRITICAL starts, scheduled in the assessment's own transaction: the
 * alert on the team's channel (Discord or a log line) and, with SMS configured, one text per
 * number. Each is keyed by the assessment, so scheduling twice starts nothing twice.
 */
public final class CriticalLeadAlerts {
  private final List<String> smsNumbers;

  public CriticalLeadAlerts(List<String> smsNumbers) {
    this.smsNumbers = List.copyOf(smsNumbers);
  }

  public static CriticalLeadAlerts channelOnly() {
    return new CriticalLeadAlerts(List.of());
  }

  public void schedule(
      SchedulerClient integrations, String assessmentId, String contactId, Instant now) {
    integrations.scheduleIfNotExists(
        new TaskInstance<>(AlertTasks.CRITICAL_LEAD_TASK, assessmentId, contactId), now);
    for (String number : smsNumbers) {
      integrations.scheduleIfNotExists(
          new TaskInstance<>(SmsTasks.TASK, SmsTasks.instanceId(assessmentId, number), contactId),
          now);
    }
  }
}
