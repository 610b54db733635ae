package ca.businessx.nurture.console;

import ca.businessx.nurture.abtest.SubjectStats;
import ca.businessx.nurture.abtest.SubjectTest;
import ca.businessx.nurture.abtest.Variant;
import ca.businessx.nurture.platform.ApiError;
import ca.businessx.nurture.platform.Database;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A/B subject results per template, and a person's promotion of a variant. */
final class SubjectTestActions {
  private final Database db;
  private final ConsoleAuth auth;
  private final Clock clock;
  private final SubjectTest.Rule rule;
  private final SubjectStats stats = new SubjectStats();

  SubjectTestActions(Database db, ConsoleAuth auth, Clock clock, SubjectTest.Rule rule) {
    this.db = db;
    this.auth = auth;
    this.clock = clock;
    this.rule = rule;
  }

  /** Rows for the templates page: one per template that has sent both variants. */
  List<Map<String, Object>> rows() {
    return db.withHandle(stats::all).stream().map(this::row).toList();
  }

  String ruleText() {
    return "A variant wins when each has at least "
        + rule.minSample()
        + " sent and a two-sided two-proportion z-test on the click rate gives p < "
        + rule.alpha()
        + ".";
  }

  void listApi(Context ctx) {
    ctx.json(Map.of("rule", rule, "tests", rows()));
  }

  void promoteForm(Context ctx) {
    auth.checkPost(ctx);
    boolean changed = promote(ctx.pathParam("key"), ctx.formParam("variant"));
    ctx.redirect(
        "/console/templates?key="
            + URLEncoder.encode(ctx.pathParam("key"), StandardCharsets.UTF_8)
            + "&notice="
            + (changed ? "variant_promoted" : "variant_already_promoted"));
  }

  void promoteApi(Context ctx) {
    ConsoleAuth.checkOrigin(ctx);
    String variant = ctx.bodyAsClass(Map.class).getOrDefault("variant", "").toString();
    boolean changed = promote(ctx.pathParam("key"), variant);
    ctx.json(Map.of("template", ctx.pathParam("key"), "variant", variant, "changed", changed));
  }

  private boolean promote(String key, String rawVariant) {
    Variant variant;
    try {
      variant =
          Variant.valueOf(rawVariant == null ? "" : rawVariant.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ApiError(422, "invalid_variant", "variant must be A or B");
    }
    if (db.withHandle(h -> stats.all(h)).stream().noneMatch(t -> t.templateKey().equals(key))) {
      throw new ApiError(404, "not_found", "template " + key + " has sent no A/B subjects");
    }
    return db.inTransaction(h -> stats.promote(h, key, variant, "person", clock.instant()));
  }

  private Map<String, Object> row(SubjectStats.TemplateTest t) {
    SubjectTest.Result result = SubjectTest.compare(t.a(), t.b(), rule);
    Map<String, Object> m = new HashMap<>();
    m.put("template", t.templateKey());
    m.put("a", variant(t.a()));
    m.put("b", variant(t.b()));
    m.put("verdict", result.verdict());
    result.winner().ifPresent(w -> m.put("winner", w.name()));
    t.promoted()
        .ifPresent(p -> m.put("promoted", Map.of("variant", p.variant().name(), "by", p.by())));
    return m;
  }

  private static Map<String, Object> variant(SubjectTest.Counts c) {
    return Map.of(
        "sent", c.sent(),
        "opened", c.opened(),
        "clicked", c.clicked(),
        "booked", c.booked(),
        "click_rate", String.format(Locale.ROOT, "%.1f%%", 100 * c.clickRate()));
  }
}
