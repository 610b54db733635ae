package ca.businessx.nurture.console;

import ca.businessx.nurture.platform.Database;
import ca.businessx.nurture.sequence.SequencePlan;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The first screen: how many leads, which segments, how far they get, what needs a person. */
final class OverviewPage {
  private final Database db;
  private final SequencePlan plan;
  private final Views views;
  private final Clock clock;
  private final OverviewQueries queries = new OverviewQueries();
  private final java.util.function.Supplier<Map<String, Object>> conversion;

  private final boolean crmConfigured;

  /**
   * @param conversion the conversion funnel of the last 30 days, as the overview shows it
   * @param crmConfigured whether a CRM is set up; without one, a sync backlog means nothing
   */
  OverviewPage(
      Database db,
      SequencePlan plan,
      Views views,
      Clock clock,
      java.util.function.Supplier<Map<String, Object>> conversion,
      boolean crmConfigured) {
    this.crmConfigured = crmConfigured;
    this.db = db;
    this.conversion = conversion;
    this.plan = plan;
    this.views = views;
    this.clock = clock;
  }

  void show(Context ctx) {
    Instant now = clock.instant();
    // "Today" is the UTC day: the service keeps no time zone of its own.
    Instant startOfDay =
        now.atZone(ZoneOffset.UTC).toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant();
    Map<String, Object> model =
        db.withHandle(
            h -> {
              Map<String, Object> m = new HashMap<>();
              m.put("leads", queries.leads(h, startOfDay, now.minus(Duration.ofDays(7))));
              m.put("segments", segmentBars(queries.segments(h)));
              m.put("funnel", funnelCharts(queries.funnel(h, plan.size())));
              m.put("delivery", queries.delivery(h));
              if (crmConfigured) {
                queries.notionBacklog(h).ifPresent(b -> m.put("notion", Map.of("backlog", b)));
              }
              return m;
            });
    model.put("generated", Views.time(now));
    model.put("conversion", conversion.get());
    views.page(ctx, "overview", "Overview", "overview", model);
  }

  private static List<Map<String, Object>> segmentBars(Map<String, Long> counts) {
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    List<Map<String, Object>> bars = new ArrayList<>();
    for (String s : List.of("CRITICAL", "URGENT", "OPTIMIZE", "NONE")) {
      long n = counts.getOrDefault(s, 0L);
      bars.add(bar(s.equals("NONE") ? "Not assessed" : s, n, total, s.toLowerCase(Locale.ROOT)));
    }
    return bars;
  }

  private List<Map<String, Object>> funnelCharts(Map<String, OverviewQueries.Funnel> funnel) {
    List<Map<String, Object>> charts = new ArrayList<>();
    funnel.forEach(
        (segment, f) -> {
          List<Map<String, Object>> stages = new ArrayList<>();
          long base = Math.max(1, f.enrolled());
          String cls = segment.toLowerCase(Locale.ROOT);
          stages.add(bar("Enrolled", f.enrolled(), base, cls));
          for (int step = 1; step <= f.sentByStep().length; step++) {
            stages.add(bar("Email " + step + " sent", f.sentByStep()[step - 1], base, cls));
          }
          stages.add(bar("Completed", f.completed(), base, "done"));
          stages.add(bar("Stopped", f.stopped(), base, "stopped"));
          charts.add(
              Map.of("segment", segment, "cls", cls, "stages", stages, "enrolled", f.enrolled()));
        });
    return charts;
  }

  private static Map<String, Object> bar(String label, long count, long of, String cls) {
    long pct = of == 0 ? 0 : Math.round(100.0 * count / of);
    return Map.of("label", label, "count", count, "pct", pct, "cls", cls);
  }
}
