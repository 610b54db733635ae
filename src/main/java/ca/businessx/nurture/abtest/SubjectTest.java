package ca.businessx.nurture.abtest;

import java.util.Optional;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Which subject wins: a two-sided two-proportion z-test on the click rate (clicks over sent),
 * decided only once each variant has its minimum sample. Pure.
 */
public final class SubjectTest {
  /** What each variant did. */
  public record Counts(long sent, long opened, long clicked, long booked) {
    public double clickRate() {
      return sent == 0 ? 0 : (double) clicked / sent;
    }
  }

  /** The rule: at least {@code minSample} sent per variant, and p below {@code alpha}. */
  public record Rule(long minSample, double alpha) {
    public static final Rule DEFAULT = new Rule(100, 0.05);
  }

  /** The test's answer; {@code winner} is empty until the rule is met. */
  public record Result(double z, double p, Optional<Variant> winner, String verdict) {}

  private static final NormalDistribution NORMAL = new NormalDistribution();

  private SubjectTest() {}

  public static Result compare(Counts a, Counts b, Rule rule) {
    if (a.sent() < rule.minSample() || b.sent() < rule.minSample()) {
      return new Result(
          Double.NaN,
          Double.NaN,
          Optional.empty(),
          "collecting: each variant needs " + rule.minSample() + " sent");
    }
    double pooled = (double) (a.clicked() + b.clicked()) / (a.sent() + b.sent());
    double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / a.sent() + 1.0 / b.sent()));
    if (se == 0) {
      return new Result(0, 1, Optional.empty(), "no difference: both click rates are equal");
    }
    double z = (b.clickRate() - a.clickRate()) / se;
    double p = 2 * (1 - NORMAL.cumulativeProbability(Math.abs(z)));
    if (p >= rule.alpha()) {
      return new Result(z, p, Optional.empty(), String.format("no clear winner yet (p = %.3f)", p));
    }
    Variant winner = z > 0 ? Variant.B : Variant.A;
    return new Result(
        z, p, Optional.of(winner), String.format("%s wins on clicks (p = %.3f)", winner, p));
  }
}
