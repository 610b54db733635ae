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
    String templateSubject) {

  public PropertyNames {
    Stream.of(name, email, firstName, businessName, redSystems, orangeSystems, yellowSystems,
            greenSystems, assessmentScore, segment, sequenceStatus, lastEmail, signedUp, assessed,
            templateSubject)
        .forEach(n -> {
          if (Objects.requireNonNull(n, "property name").isBlank()) {
            throw new IllegalArgumentException("Notion property names must not be blank");
          }
        });
  }

  public static PropertyNames defaults() {
    return new PropertyNames("Name", "Email", "First Name", "Business Name", "Red Systems",
        "Orange Systems", "Yellow Systems", "Green Systems", "Assessment Score", "Segment",
        "Sequence Status", "Last Email", "Signed Up", "Assessed", "Subject");
  }
}
