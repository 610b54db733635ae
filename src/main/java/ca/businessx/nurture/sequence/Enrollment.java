package ca.businessx.nurture.sequence;

import java.time.Instant;

/** A contact's run through the sequence; {@code currentStep} is the next email to send. */
public record Enrollment(
    String id,
    String contactId,
    EnrollmentState state,
    int currentStep,
    Instant startedAt,
    Instant nextDueAt,
    Instant finishedAt,
    String stopReason) {}
