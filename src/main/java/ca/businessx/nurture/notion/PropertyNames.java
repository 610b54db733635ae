package ca.businessx.nurture.notion;

import java.util.Objects;
import java.util.stream.Stream;

/**
 * The names of the Notion properties Nurture reads and writes. Teams rename columns, so every name
 * is configurable; {@link #defaults()} matches the documented setup.
 */
public record PropertyNames(
    String name,
    String email,
    String firstName,
    String businessName,
    String redSystems,
    String orangeSystems,
    String yellowSystems,
    String greenSystems,
    String assessmentScore,
    String segment,
    String sequenceStatus,
    String lastEmail,
    String signedUp,
    String assessed,
    String templateSubject,
    String timeZone,
    String templateLanguage,
    String engagementScore,
    String lastEngaged,
    String bookedAt) {

  public PropertyNames {
    Stream.of(
            name,
            email,
            firstName,
            businessName,
            redSystems,
            orangeSystems,
            yellowSystems,
            greenSystems,
            assessmentScore,
            segment,
            sequenceStatus,
            lastEmail,
            signedUp,
            assessed,
            templateSubject,
            timeZone,
            templateLanguage,
            engagementScore,
            lastEngaged,
            bookedAt)
        .forEach(
            n -> {
              if (Objects.requireNonNull(n, "property name").isBlank()) {
                throw new IllegalArgumentException("Notion property names must not be blank");
              }
            });
  }

  public static PropertyNames defaults() {
    return new PropertyNames(
        "Name",
        "Email",
        "First Name",
        "Business Name",
        "Red Systems",
        "Orange Systems",
        "Yellow Systems",
        "Green Systems",
        "Assessment Score",
        "Segment",
        "Sequence Status",
        "Last Email",
        "Signed Up",
        "Assessed",
        "Subject",
        "Time Zone",
        "Language",
        "Engagement Score",
        "Last Engaged",
        "Booked At");
  }

  /**
   * These names with some replaced, keyed by their default name (e.g. {@code Email -> E-mail}).
   *
   * @throws IllegalArgumentException naming a key that is not a default property name
   */
  public PropertyNames withOverrides(java.util.Map<String, String> overrides) {
    java.util.List<String> fields = new java.util.ArrayList<>(asList());
    java.util.List<String> defaults = defaults().asList();
    for (java.util.Map.Entry<String, String> o : overrides.entrySet()) {
      int i = defaults.indexOf(o.getKey());
      if (i < 0) {
        throw new IllegalArgumentException(
            "unknown Notion property " + o.getKey() + "; known: " + String.join(", ", defaults));
      }
      fields.set(i, o.getValue());
    }
    return new PropertyNames(
        fields.get(0),
        fields.get(1),
        fields.get(2),
        fields.get(3),
        fields.get(4),
        fields.get(5),
        fields.get(6),
        fields.get(7),
        fields.get(8),
        fields.get(9),
        fields.get(10),
        fields.get(11),
        fields.get(12),
        fields.get(13),
        fields.get(14),
        fields.get(15),
        fields.get(16),
        fields.get(17),
        fields.get(18),
        fields.get(19));
  }

  private java.util.List<String> asList() {
    return java.util.List.of(
        name,
        email,
        firstName,
        businessName,
        redSystems,
        orangeSystems,
        yellowSystems,
        greenSystems,
        assessmentScore,
        segment,
        sequenceStatus,
        lastEmail,
        signedUp,
        assessed,
        templateSubject,
        timeZone,
        templateLanguage,
        engagementScore,
        lastEngaged,
        bookedAt);
  }
}
