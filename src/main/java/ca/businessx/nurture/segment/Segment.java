package ca.businessx.nurture.segment;

/** How urgently a lead needs help, from its assessment. */
public enum Segment {
  CRITICAL,
  URGENT,
  OPTIMIZE;

  /**
   * The rule from the assessment's traffic-light counts: two or more red systems is critical; one
   * red system, or two or more orange ones, is urgent; anything else is an optimisation lead.
   */
  public static Segment classify(int redSystems, int orangeSystems) {
    if (redSystems >= 2) {
      return CRITICAL;
    }
    if (redSystems == 1 || orangeSystems >= 2) {
      return URGENT;
    }
    return OPTIMIZE;
  }
}
