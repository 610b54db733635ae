package ca.businessx.nurture.contact;

import ca.businessx.nurture.segment.Segment;
import java.time.Instant;

/** A lead as this service holds it; assessment fields are null until an assessment arrives. */
public record Contact(
    String id,
    String email,
    String name,
    String firstName,
    String businessName,
    Segment segment,
    Integer redSystems,
    Integer orangeSystems,
    Integer yellowSystems,
    Integer greenSystems,
    Double assessmentScore,
    Instant signedUpAt,
    Instant assessedAt,
    LeadLocale locale) {

  public Contact {
    locale = locale == null ? LeadLocale.UNKNOWN : locale;
  }

  /** A contact whose locale is unknown (samples, tools). */
  public Contact(
      String id,
      String email,
      String name,
      String firstName,
      String businessName,
      Segment segment,
      Integer redSystems,
      Integer orangeSystems,
      Integer yellowSystems,
      Integer greenSystems,
      Double assessmentScore,
      Instant signedUpAt,
      Instant assessedAt) {
    this(
        id,
        email,
        name,
        firstName,
        businessName,
        segment,
        redSystems,
        orangeSystems,
        yellowSystems,
        greenSystems,
        assessmentScore,
        signedUpAt,
        assessedAt,
        LeadLocale.UNKNOWN);
  }

  /**
   * This contact as {@link ContactRepository#recordAssessment} leaves it (times kept to the
   * millisecond).
   */
  public Contact assessed(Assessment a, Instant at) {
    return new Contact(
        id,
        email,
        name,
        firstName,
        businessName,
        a.segment(),
        a.redSystems(),
        a.orangeSystems(),
        a.yellowSystems(),
        a.greenSystems(),
        a.assessmentScore(),
        signedUpAt,
        Instant.ofEpochMilli(at.toEpochMilli()),
        locale);
  }
}
