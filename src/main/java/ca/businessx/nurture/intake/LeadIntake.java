package ca.businessx.nurture.intake;

import ca.businessx.nurture.alert.CriticalLeadAlerts;
import ca.businessx.nurture.consent.Resubscriptions;
import ca.businessx.nurture.contact.Assessment;
import ca.businessx.nurture.contact.ConsentEvidence;
import ca.businessx.nurture.contact.ConsentRecords;
import ca.businessx.nurture.contact.Contact;
import ca.businessx.nurture.contact.ContactAttributes;
import ca.businessx.nurture.contact.ContactCrm;
import ca.businessx.nurture.contact.ContactRepository;
import ca.businessx.nurture.contact.CrmContact;
import ca.businessx.nurture.contact.CrmException;
import ca.businessx.nurture.contact.CrmSyncQueue;
import ca.businessx.nurture.contact.ProfileProposals;
import ca.businessx.nurture.contact.Signup;
import ca.businessx.nurture.contact.Timeline;
import ca.businessx.nurture.events.NurtureEvents;
import ca.businessx.nurture.platform.Database;
import ca.businessx.nurture.platform.Ids;
import ca.businessx.nurture.segment.Segment;
import ca.businessx.nurture.sequence.Enroller;
import ca.businessx.nurture.sequence.Enrollment;
import ca.businessx.nurture.suppression.SuppressionReason;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the webhooks do, each in one transaction: a signup creates or updates a contact; an
 * assessment is stored, classified, enrolled and (when critical) alerted, all committed together
 * with the durable tasks that will carry them out.
 */
public final class LeadIntake {
  private static final Logger log = LoggerFactory.getLogger(LeadIntake.class);

  public record SignupResult(Contact contact, boolean created) {}

  public record AssessmentResult(
      Contact contact,
      Segment segment,
      Enrollment enrollment,
      boolean enrolled,
      boolean suppressed) {}

  private final Database db;
  private final Enroller enroller;
  private final SchedulerClient integrations;
  private final CrmSyncQueue crmSync;
  private final Optional<CrmLookups> crm;
  private final Clock clock;
  private final NurtureEvents events;
  private final CriticalLeadAlerts criticalAlerts;
  private final ContactRepository contacts = new ContactRepository();
  private final Timeline timeline = new Timeline();
  private final ProfileProposals proposals = new ProfileProposals();
  private final ContactAttributes contactAttributes = new ContactAttributes();
  private final Resubscriptions resubscriptions;
  private final IntakeWrites writes;

  /**
   * @param integrations a client of the integration tasks on the transaction-aware data source
   * @param crm the CRM to look up leads created there, if one is configured
   * @param criticalAlerts the jobs a change into CRITICAL starts (team channel, texts)
   */
  public LeadIntake(
      Database db,
      Enroller enroller,
      SchedulerClient integrations,
      CrmSyncQueue crmSync,
      Optional<ContactCrm> crm,
      Clock clock,
      NurtureEvents events,
      CriticalLeadAlerts criticalAlerts) {
    this.criticalAlerts = criticalAlerts;
    this.db = db;
    this.enroller = enroller;
    this.integrations = integrations;
    this.resubscriptions = new Resubscriptions(integrations);
    this.crmSync = crmSync;
    this.crm = crm.map(c -> new CrmLookups(c, clock));
    this.clock = clock;
    this.events = events;
    this.writes = new IntakeWrites(db.kind(), timeline);
  }

  public SignupResult signup(Signup signup) {
    return signup(signup, ConsentEvidence.of("unknown"));
  }

  /**
   * Creates or updates the contact and records the consent evidence. A suppressed address stays
   * suppressed, and the attempt is recorded, unless the person opts in explicitly after an
   * unsubscribe.
   */
  public SignupResult signup(Signup signup, ConsentEvidence consent) {
    return signup(signup, consent, Map.of());
  }

