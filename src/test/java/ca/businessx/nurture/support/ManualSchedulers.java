package ca.businessx.nurture.support;

import ca.businessx.nurture.SchedulerFactory;
import com.github.kagkarlsson.scheduler.testhelper.SettableClock;
import com.github.kagkarlsson.scheduler.testhelper.TestHelper;

/** db-scheduler's manual schedulers on a test's clock: due work runs only when a test says so. */
public final class ManualSchedulers {
  private ManualSchedulers() {}

  public static SchedulerFactory on(SettableClock clock) {
    return (dataSource, tasks, startTasks, table, threads) ->
        TestHelper.createManualScheduler(dataSource, tasks)
            .startTasks(startTasks)
            .tableName(table)
            .clock(clock)
            .build();
  }
}
