package ca.businessx.nurture.alert;

import ca.businessx.nurture.platform.Database;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the team, at most once an hour, that emails are parked and wait for a person: one summary
 * rather than a message per email, and only when something was parked since the last one.
 */
public final class ParkedSummary {
  public static final String TASK = "parked-summary";
  static final Duration EVERY = Duration.ofMinutes(5);
  static final Duration AT_MOST_ONCE_IN = Duration.ofHours(1);
  private static final String LAST_SENT = "parked_summary_sent_at";
  private static final Logger log = LoggerFactory.getLogger(ParkedSummary.class);

  private ParkedSummary() {}

  /** What is parked now: how many, how many since the last summary, and the newest one's time. */
  record Parked(int total, int sinceLast, Instant newest) {}

  /** The summary to send now, if any. Pure. */
  static Optional<String> text(Parked parked, Instant lastSent, Instant now, String followUpUrl) {
    if (parked.sinceLast() == 0) {
      return Optional.empty();
    }
    if (lastSent != null && Duration.between(lastSent, now).compareTo(AT_MOST_ONCE_IN) < 0) {
      return Optional.empty();
    }
    String emails = parked.total() == 1 ? "1 email needs" : parked.total() + " emails need";
    String fresh = parked.sinceLast() == parked.total() ? "" : " (" + parked.sinceLast() + " new)";
    return Optional.of(
        emails
            + " follow-up"
            + fresh
            + ": the provider refused them or kept failing. "
            + followUpUrl);
  }

  public static RecurringTask<Void> task(
      Database db, Alerter alerter, String publicBaseUrl, Clock clock) {
    String url = publicBaseUrl.replaceAll("/+$", "") + "/console/follow-up";
    return Tasks.recurring(TASK, Schedules.fixedDelay(EVERY))
        .execute(
            (instance, context) -> {
              Instant now = clock.instant();
              Instant last = db.withHandle(h -> lastSent(h));
              Parked parked = db.withHandle(h -> parked(h, last));
              Optional<String> text = text(parked, last, now, url);
              if (text.isEmpty()) {
                return;
              }
              try {
                alerter.notice(new TeamNotice(null, "parked_summary", text.get()));
              } catch (AlertException e) {
                // The next run tries again; nothing is lost by waiting five minutes.
                log.warn(
                    "could not tell {} about parked emails: {}", alerter.name(), e.getMessage());
                return;
              }
              db.useHandle(
                  h ->
                      h.createUpdate(
                              "insert into service_state (name, value) values (:n, :v)"
                                  + " on conflict (name) do update set value = excluded.value")
                          .bind("n", LAST_SENT)
                          .bind("v", Long.toString(now.toEpochMilli()))
                          .execute());
            });
  }

  private static Instant lastSent(org.jdbi.v3.core.Handle h) {
    return h.createQuery("select value from service_state where name = :n")
        .bind("n", LAST_SENT)
        .mapTo(String.class)
        .findOne()
        .map(v -> Instant.ofEpochMilli(Long.parseLong(v)))
        .orElse(null);
  }

  private static Parked parked(org.jdbi.v3.core.Handle h, Instant since) {
    long after = since == null ? Long.MIN_VALUE : since.toEpochMilli();
    return h.createQuery(
            "select count(*) as total, coalesce(sum(case when updated_at > :after then 1 else 0"
                + " end), 0) as fresh, max(updated_at) as newest from emails where state = 'PARKED'")
        .bind("after", after)
        .map(
            (rs, ctx) ->
                new Parked(
                    rs.getInt("total"),
                    rs.getInt("fresh"),
                    rs.getObject("newest") == null
                        ? null
                        : Instant.ofEpochMilli(rs.getLong("newest"))))
        .one();
  }
}
