package ca.businessx.nurture.funnel;

import ca.businessx.nurture.platform.ApiError;
import ca.businessx.nurture.platform.Database;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/funnel?from=&to=}: the funnel as JSON, under the admin rule of every {@code /api}
 * route. Dates are ISO ({@code 2026-03-01}), UTC days, both included; by default the last 30 days.
 * A bad date or a range the wrong way round is a 400 naming each bad parameter.
 */
public final class FunnelRoutes {
  static final int DEFAULT_DAYS = 30;
  static final int MAX_DAYS = 3660;

  private final Database db;
  private final Clock clock;
  private final FunnelQueries queries = new FunnelQueries();

  public FunnelRoutes(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  public void register(JavalinConfig cfg) {
    cfg.routes.get("/api/funnel", this::funnel);
  }

  /** The dates asked for: both checked, every problem in one answer. */
  public record Range(LocalDate from, LocalDate to) {}

  public static Range range(String from, String to, Clock clock) {
    List<ApiError.Problem> problems = new ArrayList<>();
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    LocalDate end = date("to", to, today, problems);
    LocalDate start = date("from", from, end.minusDays(DEFAULT_DAYS - 1), problems);
    if (problems.isEmpty() && start.isAfter(end)) {
      problems.add(new ApiError.Problem("from", "must not be after to"));
    }
    if (problems.isEmpty() && start.plusDays(MAX_DAYS).isBefore(end)) {
      problems.add(new ApiError.Problem("from", "at most " + MAX_DAYS + " days before to"));
    }
    if (!problems.isEmpty()) {
      throw new ApiError(400, "invalid_parameters", "the funnel's dates are not valid", problems);
    }
    return new Range(start, end);
  }

  private static LocalDate date(
      String name, String value, LocalDate fallback, List<ApiError.Problem> problems) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      problems.add(new ApiError.Problem(name, "must be an ISO date such as 2026-03-01"));
      return fallback;
    }
  }

  public Funnel funnel(Range r) {
    return db.withHandle(h -> queries.funnel(h, r.from(), r.to()));
  }

  private void funnel(Context ctx) {
    Funnel f = funnel(range(ctx.queryParam("from"), ctx.queryParam("to"), clock));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("from", f.from().toString());
    body.put("to", f.to().toString());
    body.put("by_template", f.byTemplate().stream().map(s -> stages("template", s)).toList());
    body.put("by_segment", f.bySegment().stream().map(s -> stages("segment", s)).toList());
    body.put(
        "assessment_to_booked",
        f.assessmentToBooked().stream()
            .map(
                c -> {
                  Map<String, Object> m = new LinkedHashMap<>();
                  m.put("segment", c.segment());
                  m.put("assessed", c.assessed());
                  m.put("booked", c.booked());
                  m.put("rate", c.rate());
                  return m;
                })
            .toList());
    ctx.json(body);
  }

  static Map<String, Object> stages(String keyName, Funnel.Stages s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(keyName, s.key());
    m.put("sent", s.sent());
    m.put("delivered", s.delivered());
    m.put("opened", s.opened());
    m.put("clicked", s.clicked());
    m.put("replied", s.replied());
    m.put("booked", s.booked());
    m.put("rates", s.rates());
    return m;
  }
}
