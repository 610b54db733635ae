package ca.businessx.nurture.engagement;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The engagement score, a pure function of a lead's engagements and the time: {@code score(now) = Σ
 * weight(kind) × 2^(−(now − at) / halfLife)}. An engagement stamped after {@code now} (clocks
 * apart) counts in full, never more.
 */
public final class EngagementScore {
  /** What a lead did. A booking-link click is its own kind, not also a click. */
  public enum Kind {
    OPEN,
    CLICK,
    BOOKING_CLICK,
    REPLY
  }

  public record Engagement(Kind kind, Instant at) {}

  /** Weights by kind and the half-life, from {@code config/engagement.json}. */
  public record Rules(Map<Kind, Double> weights, Duration halfLife) {
    public Rules {
      if (halfLife == null || halfLife.isNegative() || halfLife.isZero()) {
        throw new IllegalArgumentException("the engagement half-life must be longer than zero");
      }
      Map<Kind, Double> all = new EnumMap<>(Kind.class);
      for (Kind k : Kind.values()) {
        double w = weights.getOrDefault(k, 0.0);
        if (w < 0 || Double.isNaN(w) || Double.isInfinite(w)) {
          throw new IllegalArgumentException("engagement weights must be zero or more");
        }
        all.put(k, w);
      }
      weights = Map.copyOf(all);
    }

    public double weight(Kind kind) {
      return weights.get(kind);
    }
  }

  private EngagementScore() {}

  public static double of(Collection<Engagement> engagements, Rules rules, Instant now) {
    double halfLifeMillis = rules.halfLife().toMillis();
    double score = 0;
    for (Engagement e : engagements) {
      double age = Math.max(0, Duration.between(e.at(), now).toMillis());
      score += rules.weight(e.kind()) * Math.pow(2, -age / halfLifeMillis);
    }
    return score;
  }

  /** The score as people read it: one decimal. */
  public static double rounded(double score) {
    return Math.round(score * 10) / 10.0;
  }

  public static Optional<Instant> lastEngaged(Collection<Engagement> engagements) {
    return engagements.stream().map(Engagement::at).max(Instant::compareTo);
  }
}
