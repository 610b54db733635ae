package ca.businessx.nurture.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.platform.ConfigLoader;
import ca.businessx.nurture.platform.Database;
import ca.businessx.nurture.support.TestDatabases;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A batch moves its members' step tasks in one statement batch: an idle execution moves (and the
 * scheduler then reads the new time), a running one is left to find the new state itself, and a
 * missing one is no error, since a failure would roll back a batch the provider already accepted.
 */
class StepWakesTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void movesIdleStepTasksAndLeavesRunningOrMissingOnesAlone(TestDatabases.Kind kind) {
    Map<String, String> env = TestDatabases.env(kind);
    env.put("NURTURE_DATA_DIR", dir.toString());
    try (Database db = Database.open(ConfigLoader.load(env).db(), dir, "test")) {
      db.migrate();
      var task = SequenceTasks.step(null, Duration.ofSeconds(30));
      SchedulerClient client =
          SchedulerClient.Builder.create(db.dataSource(), List.of(task)).build();
      Instant due = Instant.parse("2026-11-27T10:00:00Z");
      Instant later = due.plus(3, ChronoUnit.DAYS);
      client.scheduleIfNotExists(new TaskInstance<Void>(SequenceTasks.STEP_TASK, "idle"), due);
      client.scheduleIfNotExists(new TaskInstance<Void>(SequenceTasks.STEP_TASK, "running"), due);
      db.useHandle(
          h ->
              h.execute(
                  "update scheduled_tasks set picked = ? where task_instance = 'running'", true));

      Map<String, Instant> wakes = new LinkedHashMap<>();
      wakes.put("idle", later);
      wakes.put("missing", later);
      wakes.put("running", later);
      db.inTransaction(
          h -> {
            new StepWakes(db.dataSource(), "scheduled_tasks").wakeAll(h, wakes);
            return null;
          });

      assertThat(executionTime(client, "idle")).isEqualTo(later);
      assertThat(executionTime(client, "running")).isEqualTo(due);
    }
  }

  private static Instant executionTime(SchedulerClient client, String enrollmentId) {
    return client
        .getScheduledExecution(TaskInstanceId.of(SequenceTasks.STEP_TASK, enrollmentId))
        .orElseThrow()
        .getExecutionTime();
  }
}
