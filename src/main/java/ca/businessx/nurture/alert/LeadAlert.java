package ca.businessx.nurture.alert;

import ca.businessx.nurture.segment.Segment;

/** What people are told about a hot lead. {@code crmUrl} is null until the CRM page is known. */
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
    String crmUrl) {}