  /** As above, keeping the form's other fields as the contact's attributes (first value wins). */
  public SignupResult signup(
      Signup signup, ConsentEvidence consent, Map<String, String> attributes) {
    Instant now = clock.instant();
    IntakeWrites.SignupValues values = writes.signupValues(signup, consent, now);
    SignupResult result =
        db.inGroupTransaction(
            h -> {
              // One upsert answers the contact as it now stands, whether it is new and whether the
              // address is suppressed; its timeline and consent rows follow (see IntakeWrites).
              IntakeWrites.SignedUp done = writes.signup(h, values, consent);
              String id = done.contact().id();
              if (!done.created()) {
                // Only empty fields were filled; a changed value waits for a person's accept. The
                // upsert left a filled field as it was, so a field that differs was changed.
                proposals.propose(h, done.contact(), signup, now);
              }
              done.suppressed().ifPresent(reason -> whileSuppressed(h, id, reason, consent, now));
              if (!attributes.isEmpty()) {
                contactAttributes.keepNew(h, id, attributes, now);
              }
              crmSync.contactChanged(h, id, now);
              return new SignupResult(done.contact(), done.created());
            });
    log.debug(
        "signup for contact {} ({})", result.contact().id(), result.created() ? "new" : "existing");
    events.contactSignedUp(result.created());
    return result;
  }

  /**
   * A suppressed address stays suppressed; its evidence is kept (by the upsert's statement) and the
   * attempt recorded. Only the address itself, clicking the confirmation email, can undo an
   * unsubscribe, so an explicit opt-in asks it to.
   */
  private void whileSuppressed(
      org.jdbi.v3.core.Handle h,
      String id,
      SuppressionReason reason,
      ConsentEvidence consent,
      Instant now) {
    if (consent.explicit() && reason == SuppressionReason.UNSUBSCRIBED) {
      resubscriptions.request(h, id, consent, now);
    } else {
      timeline.record(h, id, now, "signup_while_suppressed", reason.name().toLowerCase());
    }
  }

  /**
   * Stores and acts on an assessment. A lead unknown here but present in the CRM (entered there by
   * people) is imported first.
   *
   * @throws UnknownContactException when neither this service nor the CRM knows the email
   * @throws CrmException when the CRM could not be asked
   */
  public AssessmentResult assess(Assessment assessment) {
    try {
      return assessKnown(assessment);
    } catch (UnknownContactException e) {
      if (crm.isEmpty()) {
        throw e;
      }
      CrmContact found =
          crm.get().findByEmail(assessment.email()).orElseThrow(UnknownContactException::new);
      importFromCrm(assessment.email(), found);
      return assessKnown(assessment);
    }
  }

  private void importFromCrm(String email, CrmContact found) {
    Instant now = clock.instant();
    db.inGroupTransaction(
        h -> {
          String id = Ids.newId();
          if (contacts.insertIfAbsent(
              h,
              id,
              new Signup(email, found.name(), found.firstName(), found.businessName()),
              now)) {
            contacts.recordConsent(
                h,
                id,
                ConsentRecords.Kind.CRM_IMPORT,
                ConsentEvidence.of("crm:" + crm.get().name()),
                now);
            h.createUpdate("update contacts set crm_page_id = :page, crm_url = :url where id = :id")
                .bind("id", id)
                .bind("page", found.pageId())
                .bind("url", found.url())
                .execute();
            timeline.record(h, id, now, "imported_from_crm", crm.get().name());
            log.info("contact {} imported from {}", id, crm.get().name());
          }
          return null;
        });
  }

  private AssessmentResult assessKnown(Assessment assessment) {
    Instant now = clock.instant();
    IntakeWrites.AssessmentValues values = writes.assessmentValues(assessment, now);
    AssessmentResult result =
        db.inGroupTransaction(
            h -> {
              // One update answers the contact, the segment it had and whether it is suppressed;
              // the assessment and timeline rows follow (see IntakeWrites).
              IntakeWrites.Assessed done =
                  writes.assess(h, values).orElseThrow(UnknownContactException::new);
              String contactId = done.contact().id();
              Segment segment = assessment.segment();
              // One alert per change into CRITICAL: a repeated critical assessment alerts nobody.
              if (segment == Segment.CRITICAL && done.segmentChanged()) {
                criticalAlerts.schedule(integrations, done.assessmentId(), contactId, now);
              }
              Optional<Enroller.Result> enrolled =
                  done.suppressed()
                      ? Optional.empty()
                      : Optional.of(enroller.enroll(h, contactId, done.previous(), segment, now));
              crmSync.contactChanged(h, contactId, now);
              return new AssessmentResult(
                  done.contact(),
                  segment,
                  enrolled.map(Enroller.Result::enrollment).orElse(null),
                  enrolled.map(Enroller.Result::created).orElse(false),
                  done.suppressed());
            });
    log.debug(
        "assessment for contact {}: {}{}",
        result.contact().id(),
        result.segment(),
        result.enrolled() ? ", enrolled" : "");
    events.assessed(result.segment());
    return result;
  }
}
