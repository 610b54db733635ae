package ca.businessx.nurture.metrics;

import ca.businessx.nurture.platform.Database;
import ca.businessx.nurture.segment.Segment;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Calendar;
import java.util.EnumMap;
import java.util.Map;
import java.util.TimeZone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gauges read from the database at scrape time: the scheduler's due backlog and how late its oldest
 * due execution is, and contacts per segment. One reading, taken just before a scrape, serves all
 * gauges, rather than a query per gauge.
 */
public final class DatabaseGauges {
  private static final Logger log = LoggerFactory.getLogger(DatabaseGauges.class);
  // db-scheduler writes its times in UTC on both databases; read them the same way.
  private static final Calendar UTC = Calendar.getInstance(TimeZone.getTimeZone("UTC"));

  record Reading(long due, double lagSeconds, Map<Segment, Long> segments) {}

  private final Database db;
  private final Clock clock;
  private volatile Reading last = new Reading(0, 0, Map.of());

  public DatabaseGauges(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Gauges hold their object weakly by default; nothing else keeps this one alive. */
  public void register(MeterRegistry registry) {
    Gauge.builder("nurture.scheduler.due.executions", this, g -> g.reading().due())
        .description("Scheduled executions that are due and not yet picked")
        .strongReference(true)
        .register(registry);
    Gauge.builder("nurture.scheduler.due.lag", this, g -> g.reading().lagSeconds())
        .description("How late the oldest due execution is")
        .baseUnit("seconds")
        .strongReference(true)
        .register(registry);
    for (Segment s : Segment.values()) {
      Gauge.builder(
              "nurture.contacts.segment", this, g -> g.reading().segments().getOrDefault(s, 0L))
          .description("Contacts currently in each segment")
          .tag("segment", s.name())
          .strongReference(true)
          .register(registry);
    }
  }

  Reading reading() {
    return last;
  }

  /**
   * Reads the database once; called before each scrape, so one scrape costs three small queries.
   */
  public synchronized void refresh() {
    Instant now = clock.instant();
    try (Connection c = db.dataSource().getConnection()) {
      last = new Reading(due(c, now), lag(c, now), segments(c));
    } catch (SQLException e) {
      log.warn("cannot read scheduler gauges: {}", e.getMessage());
      last = new Reading(-1, -1, Map.of());
    }
  }

  /**
   * Due work lives in two places: enrollments waiting for the send loop (due, not claimed by a
   * batch) and the integration scheduler's table (alerts, CRM).
   */
  private static long due(Connection c, Instant now) throws SQLException {
    long integrations;
    try (PreparedStatement ps =
        c.prepareStatement(
            "select count(*) from integration_tasks where execution_time <= ? and picked = ?")) {
      ps.setTimestamp(1, Timestamp.from(now), UTC);
      ps.setBoolean(2, false);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        integrations = rs.getLong(1);
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "select count(*) from enrollments where state = 'ACTIVE' and claimed_by is null"
                + " and next_due_at <= ?")) {
      ps.setLong(1, now.toEpochMilli());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return integrations + rs.getLong(1);
      }
    }
  }

  private static double lag(Connection c, Instant now) throws SQLException {
    Instant oldest = now;
    try (PreparedStatement ps =
        c.prepareStatement(
            "select execution_time from integration_tasks where execution_time <= ? and picked = ?"
                + " order by execution_time limit 1")) {
      ps.setTimestamp(1, Timestamp.from(now), UTC);
      ps.setBoolean(2, false);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          oldest = rs.getTimestamp(1, UTC).toInstant();
        }
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "select next_due_at from enrollments where state = 'ACTIVE' and claimed_by is null"
                + " and next_due_at <= ? order by next_due_at limit 1")) {
      ps.setLong(1, now.toEpochMilli());
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          Instant due = Instant.ofEpochMilli(rs.getLong(1));
          oldest = due.isBefore(oldest) ? due : oldest;
        }
      }
    }
    return Math.max(0, Duration.between(oldest, now).toMillis() / 1000.0);
  }

  private static Map<Segment, Long> segments(Connection c) throws SQLException {
    Map<Segment, Long> counts = new EnumMap<>(Segment.class);
    try (PreparedStatement ps =
            c.prepareStatement(
                "select segment, count(*) from contacts where segment is not null group by segment");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        counts.put(Segment.valueOf(rs.getString(1)), rs.getLong(2));
      }
    }
    return counts;
  }
}
