package ca.businessx.nurture.sequence;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The durable task behind every enrollment: one execution per enrollment (its id is the task
 * instance), rescheduled to the next due time after each step, removed when nothing is left.
 */
public final class SequenceTasks {
  public static final String STEP_TASK = "sequence-step";

  private SequenceTasks() {}

  /**
   * @param unexpectedFailureDelay when the step itself throws (database down), try again after this
   */
  public static CustomTask<Void> step(SequenceRunner runner, Duration unexpectedFailureDelay) {
    return Tasks.custom(STEP_TASK, Void.class)
        .onFailure(new FailureHandler.OnFailureRetryLater<>(unexpectedFailureDelay))
        .execute(
            (instance, context) -> {
              Optional<Instant> next = runner.runDueStep(instance.getId());
              if (next.isEmpty()) {
                return new CompletionHandler.OnCompleteRemove<>();
              }
              Instant at = next.get();
              return (complete, operations) -> operations.reschedule(complete, at);
            });
  }
}
