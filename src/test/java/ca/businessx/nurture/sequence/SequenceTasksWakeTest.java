package ca.businessx.nurture.sequence;

import static org.assertj.core.api.Assertions.assertThatCode;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.exceptions.ExecutionException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A wake-up that loses to the scheduler must not fail the transaction it runs in (that
 * transaction may be recording a batch the provider already accepted). On PostgreSQL a pick can
 * land between the client's read of an execution and its versioned update; the update then
 * matches no row and db-scheduler throws ExecutionException. Found by the dispatch benchmark.
 */
class SequenceTasksWakeTest {

  @Test
  void aWakeThatLosesTheRaceToAPickIsIgnored() {
    SchedulerClient racing = failingReschedule(new ExecutionException(
        "Expected one execution to be updated, but updated 0. Indicates a bug.", SequenceTasks.STEP_TASK, "e1", 3));

    assertThatCode(() -> SequenceTasks.wake(racing, "e1", Instant.now())).doesNotThrowAnyException();
  }

  @Test
  void aWakeOfARunningExecutionIsIgnored() {
    SchedulerClient running = failingReschedule(
        new TaskInstanceCurrentlyExecutingException(SequenceTasks.STEP_TASK, "e1"));

    assertThatCode(() -> SequenceTasks.wake(running, "e1", Instant.now())).doesNotThrowAnyException();
  }

  private static SchedulerClient failingReschedule(RuntimeException failure) {
    return (SchedulerClient) Proxy.newProxyInstance(SchedulerClient.class.getClassLoader(),
        new Class<?>[] {SchedulerClient.class}, (proxy, method, args) -> {
          if (method.getName().equals("reschedule")) {
            throw failure;
          }
          throw new UnsupportedOperationException(method.getName());
        });
  }
}
