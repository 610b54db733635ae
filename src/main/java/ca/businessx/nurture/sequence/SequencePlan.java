package ca.businessx.nurture.sequence;

import ca.businessx.nurture.segment.Segment;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The sequence as it runs: for each step, the template per segment and the wait after the previous
 * step. Steps are numbered from 1. A value: when a step falls due is {@link NextStep}'s to say.
 */
public record SequencePlan(List<Step> steps) {

  /**
   * @param ifEngaged the wait instead of {@code pause} for a lead who clicked the previous email,
   *     or null when the step has no such alternative
   * @param sendWindow whether the step's email waits for the send window in the lead's zone
   */
  public record Step(
      Map<Segment, String> templates, Duration pause, Duration ifEngaged, boolean sendWindow) {
    public Step {
      templates = Map.copyOf(templates);
      Objects.requireNonNull(pause, "pause");
      if (ifEngaged != null && ifEngaged.compareTo(pause) > 0) {
        throw new IllegalArgumentException("an engaged lead never waits longer than the wait");
      }
    }

    /** A step with no "if engaged" alternative that waits for the send window. */
    public Step(Map<Segment, String> templates, Duration pause) {
      this(templates, pause, null, true);
    }

    /** A step that waits for the send window. */
    public Step(Map<Segment, String> templates, Duration pause, Duration ifEngaged) {
      this(templates, pause, ifEngaged, true);
    }

    /** A step with no "if engaged" alternative. */
    public Step(Map<Segment, String> templates, Duration pause, boolean sendWindow) {
      this(templates, pause, null, sendWindow);
    }
  }

  /**
   * A step that does not say: email 1 (the assessment results) goes at once, the others wait for
   * the window.
   */
  public static boolean windowByDefault(int step) {
    return step > 1;
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

  /** Whether step {@code step}'s email waits for the send window. */
  public boolean respectsWindow(int step) {
    return steps.get(step - 1).sendWindow();
  }

  /** The wait between step {@code step - 1} and {@code step}. */
  public Duration waitBefore(int step) {
    return steps.get(step - 1).pause();
  }

  /** The wait before {@code step} for a lead who clicked the email of {@code step - 1}, if any. */
  public Optional<Duration> engagedWaitBefore(int step) {
    return Optional.ofNullable(steps.get(step - 1).ifEngaged());
  }
}
