package ca.businessx.nurture.crm;

import ca.businessx.nurture.contact.Contact;
import ca.businessx.nurture.contact.CrmContact;
import ca.businessx.nurture.contact.LocaleDefaults;
import ca.businessx.nurture.engagement.EngagementScore;
import ca.businessx.nurture.engagement.Engagements;

/** A contact as it should look in the CRM, read at one version. */
record CrmSnapshot(
    Contact contact,
    String sequenceStatus,
    String lastEmail,
    String pageId,
    int version,
    int syncedVersion,
    String statusSynced,
    int attempts,
    java.time.Instant bookedAt) {

  boolean inSync() {
    return syncedVersion >= version;
  }

  /**
   * The CRM record to write. The sequence status is written only when it changed here, so a
   * person's "Stopped" in the CRM is not overwritten by a sync that merely updates other fields.
   */
  CrmContact toCrm(LocaleDefaults locales, Engagements.Standing engagement) {
    Contact c = contact;
    String status = sequenceStatus.equals(statusSynced) && pageId != null ? null : sequenceStatus;
    return new CrmContact(
        pageId,
        null,
        c.email(),
        c.name(),
        c.firstName(),
        c.businessName(),
        c.redSystems(),
        c.orangeSystems(),
        c.yellowSystems(),
        c.greenSystems(),
        c.assessmentScore(),
        c.segment(),
        status,
        lastEmail,
        c.signedUpAt(),
        c.assessedAt(),
        null,
        locales.zoneOf(c.locale()).getId(),
        // Written once the lead has engaged, so a database without the columns keeps syncing
        // the leads who have not.
        engagement.lastEngaged().map(t -> EngagementScore.rounded(engagement.score())).orElse(null),
        engagement.lastEngaged().orElse(null),
        bookedAt);
  }
}
