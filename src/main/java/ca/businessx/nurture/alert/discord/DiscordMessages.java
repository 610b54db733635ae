package ca.businessx.nurture.alert.discord;

import ca.businessx.nurture.alert.LeadAlert;
import ca.businessx.nurture.alert.TeamNotice;
import ca.businessx.nurture.segment.Segment;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The webhook message for a hot lead: one embed, no pings. Free text is clipped to Discord's embed
 * limits (title 256, field value 1024, footer 2048); with these caps the whole embed stays far
 * below the 6000-character total, so that limit needs no separate accounting.
 */
final class DiscordMessages {
  static final int TITLE_MAX = 256;
  static final int NAME_MAX = 256;
  static final int VALUE_MAX = 1024;
  private static final int CRITICAL_RED = 0xE74C3C;
  private static final int URGENT_ORANGE = 0xE67E22;
  private static final int OTHER_BLUE = 0x3498DB;

  private final ObjectMapper json;

  DiscordMessages(ObjectMapper json) {
    this.json = json;
  }

  ObjectNode criticalLead(LeadAlert alert, Instant now) {
    ObjectNode message = json.createObjectNode();
    message.put("username", "Nurture");
    // An empty parse list: a first name like "@everyone" must not ping anybody.
    message.putObject("allowed_mentions").putArray("parse");
    ObjectNode embed = message.putArray("embeds").addObject();
    embed.put("title", clip(title(alert.segment()), TITLE_MAX));
    if (isWebLink(alert.crmUrl())) {
      embed.put("url", alert.crmUrl());
    } else if (isWebLink(alert.consoleUrl())) {
      embed.put("url", alert.consoleUrl());
    }
    embed.put("color", color(alert.segment()));
    embed.put("timestamp", now.toString());
    ArrayNode fields = embed.putArray("fields");
    field(fields, "Business", clip(alert.businessName(), VALUE_MAX), false);
    field(fields, "First name", clip(alert.firstName(), NAME_MAX), true);
    field(fields, "Segment", alert.segment() == null ? "—" : alert.segment().name(), true);
    field(fields, "Score", score(alert.assessmentScore()), true);
    field(fields, "Red", String.valueOf(alert.redSystems()), true);
    field(fields, "Orange", String.valueOf(alert.orangeSystems()), true);
    field(fields, "Yellow", String.valueOf(alert.yellowSystems()), true);
    field(fields, "Green", String.valueOf(alert.greenSystems()), true);
    if (alert.email() != null) {
      field(fields, "Email", clip(alert.email(), VALUE_MAX), true);
    }
    if (alert.phone() != null && !alert.phone().isBlank()) {
      field(fields, "Phone", clip(alert.phone(), NAME_MAX), true);
    }
    if (isWebLink(alert.consoleUrl())) {
      field(fields, "Lead", clip(alert.consoleUrl(), VALUE_MAX), false);
    }
    embed.putObject("footer").put("text", "contact " + clip(alert.contactId(), NAME_MAX));
    return message;
  }

  /** A one-line message, no embed and no pings: Discord's content limit is 2000 characters. */
  ObjectNode notice(TeamNotice notice) {
    ObjectNode message = json.createObjectNode();
    message.put("username", "Nurture");
    message.putObject("allowed_mentions").putArray("parse");
    message.put("content", clip(notice.text(), 2000));
    return message;
  }

  /**
   * Trims like Discord does, never sends an empty value (which it refuses), and cuts with an
   * ellipsis.
   */
  static String clip(String text, int max) {
    String value = text == null ? "" : text.strip();
    if (value.isEmpty()) {
      return "—";
    }
    if (value.length() <= max) {
      return value;
    }
    int end = Character.isHighSurrogate(value.charAt(max - 2)) ? max - 2 : max - 1;
    return value.substring(0, end) + "…";
  }

  private static void field(ArrayNode fields, String name, String value, boolean inline) {
    fields.addObject().put("name", name).put("value", value).put("inline", inline);
  }

  private static String title(Segment segment) {
    return switch (segment) {
      case CRITICAL -> "Critical lead";
      case URGENT -> "Urgent lead";
      case OPTIMIZE -> "New lead";
      case null -> "New lead";
    };
  }

  private static int color(Segment segment) {
    return segment == Segment.CRITICAL
        ? CRITICAL_RED
        : segment == Segment.URGENT ? URGENT_ORANGE : OTHER_BLUE;
  }

  private static String score(Double score) {
    return score == null || score.isNaN()
        ? "—"
        : BigDecimal.valueOf(score).stripTrailingZeros().toPlainString();
  }

  private static boolean isWebLink(String url) {
    return url != null
        && url.length() <= 2048
        && (url.startsWith("https://") || url.startsWith("http://"));
  }
}
