package ca.businessx.nurture.intake;

import ca.businessx.nurture.alert.AlertTasks;
import ca.businessx.nurture.contact.Assessment;
import ca.businessx.nurture.contact.Contact;
import ca.businessx.nurture.contact.ContactRepository;
import ca.businessx.nurture.contact.Signup;
import ca.businessx.nurture.contact.Timeline;
import ca.businessx.nurture.metrics.NurtureEvents;
import ca.businessx.nurture.platform.Database;
import ca.businessx.nurture.platform.Ids;
import ca.businessx.nurture.segment.Segment;
import ca.businessx.nurture.sequence.Enroller;
import ca.businessx.nurture.sequence.Enrollment;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.time.Clock;
import java.time.Instant;
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

  public record AssessmentResult(Contact contact, Segment segment, Enrollment enrollment, boolean enrolled) {}

  private final Database db;
  private final Enroller enroller;
  private final SchedulerClient scheduler;
  private final Clock clock;
  private final NurtureEvents events;
  private final ContactRepository contacts = new ContactRepository();
  private final Timeline timeline = new Timeline();

  /** @param scheduler a client on the transaction-aware data source */
  public LeadIntake(Database db, Enroller enroller, SchedulerClient scheduler, Clock clock,
      NurtureEvents events) {
    this.db = db;
    this.enroller = enroller;
    this.scheduler = scheduler;
    this.clock = clock;
    this.events = events;
  }

  public SignupResult signup(Signup signup) {
    Instant now = clock.instant();
    SignupResult result =
        db.inTransaction(
            h -> {
              boolean created = contacts.insertIfAbsent(h, Ids.newId(), signup, now);
              Contact existing = contacts.findByEmail(h, signup.email()).orElseThrow();
              if (!created) {
                contacts.updateProfile(h, existing.id(), signup, now);
              }
              timeline.record(h, existing.id(), now, created ? "signed_up" : "signed_up_again", null);
              return new SignupResult(contacts.find(h, existing.id()).orElseThrow(), created);
            });
    log.info("signup for contact {} ({})", result.contact().id(), result.created() ? "new" : "existing");
    events.contactSignedUp(result.created());
    return result;
  }

  public AssessmentResult assess(Assessment assessment) {
    Instant now = clock.instant();
    AssessmentResult result =
        db.inTransaction(
            h -> {
              Contact contact =
                  contacts.findByEmail(h, assessment.email()).orElseThrow(UnknownContactException::new);
              String assessmentId = Ids.newId();
              contacts.recordAssessment(h, contact.id(), assessmentId, assessment, now);
              Segment segment = assessment.segment();
              timeline.record(h, contact.id(), now, "assessed", "segment " + segment);
              if (segment == Segment.CRITICAL) {
                scheduler.scheduleIfNotExists(
                    new TaskInstance<>(AlertTasks.CRITICAL_LEAD_TASK, assessmentId, contact.id()), now);
              }
              Enroller.Result enrolled = enroller.enroll(h, contact.id(), now);
              return new AssessmentResult(
                  contacts.find(h, contact.id()).orElseThrow(), segment, enrolled.enrollment(),
                  enrolled.created());
            });
    log.info("assessment for contact {}: {}{}", result.contact().id(), result.segment(),
        result.enrolled() ? ", enrolled" : "");
    events.assessed(result.segment());
    return result;
  }
}
