package ca.businessx.nurture.sequence;

import java.time.Instant;
import java.util.Optional;

/**
 * Where a lead in flight lands when a person moves it to another version: the same step number, due
 * on the new version's schedule counted from when the lead started; a lead already past the new
 * version's last step has had everything and completes. Pure, so the dry run and the real move
 * print the same answer.
 */
public final class SequenceMigration {
  /** {@code toStep} is empty when the lead completes; {@code toDue} is then empty too. */
  public record Move(
      String enrollmentId,
      String contactId,
      int fromStep,
      Optional<Integer> toStep,
      Optional<Instant> toDue) {
    public boolean completes() {
      return toStep.isEmpty();
    }
  }

  private SequenceMigration() {}

  public static Move of(Enrollment e, SequencePlan to) {
    int step = e.currentStep();
    if (step > to.size()) {
      return new Move(e.id(), e.contactId(), step, Optional.empty(), Optional.empty());
    }
    return new Move(
        e.id(),
        e.contactId(),
        step,
        Optional.of(step),
        Optional.of(NextStep.planned(to, step, e.startedAt())));
  }
}
