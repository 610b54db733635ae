package ca.businessx.nurture.sequence;

import ca.businessx.nurture.segment.Segment;
import java.time.Instant;

/**
 * A contact's run through the sequence; {@code currentStep} is the next email to send, scheduled at
 * {@code stepDueAt}; {@code nextDueAt} is when the send loop looks at it next (that time, or a
 * retry's). {@code sequenceVersion} is the version of the sequence it is pinned to.
 */
public record Enrollment(
    String id,
    String contactId,
    EnrollmentState state,
    int currentStep,
    Instant startedAt,
    Instant nextDueAt,
    Instant finishedAt,
    String stopReason,
    Instant stepDueAt,
    Instant lastSentAt,
    int sequenceVersion) {

  /** What {@link NextStep} needs of it, for a lead of this segment. */
  public NextStep.Position position(Segment segment) {
    return new NextStep.Position(
        state,
        currentStep,
        segment,
        startedAt,
        stepDueAt != null ? stepDueAt : nextDueAt,
        lastSentAt);
  }
}
