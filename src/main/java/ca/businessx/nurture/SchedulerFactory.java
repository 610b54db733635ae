package ca.businessx.nurture;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.util.List;
import javax.sql.DataSource;

/**
 * Builds a node's schedulers. A node polls its tables on its own; a test supplies one that runs due
 * work only when told, so the service itself carries no test machinery.
 */
@FunctionalInterface
public interface SchedulerFactory {
  Scheduler create(
      DataSource dataSource,
      List<Task<?>> tasks,
      List<RecurringTask<?>> startTasks,
      String table,
      int threads);
}
