package ca.businessx.nurture.alert;

import ca.businessx.nurture.segment.Segment;

/**
 * What people are told about a hot lead. {@code crmUrl} is null until the CRM page is known; {@code
 * email}, {@code phone} (a {@code phone} field the signup carried) and {@code consoleUrl} (the
 * lead's console page) are for channels people read, never for logs.
 */
public record LeadAlert(
    String contactId,
    String firstName,
    String businessName,
    Segment segment,
    int redSystems,
    int orangeSystems,
    int yellowSystems,
    int greenSystems,
    Double assessmentScore,
    String crmUrl,
    String email,
    String phone,
    String consoleUrl) {

  public LeadAlert(
      String contactId,
      String firstName,
      String businessName,
      Segment segment,
      int redSystems,
      int orangeSystems,
      int yellowSystems,
      int greenSystems,
      Double assessmentScore,
      String crmUrl) {
    this(
        contactId,
        firstName,
        businessName,
        segment,
        redSystems,
        orangeSystems,
        yellowSystems,
        greenSystems,
        assessmentScore,
        crmUrl,
        null,
        null,
        null);
  }

  /** This alert with the ways to reach the lead. */
  public LeadAlert reaching(String email, String phone, String consoleUrl) {
    return new LeadAlert(
        contactId,
        firstName,
        businessName,
        segment,
        redSystems,
        orangeSystems,
        yellowSystems,
        greenSystems,
        assessmentScore,
        crmUrl,
        email,
        phone,
        consoleUrl);
  }
}
