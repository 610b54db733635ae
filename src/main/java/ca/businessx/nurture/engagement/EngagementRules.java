package ca.businessx.nurture.engagement;

import ca.businessx.nurture.engagement.EngagementScore.Kind;
import ca.businessx.nurture.engagement.EngagementScore.Rules;
import ca.businessx.nurture.platform.NurtureException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/** Reads {@code engagement.json}: {@code half_life} and {@code weights} by kind. */
public final class EngagementRules {
  private EngagementRules() {}

  public static Rules parse(String json) {
    try {
      JsonNode root = new ObjectMapper().readTree(json);
      Map<Kind, Double> weights = new EnumMap<>(Kind.class);
      Iterator<Map.Entry<String, JsonNode>> fields = root.path("weights").fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        Kind kind = Kind.valueOf(f.getKey().toUpperCase(Locale.ROOT));
        if (!f.getValue().isNumber()) {
          throw new IllegalArgumentException("weight of " + f.getKey() + " must be a number");
        }
        weights.put(kind, f.getValue().doubleValue());
      }
      return new Rules(weights, Duration.parse(root.path("half_life").asText("")));
    } catch (Exception e) {
      throw new NurtureException(
          "config/engagement.json: "
              + e.getMessage()
              + " (expected {\"half_life\": \"P14D\", \"weights\": {\"open\": 1, \"click\": 3,"
              + " \"booking_click\": 8, \"reply\": 10}})");
    }
  }
}
