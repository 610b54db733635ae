package ca.businessx.nurture.console;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The counts behind the overview page. Grouped queries only: the page stays fast at 100k leads. */
final class OverviewQueries {

  record Leads(long today, long week, long total) {}

  /** Per segment, how many reached each point of the sequence. */
  record Funnel(long enrolled, long[] sentByStep, long completed, long stopped) {}

  record Delivery(
      long sent,
      long pending,
      long retrying,
      long parked,
      long skipped,
      long cancelled,
      long bounced,
      long unsubscribed) {}

  Leads leads(Handle h, Instant startOfDay, Instant weekAgo) {
    return h.createQuery(
            "select count(*) as total,"
                + " coalesce(sum(case when signed_up_at >= :day then 1 else 0 end), 0) as today,"
                + " coalesce(sum(case when signed_up_at >= :week then 1 else 0 end), 0) as week"
                + " from contacts")
        .bind("day", startOfDay.toEpochMilli())
        .bind("week", weekAgo.toEpochMilli())
        .map((rs, ctx) -> new Leads(rs.getLong("today"), rs.getLong("week"), rs.getLong("total")))
        .one();
  }

  /** Contacts per segment; those without an assessment under the key {@code NONE}. */
  Map<String, Long> segments(Handle h) {
    Map<String, Long> counts = new LinkedHashMap<>();
    h.createQuery(
            "select coalesce(segment, 'NONE') as s, count(*) as n from contacts group by coalesce(segment, 'NONE')")
        .map((rs, ctx) -> Map.entry(rs.getString("s"), rs.getLong("n")))
        .forEach(e -> counts.put(e.getKey(), e.getValue()));
    return counts;
  }

  Map<String, Funnel> funnel(Handle h, int steps) {
    Map<String, long[]> states = new LinkedHashMap<>();
    h.createQuery(
            "select c.segment as s, e.state as st, count(*) as n from enrollments e"
                + " join contacts c on c.id = e.contact_id where c.segment is not null group by c.segment, e.state")
        .map((rs, ctx) -> new Object[] {rs.getString("s"), rs.getString("st"), rs.getLong("n")})
        .forEach(
            r -> {
              long[] v = states.computeIfAbsent((String) r[0], k -> new long[3]);
              long n = (Long) r[2];
              v[0] += n;
              v[1] += r[1].equals("COMPLETED") ? n : 0;
              v[2] += r[1].equals("STOPPED") ? n : 0;
            });
    Map<String, long[]> sent = new LinkedHashMap<>();
    h.createQuery(
            "select c.segment as s, m.step as step, count(*) as n from emails m"
                + " join contacts c on c.id = m.contact_id where m.state = 'SENT' and c.segment is not null"
                + " group by c.segment, m.step")
        .map((rs, ctx) -> new Object[] {rs.getString("s"), rs.getInt("step"), rs.getLong("n")})
        .forEach(
            r -> {
              int step = (Integer) r[1];
              if (step >= 1 && step <= steps) {
                sent.computeIfAbsent((String) r[0], k -> new long[steps])[step - 1] = (Long) r[2];
              }
            });
    Map<String, Funnel> funnel = new LinkedHashMap<>();
    for (String segment : new String[] {"CRITICAL", "URGENT", "OPTIMIZE"}) {
      long[] st = states.getOrDefault(segment, new long[3]);
      funnel.put(
          segment, new Funnel(st[0], sent.getOrDefault(segment, new long[steps]), st[1], st[2]));
    }
    return funnel;
  }

  /**
   * Email states, plus bounces and unsubscribes counted from the timeline, so they show up as soon
   * as the features that record them land, with no change here.
   */
  Delivery delivery(Handle h) {
    Map<String, Long> byState = new LinkedHashMap<>();
    h.createQuery("select state, count(*) as n from emails group by state")
        .map((rs, ctx) -> Map.entry(rs.getString("state"), rs.getLong("n")))
        .forEach(e -> byState.put(e.getKey(), e.getValue()));
    long retrying =
        h.createQuery(
                "select count(*) from emails where state = 'PENDING' and last_error is not null")
            .mapTo(Long.class)
            .one();
    // The suppression list counts each address once, however many events reported it.
    long bounced =
        h.createQuery("select count(*) from suppressions where reason = 'BOUNCED'")
            .mapTo(Long.class)
            .one();
    long unsubscribed =
        h.createQuery("select count(*) from suppressions where reason = 'UNSUBSCRIBED'")
            .mapTo(Long.class)
            .one();
    return new Delivery(
        byState.getOrDefault("SENT", 0L),
        byState.getOrDefault("PENDING", 0L) - retrying,
        retrying,
        byState.getOrDefault("PARKED", 0L),
        byState.getOrDefault("SKIPPED", 0L),
        byState.getOrDefault("CANCELLED", 0L),
        bounced,
        unsubscribed);
  }

  /** Contacts whose latest change has not reached the CRM yet (zero when no CRM is configured). */
  Optional<Long> notionBacklog(Handle h) {
    return Optional.of(
        h.createQuery("select count(*) from contacts where crm_version > crm_synced_version")
            .mapTo(Long.class)
            .one());
  }
}
