package ca.businessx.nurture.contact;

import ca.businessx.nurture.segment.Segment;

/** A validated assessment of a lead's business systems. */
public record Assessment(
    String email,
    int redSystems,
    int orangeSystems,
    int yellowSystems,
    int greenSystems,
    Double assessmentScore) {

  public Segment segment() {
    return Segment.classify(redSystems, orangeSystems);
  }
}
