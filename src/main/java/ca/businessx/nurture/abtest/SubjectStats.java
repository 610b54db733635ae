package ca.businessx.nurture.abtest;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** What each subject variant did, per template, and which variant was promoted. */
public final class SubjectStats {
  /** One template's test: both variants' counts, and the promotion if there is one. */
  public record TemplateTest(
      String templateKey,
      SubjectTest.Counts a,
      SubjectTest.Counts b,
      Optional<Promotion> promoted) {}

  public record Promotion(Variant variant, String by, Instant at) {}

  /** Every template that has sent both variants, in key order. */
  public List<TemplateTest> all(Handle h) {
    Map<String, SubjectTest.Counts[]> counts = new LinkedHashMap<>();
    h.createQuery(
            "select m.template_key, m.subject_variant, count(*) as sent,"
                + " count(m.opened_at) as opened, count(m.clicked_at) as clicked,"
                + " count(distinct b.id) as booked from emails m"
                + " left join bookings b on b.last_sent_email = m.id and b.state = 'BOOKED'"
                + " where m.state = 'SENT' and m.subject_variant is not null"
                + " group by m.template_key, m.subject_variant order by m.template_key")
        .map(
            (rs, ctx) -> {
              SubjectTest.Counts[] pair =
                  counts.computeIfAbsent(
                      rs.getString("template_key"), k -> new SubjectTest.Counts[] {none(), none()});
              pair[Variant.valueOf(rs.getString("subject_variant")).ordinal()] =
                  new SubjectTest.Counts(
                      rs.getLong("sent"),
                      rs.getLong("opened"),
                      rs.getLong("clicked"),
                      rs.getLong("booked"));
              return null;
            })
        .list();
    return counts.entrySet().stream()
        .map(
            e ->
                new TemplateTest(
                    e.getKey(), e.getValue()[0], e.getValue()[1], promoted(h, e.getKey())))
        .toList();
  }

  /** Every promoted variant by template: a handful of rows, read once per batch. */
  public Map<String, Variant> promotedVariants(Handle h) {
    Map<String, Variant> promoted = new java.util.HashMap<>();
    h.createQuery("select template_key, variant from subject_promotions")
        .map((rs, ctx) -> promoted.put(rs.getString(1), Variant.valueOf(rs.getString(2))))
        .list();
    return promoted;
  }

  public Optional<Promotion> promoted(Handle h, String templateKey) {
    return h.createQuery(
            "select variant, promoted_by, promoted_at from subject_promotions"
                + " where template_key = :k")
        .bind("k", templateKey)
        .map(
            (rs, ctx) ->
                new Promotion(
                    Variant.valueOf(rs.getString("variant")),
                    rs.getString("promoted_by"),
                    Instant.ofEpochMilli(rs.getLong("promoted_at"))))
        .findOne();
  }

  /** Answers whether this changed anything; a person may change an earlier promotion. */
  public boolean promote(Handle h, String templateKey, Variant variant, String by, Instant now) {
    return h.createUpdate(
                "insert into subject_promotions (template_key, variant, promoted_by, promoted_at)"
                    + " values (:k, :v, :by, :now) on conflict (template_key) do update set"
                    + " variant = excluded.variant, promoted_by = excluded.promoted_by,"
                    + " promoted_at = excluded.promoted_at"
                    + " where subject_promotions.variant <> excluded.variant")
            .bind("k", templateKey)
            .bind("v", variant.name())
            .bind("by", by)
            .bind("now", now.toEpochMilli())
            .execute()
        == 1;
  }

  private static SubjectTest.Counts none() {
    return new SubjectTest.Counts(0, 0, 0, 0);
  }
}
