package ca.businessx.nurture.sequence;

import ca.businessx.nurture.platform.NurtureException;
import ca.businessx.nurture.segment.Segment;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads {@code sequence.json} into a {@link SequencePlan} for the running mode. */
public final class SequenceFile {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SequenceFile() {}

  /**
   * @param testing use the testing-mode waits
   * @param waitOverride the waits of steps 2 onward, replacing the file's ({@code SEQUENCE_WAITS})
   */
  public static SequencePlan parse(
      String json, boolean testing, Optional<List<Duration>> waitOverride) {
    JsonNode steps;
    try {
      steps = JSON.readTree(json).path("steps");
    } catch (Exception e) {
      throw new NurtureException("sequence.json is not valid JSON: " + e.getMessage());
    }
    if (!steps.isArray() || steps.isEmpty()) {
      throw new NurtureException("sequence.json needs a non-empty \"steps\" array");
    }
    if (waitOverride.isPresent() && waitOverride.get().size() != steps.size() - 1) {
      throw new NurtureException(
          "SEQUENCE_WAITS needs "
              + (steps.size() - 1)
              + " durations, one per wait between emails,"
              + " got "
              + waitOverride.get().size());
    }
    List<SequencePlan.Step> plan = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      JsonNode step = steps.get(i);
      Duration wait =
          i > 0 && waitOverride.isPresent()
              ? waitOverride.get().get(i - 1)
              : duration(step.path("wait").path(testing ? "testing" : "production"), i + 1);
      plan.add(
          new SequencePlan.Step(
              templates(step.path("templates"), i + 1),
              wait,
              ifEngaged(step.path("wait").path("if_engaged"), wait, i + 1),
              sendWindow(step, i + 1)));
    }
    return new SequencePlan(plan);
  }

  private static Map<Segment, String> templates(JsonNode node, int step) {
    Map<Segment, String> bySegment = new EnumMap<>(Segment.class);
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getValue().asText();
      if (e.getKey().equals("*")) {
        for (Segment s : Segment.values()) {
          bySegment.putIfAbsent(s, key);
        }
      } else {
        try {
          bySegment.put(Segment.valueOf(e.getKey()), key);
        } catch (IllegalArgumentException ex) {
          throw new NurtureException(
              "sequence.json step " + step + ": unknown segment " + e.getKey());
        }
      }
    }
    if (bySegment.size() != Segment.values().length) {
      throw new NurtureException(
          "sequence.json step " + step + " needs a template for every segment");
    }
    return bySegment;
  }

  /**
   * {@code "if_engaged": 0.5}: the share of the wait (as it runs in this mode, or as SEQUENCE_WAITS
   * sets it) a lead who clicked the previous email waits instead. Between 0.5 and 1: no email ever
   * follows the previous one sooner than half its wait.
   */
  private static Duration ifEngaged(JsonNode node, Duration wait, int step) {
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    if (step == 1) {
      throw new NurtureException(
          "sequence.json step 1: if_engaged needs a previous email; the first step has none");
    }
    double share = node.asDouble(-1);
    if (!node.isNumber() || share < 0.5 || share > 1) {
      throw new NurtureException(
          "sequence.json step "
              + step
              + ": if_engaged is the share of the wait an engaged lead waits, from 0.5 to 1");
    }
    return Duration.ofMillis(Math.round(wait.toMillis() * share));
  }

  /**
   * The optional {@code "send_window": true|false}; absent, {@link SequencePlan#windowByDefault}.
   */
  private static boolean sendWindow(JsonNode step, int number) {
    JsonNode flag = step.path("send_window");
    if (flag.isMissingNode() || flag.isNull()) {
      return SequencePlan.windowByDefault(number);
    }
    if (!flag.isBoolean()) {
      throw new NurtureException(
          "sequence.json step " + number + ": send_window must be true or false");
    }
    return flag.booleanValue();
  }

  private static Duration duration(JsonNode node, int step) {
    try {
      return Duration.parse(node.asText());
    } catch (DateTimeParseException e) {
      throw new NurtureException(
          "sequence.json step " + step + ": wait is not an ISO-8601 duration");
    }
  }
}
