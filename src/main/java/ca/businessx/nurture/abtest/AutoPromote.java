package ca.businessx.nurture.abtest;

import ca.businessx.nurture.platform.Database;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With {@code AB_AUTO_PROMOTE=true}, promotes each test's winner by the stated rule once it has
 * one; a template a person already promoted is left as they chose.
 */
public final class AutoPromote {
  public static final String TASK = "subject-auto-promote";
  private static final Logger log = LoggerFactory.getLogger(AutoPromote.class);

  private AutoPromote() {}

  public static RecurringTask<Void> task(Database db, SubjectTest.Rule rule, Clock clock) {
    SubjectStats stats = new SubjectStats();
    return Tasks.recurring(TASK, Schedules.fixedDelay(Duration.ofHours(1)))
        .execute(
            (instance, context) ->
                db.inTransaction(
                    h -> {
                      for (SubjectStats.TemplateTest t : stats.all(h)) {
                        if (t.promoted().isPresent()) {
                          continue;
                        }
                        SubjectTest.Result r = SubjectTest.compare(t.a(), t.b(), rule);
                        if (r.winner().isPresent()
                            && stats.promote(
                                h, t.templateKey(), r.winner().get(), "rule", clock.instant())) {
                          log.info(
                              "subject {} of {} promoted by the rule: {}",
                              r.winner().get(),
                              t.templateKey(),
                              r.verdict());
                        }
                      }
                      return null;
                    }));
  }
}
