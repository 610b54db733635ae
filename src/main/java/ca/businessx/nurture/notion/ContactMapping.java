package ca.businessx.nurture.notion;

import ca.businessx.nurture.contact.CrmContact;
import ca.businessx.nurture.segment.Segment;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Maps a {@link CrmContact} to Notion property values and a Notion page back to a contact. */
final class ContactMapping {
  private final PropertyNames n;

  ContactMapping(PropertyNames names) {
    this.n = names;
  }

  static String normaliseEmail(String email) {
    return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
  }

  /** Only known values are written, so an update never blanks what the team typed in Notion. */
  ObjectNode toProperties(CrmContact c) {
    ObjectNode p = NotionHttp.JSON.createObjectNode();
    String title = c.name() != null ? c.name() : c.firstName();
    if (title != null) {
      p.putObject(n.name()).set("title", RichText.of(title));
    }
    if (c.email() != null) {
      p.putObject(n.email()).put("email", normaliseEmail(c.email()));
    }
    text(p, n.firstName(), c.firstName());
    text(p, n.businessName(), c.businessName());
    text(p, n.lastEmail(), c.lastEmail());
    text(p, n.timeZone(), c.timeZone());
    number(p, n.redSystems(), c.redSystems());
    number(p, n.orangeSystems(), c.orangeSystems());
    number(p, n.yellowSystems(), c.yellowSystems());
    number(p, n.greenSystems(), c.greenSystems());
    number(p, n.assessmentScore(), c.assessmentScore());
    select(p, n.segment(), c.segment() == null ? null : c.segment().name());
    select(p, n.sequenceStatus(), c.sequenceStatus());
    date(p, n.signedUp(), c.signedUpAt());
    date(p, n.assessed(), c.assessedAt());
    number(p, n.engagementScore(), c.engagementScore());
    date(p, n.lastEngaged(), c.lastEngagedAt());
    date(p, n.bookedAt(), c.bookedAt());
    return p;
  }

  CrmContact fromPage(NotionPage page) {
    String segment = selectName(page.property(n.segment()));
    return new CrmContact(
        page.id(),
        page.url(),
        page.property(n.email()).path("email").asText(null),
        textOrNull(page.property(n.name()).path("title")),
        textOrNull(page.property(n.firstName()).path("rich_text")),
        textOrNull(page.property(n.businessName()).path("rich_text")),
        integer(page.property(n.redSystems())),
        integer(page.property(n.orangeSystems())),
        integer(page.property(n.yellowSystems())),
        integer(page.property(n.greenSystems())),
        decimal(page.property(n.assessmentScore())),
        segmentOf(segment),
        selectName(page.property(n.sequenceStatus())),
        textOrNull(page.property(n.lastEmail()).path("rich_text")),
        dateOf(page.property(n.signedUp())),
        dateOf(page.property(n.assessed())),
        page.lastEditedTime(),
        null, // the zone is written, never read back: this service resolves it
        decimal(page.property(n.engagementScore())),
        dateOf(page.property(n.lastEngaged())),
        dateOf(page.property(n.bookedAt())));
  }

  private static void text(ObjectNode p, String name, String value) {
    if (value != null) {
      p.putObject(name).set("rich_text", RichText.of(value));
    }
  }

  private static void number(ObjectNode p, String name, Number value) {
    if (value instanceof Integer i) {
      p.putObject(name).put("number", i);
    } else if (value != null) {
      p.putObject(name).put("number", value.doubleValue());
    }
  }

  private static void select(ObjectNode p, String name, String option) {
    if (option != null) {
      p.putObject(name).putObject("select").put("name", option);
    }
  }

  private static void date(ObjectNode p, String name, Instant at) {
    if (at != null) {
      p.putObject(name).putObject("date").put("start", at.toString());
    }
  }

  private static String textOrNull(JsonNode items) {
    String text = RichText.plain(items);
    return text.isEmpty() ? null : text;
  }

  private static Integer integer(JsonNode property) {
    JsonNode v = property.path("number");
    return v.isNumber() ? v.intValue() : null;
  }

  private static Double decimal(JsonNode property) {
    JsonNode v = property.path("number");
    return v.isNumber() ? v.doubleValue() : null;
  }

  private static String selectName(JsonNode property) {
    return property.path("select").path("name").asText(null);
  }

  private static Segment segmentOf(String name) {
    for (Segment s : Segment.values()) {
      if (s.name().equalsIgnoreCase(name)) {
        return s;
      }
    }
    return null;
  }

  private static Instant dateOf(JsonNode property) {
    String start = property.path("date").path("start").asText(null);
    if (start == null) {
      return null;
    }
    try {
      // Notion gives a bare date when a person picks a day without a time.
      return start.length() == 10
          ? LocalDate.parse(start).atStartOfDay(ZoneOffset.UTC).toInstant()
          : OffsetDateTime.parse(start).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
