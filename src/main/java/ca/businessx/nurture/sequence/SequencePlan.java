package ca.businessx.nurture.sequence;

import ca.businessx.nurture.segment.Segment;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The sequence as it runs: for each step, the template per segment and the wait after the previous
 * step. Steps are numbered from 1. Pure rules, no I/O.
 */
public record SequencePlan(List<Step> steps) {

  public record Step(Map<Segment, String> templates, Duration pause) {
    public Step {
      templates = Map.copyOf(templates);
      Objects.requireNonNull(pause, "pause");
    }
  }

  public SequencePlan {
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("a sequence needs at least one step");
    }
    steps = List.copyOf(steps);
  }

  /** Every template key any step may use, in step order. */
  public Set<String> templateKeys() {
    Set<String> keys = new TreeSet<>();
    steps.forEach(s -> keys.addAll(s.templates().values()));
    return keys;
  }

  public int size() {
    return steps.size();
  }

  public boolean isLast(int step) {
    return step >= steps.size();
  }

  public String templateFor(int step, Segment segment) {
    return steps.get(step - 1).templates().get(segment);
  }

  /** The wait between step {@code step - 1} and {@code step}. */
  public Duration waitBefore(int step) {
    return steps.get(step - 1).pause();
  }

  /** How long after enrollment the step is due when nothing is late. */
  public Duration offset(int step) {
    Duration total = Duration.ZERO;
    for (int i = 1; i <= step; i++) {
      total = total.plus(waitBefore(i));
    }
    return total;
  }

  /**
   * When a step falls due: its planned time from the start, but never sooner than its wait after
   * the previous email actually went out, so a late or retried email does not bunch up the next
   * ones.
   */
  public Instant dueAt(int step, Instant startedAt, Instant previousDoneAt) {
    Instant planned = startedAt.plus(offset(step));
    if (previousDoneAt == null) {
      return planned;
    }
    Instant spaced = previousDoneAt.plus(waitBefore(step));
    return spaced.isAfter(planned) ? spaced : planned;
  }
}
