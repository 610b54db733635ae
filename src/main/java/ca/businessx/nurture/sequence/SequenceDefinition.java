package ca.businessx.nurture.sequence;

import ca.businessx.nurture.platform.NurtureException;
import ca.businessx.nurture.segment.Segment;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A {@link SequencePlan} as stored data: one canonical JSON text per plan (steps in order, every
 * segment spelled out, the waits as they run), so two equal plans always have the same hash and a
 * version can be read back long after the file changed.
 */
public final class SequenceDefinition {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SequenceDefinition() {}

  public static String toJson(SequencePlan plan) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode steps = root.putArray("steps");
    int number = 0;
    for (SequencePlan.Step step : plan.steps()) {
      number++;
      ObjectNode s = steps.addObject();
      ObjectNode templates = s.putObject("templates");
      for (Segment segment : Segment.values()) {
        templates.put(segment.name(), step.templates().get(segment));
      }
      s.put("wait", step.pause().toString());
      if (step.ifEngaged() != null) {
        // Only when set: a plan without alternatives keeps the hash it had before they existed.
        s.put("if_engaged", step.ifEngaged().toString());
      }
      // Written only where it differs from the default, so the plans stored before send windows
      // keep their hash and read back as they ran.
      if (step.sendWindow() != SequencePlan.windowByDefault(number)) {
        s.put("send_window", step.sendWindow());
      }
    }
    return root.toString();
  }

  public static SequencePlan fromJson(String json) {
    try {
      List<SequencePlan.Step> steps = new ArrayList<>();
      for (JsonNode s : JSON.readTree(json).path("steps")) {
        JsonNode flag = s.path("send_window");
        boolean window =
            flag.isBoolean() ? flag.booleanValue() : SequencePlan.windowByDefault(steps.size() + 1);
        Map<Segment, String> templates = new EnumMap<>(Segment.class);
        for (Segment segment : Segment.values()) {
          templates.put(segment, s.path("templates").path(segment.name()).asText());
        }
        JsonNode engaged = s.path("if_engaged");
        steps.add(
            new SequencePlan.Step(
                templates,
                Duration.parse(s.path("wait").asText()),
                engaged.isMissingNode() ? null : Duration.parse(engaged.asText()),
                window));
      }
      return new SequencePlan(steps);
    } catch (Exception e) {
      throw new NurtureException("a stored sequence version cannot be read: " + e.getMessage());
    }
  }

  /** SHA-256 of the canonical text, in hex. */
  public static String hash(SequencePlan plan) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(toJson(plan).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
