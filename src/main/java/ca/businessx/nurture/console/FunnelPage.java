package ca.businessx.nurture.console;

import ca.businessx.nurture.funnel.Funnel;
import ca.businessx.nurture.funnel.FunnelRoutes;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The funnel page, and the funnel's tables as the overview shows them for the last 30 days. */
final class FunnelPage {
  private final FunnelRoutes funnels;
  private final Views views;
  private final Clock clock;

  FunnelPage(FunnelRoutes funnels, Views views, Clock clock) {
    this.funnels = funnels;
    this.views = views;
    this.clock = clock;
  }

  void show(Context ctx) {
    FunnelRoutes.Range range =
        FunnelRoutes.range(ctx.queryParam("from"), ctx.queryParam("to"), clock);
    views.page(ctx, "funnel", "Funnel", "funnel", model(funnels.funnel(range)));
  }

  /** The last 30 days, for the overview. */
  Map<String, Object> recent() {
    return model(funnels.funnel(FunnelRoutes.range(null, null, clock)));
  }

  static Map<String, Object> model(Funnel f) {
    Map<String, Object> m = new HashMap<>();
    m.put("from", f.from().toString());
    m.put("to", f.to().toString());
    m.put("by_template", rows(f.byTemplate()));
    m.put("by_segment", rows(f.bySegment()));
    m.put(
        "assessed",
        f.assessmentToBooked().stream()
            .map(
                c ->
                    Map.<String, Object>of(
                        "segment", c.segment(),
                        "assessed", c.assessed(),
                        "booked", c.booked(),
                        "pct", pct(c.rate())))
            .toList());
    return m;
  }

  private static List<Map<String, Object>> rows(List<Funnel.Stages> stages) {
    return stages.stream()
        .map(
            s -> {
              Map<String, Object> r = new HashMap<>();
              r.put("key", s.key());
              r.put("sent", String.valueOf(s.sent()));
              r.put("delivered", String.valueOf(s.delivered()));
              r.put("opened", String.valueOf(s.opened()));
              r.put("clicked", String.valueOf(s.clicked()));
              r.put("replied", String.valueOf(s.replied()));
              r.put("booked", String.valueOf(s.booked()));
              s.rates().forEach((stage, rate) -> r.put(stage + "_pct", pct(rate)));
              return r;
            })
        .toList();
  }

  private static String pct(double rate) {
    return Math.round(rate * 1000) / 10.0 + "%";
  }
}
