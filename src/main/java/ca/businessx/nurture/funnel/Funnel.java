package ca.businessx.nurture.funnel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The conversion funnel of the emails sent between two dates: per template and per segment, how
 * many were sent, delivered, opened, clicked, replied to (the lead's next reply came before its
 * next email) and led to a booking (the booking's last email sent), each with its rate of the sent;
 * and per segment, how many leads assessed in those dates went on to book.
 */
public record Funnel(
    LocalDate from,
    LocalDate to,
    List<Stages> byTemplate,
    List<Stages> bySegment,
    List<Conversion> assessmentToBooked) {

  /** One row: {@code key} is the template or the segment ({@code none} for a lead unassessed). */
  public record Stages(
      String key, long sent, long delivered, long opened, long clicked, long replied, long booked) {
    Stages plus(Stages o) {
      return new Stages(
          key,
          sent + o.sent,
          delivered + o.delivered,
          opened + o.opened,
          clicked + o.clicked,
          replied + o.replied,
          booked + o.booked);
    }

    /** Each stage as a share of the emails sent, 0 when none were. */
    public Map<String, Double> rates() {
      Map<String, Double> r = new LinkedHashMap<>();
      r.put("delivered", rate(delivered, sent));
      r.put("opened", rate(opened, sent));
      r.put("clicked", rate(clicked, sent));
      r.put("replied", rate(replied, sent));
      r.put("booked", rate(booked, sent));
      return r;
    }
  }

  public record Conversion(String segment, long assessed, long booked) {
    public double rate() {
      return Funnel.rate(booked, assessed);
    }
  }

  /** Counts of one template sent to one segment, as the query answers them. */
  record Cell(String template, String segment, Stages counts) {}

  static Funnel of(LocalDate from, LocalDate to, List<Cell> cells, List<Conversion> conversions) {
    return new Funnel(
        from, to, rollUp(cells, true), rollUp(cells, false), List.copyOf(conversions));
  }

  private static List<Stages> rollUp(List<Cell> cells, boolean byTemplate) {
    Map<String, Stages> rows = new TreeMap<>();
    for (Cell c : cells) {
      String key = byTemplate ? c.template() : c.segment();
      Stages counts =
          new Stages(
              key,
              c.counts().sent(),
              c.counts().delivered(),
              c.counts().opened(),
              c.counts().clicked(),
              c.counts().replied(),
              c.counts().booked());
      rows.merge(key, counts, Stages::plus);
    }
    return new ArrayList<>(rows.values());
  }

  static double rate(long part, long whole) {
    return whole == 0 ? 0 : Math.round(1000.0 * part / whole) / 1000.0;
  }
}
