package ca.businessx.nurture.metrics;

import ca.businessx.nurture.platform.Database;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gauges the dashboard and the alert rules in {@code deploy/} read that no event can count:
 * emails by state, how long the oldest parked email has waited for a person, the Notion backlog,
 * active enrollments, and whether the node is ready (database answers, schema migrated). Read in
 * one go just before a scrape, like {@link DatabaseGauges}.
 */
public final class OperationsGauges {
  static final List<String> EMAIL_STATES =
      List.of("PENDING", "SENT", "PARKED", "SKIPPED", "CANCELLED");
  private static final Logger log = LoggerFactory.getLogger(OperationsGauges.class);

  record Reading(
      Map<String, Long> emails,
      double parkedOldestSeconds,
      long notionBacklog,
      long active,
      int ready) {}

  private final Database db;
  private final Clock clock;
  private volatile Reading last = new Reading(Map.of(), 0, 0, 0, 0);
  // Flyway reads every migration script to compare: once every few minutes is enough for a gauge.
  private long migrationsCheckedAt = Long.MIN_VALUE;
  private boolean migrated;

  public OperationsGauges(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  public void register(MeterRegistry registry) {
    for (String state : EMAIL_STATES) {
      Gauge.builder("nurture.emails", this, g -> g.last.emails().getOrDefault(state, 0L))
          .description("Emails stored, by state")
          .tag("state", state)
          .strongReference(true)
          .register(registry);
    }
    Gauge.builder("nurture.emails.parked.oldest", this, g -> g.last.parkedOldestSeconds())
        .description("How long the oldest parked email has waited for a person (0: none parked)")
        .baseUnit("seconds")
        .strongReference(true)
        .register(registry);
    Gauge.builder("nurture.notion.backlog", this, g -> g.last.notionBacklog())
        .description("Contacts whose latest change Notion has not seen yet")
        .strongReference(true)
        .register(registry);
    Gauge.builder("nurture.enrollments.active", this, g -> g.last.active())
        .description("Enrollments whose sequence is running")
        .strongReference(true)
        .register(registry);
    Gauge.builder("nurture.ready", this, g -> g.last.ready())
        .description("1 when the database answers and its schema is migrated, else 0")
        .strongReference(true)
        .register(registry);
  }

  public synchronized void refresh() {
    long now = clock.millis();
    try {
      if (now - migrationsCheckedAt > 300_000 || !migrated) {
        migrated = db.pendingMigrations() == 0;
        migrationsCheckedAt = now;
      }
      last =
          db.withHandle(
              h -> {
                Map<String, Long> emails = new java.util.HashMap<>();
                h.createQuery("select state, count(*) from emails group by state")
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                    .forEach(e -> emails.put(e.getKey(), e.getValue()));
                Long oldest =
                    h.createQuery("select min(updated_at) from emails where state = 'PARKED'")
                        .mapTo(Long.class)
                        .one();
                long backlog =
                    h.createQuery(
                            "select count(*) from contacts where crm_version > crm_synced_version")
                        .mapTo(Long.class)
                        .one();
                long active =
                    h.createQuery("select count(*) from enrollments where state = 'ACTIVE'")
                        .mapTo(Long.class)
                        .one();
                return new Reading(
                    Map.copyOf(emails),
                    oldest == null ? 0 : Math.max(0, (now - oldest) / 1000.0),
                    backlog,
                    active,
                    migrated ? 1 : 0);
              });
    } catch (RuntimeException e) {
      // Redacted to the class: a driver's message can carry bound values.
      log.warn("cannot read operations gauges: {}", e.getClass().getSimpleName());
      last =
          new Reading(
              last.emails(), last.parkedOldestSeconds(), last.notionBacklog(), last.active(), 0);
    }
  }
}
