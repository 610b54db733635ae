package ca.businessx.nurture.contact;

import ca.businessx.nurture.segment.Segment;
import java.time.Instant;

/**
 * A lead as the CRM holds it. Null fields are unknown or empty. {@code sequenceStatus} is one of
 * Not Started, Active, Needs follow-up, Completed, Stopped, Booked, Replied. {@code timeZone} is
 * the IANA zone the lead's emails are timed in, as this service resolved it (written, never read
 * back). {@code engagementScore} and {@code lastEngagedAt} are null until the lead has engaged (see
 * {@code engagement.EngagementScore}). {@code bookedAt} is when the lead last booked a call (not
 * cancelled), null before.
 */
public record CrmContact(
    String pageId,
    String url,
    String email,
    String name,
    String firstName,
    String businessName,
    Integer redSystems,
    Integer orangeSystems,
    Integer yellowSystems,
    Integer greenSystems,
    Double assessmentScore,
    Segment segment,
    String sequenceStatus,
    String lastEmail,
    Instant signedUpAt,
    Instant assessedAt,
    Instant lastEditedAt,
    String timeZone,
    Double engagementScore,
    Instant lastEngagedAt,
    Instant bookedAt) {}
