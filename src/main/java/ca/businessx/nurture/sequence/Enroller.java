package ca.businessx.nurture.sequence;

import ca.businessx.nurture.contact.Timeline;
import ca.businessx.nurture.platform.Ids;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * Starts a contact's sequence inside the caller's transaction: the enrollment row and its first
 * durable wake-up commit together or not at all.
 */
public final class Enroller {
  public record Result(Enrollment enrollment, boolean created) {}

  private final SchedulerClient scheduler;
  private final int version;
  private final EnrollmentRepository enrollments = new EnrollmentRepository();
  private final Timeline timeline = new Timeline();

  /**
   * @param scheduler a client on the transaction-aware data source
   * @param version the sequence version new enrollments are pinned to
   */
  public Enroller(SchedulerClient scheduler, int version) {
    this.scheduler = scheduler;
    this.version = version;
  }

  public Result enroll(Handle h, String contactId, Instant now) {
    String id = Ids.newId();
    boolean created = enrollments.insertIfAbsent(h, id, contactId, version, now);
    if (!created) {
      return new Result(enrollments.ofContact(h, contactId).orElseThrow(), false);
    }
    scheduler.scheduleIfNotExists(new TaskInstance<Void>(SequenceTasks.STEP_TASK, id), now);
    timeline.record(h, contactId, now, "enrolled", null);
    // As inserted (times to the millisecond, as stored), without reading it back.
    Instant stored = Instant.ofEpochMilli(now.toEpochMilli());
    return new Result(
        new Enrollment(id, contactId, EnrollmentState.ACTIVE, 1, stored, stored, null, null), true);
  }
}
