package ca.businessx.nurture.notion;

import java.util.List;

/** The properties Nurture needs in each database, with their Notion types. */
final class ExpectedSchema {

  record Property(String name, String type, List<String> options) {
    Property(String name, String type) {
      this(name, type, List.of());
    }
  }

  static final List<String> SEGMENTS = List.of("CRITICAL", "URGENT", "OPTIMIZE");
  static final List<String> SEQUENCE_STATUSES =
      List.of(
          "Not Started", "Active", "Needs follow-up", "Completed", "Stopped", "Booked", "Replied");

  /** A template page without a Language is English, as every page was before French. */
  static final List<String> LANGUAGES = List.of("en", "fr");

  private ExpectedSchema() {}

  static List<Property> contacts(PropertyNames n) {
    return List.of(
        new Property(n.name(), "title"),
        new Property(n.email(), "email"),
        new Property(n.firstName(), "rich_text"),
        new Property(n.businessName(), "rich_text"),
        new Property(n.redSystems(), "number"),
        new Property(n.orangeSystems(), "number"),
        new Property(n.yellowSystems(), "number"),
        new Property(n.greenSystems(), "number"),
        new Property(n.assessmentScore(), "number"),
        new Property(n.segment(), "select", SEGMENTS),
        new Property(n.sequenceStatus(), "select", SEQUENCE_STATUSES),
        new Property(n.lastEmail(), "rich_text"),
        new Property(n.signedUp(), "date"),
        new Property(n.assessed(), "date"),
        new Property(n.timeZone(), "rich_text"),
        new Property(n.engagementScore(), "number"),
        new Property(n.lastEngaged(), "date"),
        new Property(n.bookedAt(), "date"));
  }

  /**
   * Templates are found by their title, whatever its column is called, so only Subject is named.
   */
  static List<Property> templates(PropertyNames n) {
    return List.of(
        new Property(n.templateSubject(), "rich_text"),
        new Property(n.templateLanguage(), "select", LANGUAGES));
  }
}
