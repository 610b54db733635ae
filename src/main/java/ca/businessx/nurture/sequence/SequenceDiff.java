package ca.businessx.nurture.sequence;

import ca.businessx.nurture.segment.Segment;
import java.util.ArrayList;
import java.util.List;

/** What changed between two sequence versions, one line per change, in step order. */
public final class SequenceDiff {
  private SequenceDiff() {}

  public static List<String> between(SequencePlan from, SequencePlan to) {
    List<String> lines = new ArrayList<>();
    int steps = Math.max(from.size(), to.size());
    for (int step = 1; step <= steps; step++) {
      if (step > to.size()) {
        lines.add("step " + step + " removed (" + describe(from, step) + ")");
      } else if (step > from.size()) {
        lines.add("step " + step + " added (" + describe(to, step) + ")");
      } else {
        if (!from.waitBefore(step).equals(to.waitBefore(step))) {
          lines.add(
              "step " + step + " wait " + from.waitBefore(step) + " -> " + to.waitBefore(step));
        }
        if (!from.engagedWaitBefore(step).equals(to.engagedWaitBefore(step))) {
          lines.add(
              "step "
                  + step
                  + " wait if engaged "
                  + engaged(from, step)
                  + " -> "
                  + engaged(to, step));
        }
        if (from.respectsWindow(step) != to.respectsWindow(step)) {
          lines.add(
              "step "
                  + step
                  + " send_window "
                  + from.respectsWindow(step)
                  + " -> "
                  + to.respectsWindow(step));
        }
        for (Segment segment : Segment.values()) {
          String a = from.templateFor(step, segment);
          String b = to.templateFor(step, segment);
          if (!a.equals(b)) {
            lines.add("step " + step + " " + segment + " template " + a + " -> " + b);
          }
        }
      }
    }
    return lines;
  }

  private static String engaged(SequencePlan plan, int step) {
    return plan.engagedWaitBefore(step).map(Object::toString).orElse("none");
  }

  private static String describe(SequencePlan plan, int step) {
    StringBuilder s = new StringBuilder("wait " + plan.waitBefore(step));
    plan.engagedWaitBefore(step).ifPresent(d -> s.append(" (if engaged ").append(d).append(')'));
    for (Segment segment : Segment.values()) {
      s.append(", ").append(segment).append(' ').append(plan.templateFor(step, segment));
    }
    return s.toString();
  }
}
