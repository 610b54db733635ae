package ca.businessx.nurture.sequence;

import ca.businessx.nurture.contact.Timeline;
import ca.businessx.nurture.platform.Ids;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * Starts a contact's sequence inside the caller's transaction: the enrollment row is its own
 * durable wake-up (its first step due now), and this process's send loop is nudged once it commits.
 */
public final class Enroller {
  public record Result(Enrollment enrollment, boolean created) {}

  private final DueNudge nudge;
  private final int version;
  private final EnrollmentRepository enrollments = new EnrollmentRepository();
  private final Timeline timeline = new Timeline();

  /**
   * @param version the sequence version new enrollments are pinned to
   */
  public Enroller(DueNudge nudge, int version) {
    this.nudge = nudge;
    this.version = version;
  }

  public Result enroll(Handle h, String contactId, Instant now) {
    String id = Ids.newId();
    boolean created = enrollments.insertIfAbsent(h, id, contactId, version, now);
    if (!created) {
      return new Result(enrollments.ofContact(h, contactId).orElseThrow(), false);
    }
    timeline.record(h, contactId, now, "enrolled", null);
    nudge.afterCommit(h);
    // As inserted (times to the millisecond, as stored), without reading it back.
    Instant stored = Instant.ofEpochMilli(now.toEpochMilli());
    return new Result(
        new Enrollment(
            id,
            contactId,
            EnrollmentState.ACTIVE,
            1,
            stored,
            stored,
            null,
            null,
            stored,
            null,
            version),
        true);
  }
}
