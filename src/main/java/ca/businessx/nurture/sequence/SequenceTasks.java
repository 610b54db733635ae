package ca.businessx.nurture.sequence;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.exceptions.ExecutionException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
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

  /**
   * Moves another enrollment's wake-up after a batch advanced it. An execution that is running
   * right now finds the new state itself, so a refusal here is fine. With several nodes, another
   * node may pick the execution between the client's read and its update; the update then matches
   * no row (db-scheduler throws {@link ExecutionException}), and that node, running it now, finds
   * the new state the same way.
   */
  public static void wake(SchedulerClient client, String enrollmentId, Instant at) {
    try {
      client.reschedule(new TaskInstance<Void>(STEP_TASK, enrollmentId), at);
    } catch (TaskInstanceCurrentlyExecutingException | TaskInstanceNotFoundException | ExecutionException ignored) {
      // running now (here or on another node) or already finished: it needs no nudge
    }
  }
}
