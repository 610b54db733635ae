package ca.businessx.nurture.sequence;

import ca.businessx.nurture.contact.Timeline;
import ca.businessx.nurture.platform.Ids;
import ca.businessx.nurture.segment.Segment;
import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * Starts a contact's sequence inside the caller's transaction: the enrollment row is its own
 * durable wake-up (its first step due now), and this process's send loop is nudged once it commits.
 * A contact whose last sequence has ended starts again when {@link Reentry} says so.
 */
public final class Enroller {
  public record Result(Enrollment enrollment, boolean created) {}

  private final DueNudge nudge;
  private final int version;
  private final Duration reentryAfter;
  private final EnrollmentRepository enrollments = new EnrollmentRepository();
  private final Timeline timeline = new Timeline();

  /**
   * @param version the sequence version new enrollments are pinned to
   * @param reentryAfter how long after a sequence ends the lead may start again ({@code
   *     REENTRY_AFTER})
   */
  public Enroller(DueNudge nudge, int version, Duration reentryAfter) {
    this.nudge = nudge;
    this.version = version;
    this.reentryAfter = reentryAfter;
  }

  /**
   * @param before the contact's segment before this assessment, null if none
   * @param after the segment this assessment gave
   */
  public Result enroll(Handle h, String contactId, Segment before, Segment after, Instant now) {
    String id = Ids.newId();
    if (enrollments.insertIfAbsent(h, id, contactId, version, now)) {
      timeline.record(h, contactId, now, "enrolled", null);
      return created(h, id, contactId, now);
    }
    Enrollment current = enrollments.ofContact(h, contactId).orElseThrow();
    if (!current.state().hasEnded()) {
      return new Result(current, false);
    }
    Reentry.Decision decision =
        Reentry.decide(ReentryFacts.read(h, current, before, after), now, reentryAfter);
    if (!decision.reenter() || !enrollments.reenter(h, current, id, version, now)) {
      return new Result(current, false);
    }
    timeline.record(h, contactId, now, "reentered", decision.reason());
    return created(h, id, contactId, now);
  }

  private Result created(Handle h, String id, String contactId, Instant now) {
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
