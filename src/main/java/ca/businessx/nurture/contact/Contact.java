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
    Instant assessedAt) {}
