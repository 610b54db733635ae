package ca.businessx.nurture.alert;

import ca.businessx.nurture.contact.Assessment;
import ca.businessx.nurture.contact.Contact;
import ca.businessx.nurture.contact.ContactAttributes;
import ca.businessx.nurture.contact.ContactRepository;
import ca.businessx.nurture.contact.Timeline;
import ca.businessx.nurture.platform.Database;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alerts run as their own durable task, apart from the sequence, so a slow or failing alert channel
 * never holds up an email. Transient failures are retried a few times, then given up.
 */
public final class AlertTasks {
  public static final String CRITICAL_LEAD_TASK = "critical-lead-alert";
  private static final Logger log = LoggerFactory.getLogger(AlertTasks.class);

  private AlertTasks() {}

  /**
   * @param publicBaseUrl where the console is, for the link to the lead's page
   */
  public static OneTimeTask<String> criticalLead(
      Database db,
      Alerter alerter,
      String publicBaseUrl,
      int retries,
      Duration retryDelay,
      Clock clock) {
    ContactRepository contacts = new ContactRepository();
    Timeline timeline = new Timeline();
    return Tasks.oneTime(CRITICAL_LEAD_TASK, String.class)
        .onFailure(
            FailureHandler.<String>maxRetries(retries)
                .retryEvery(retryDelay)
                .thenRemove(
                    complete ->
                        log.error("gave up alerting {} about a critical lead", alerter.name())))
        .execute(
            (instance, context) -> {
              String contactId = instance.getData();
              Optional<Contact> contact = db.withHandle(h -> contacts.find(h, contactId));
              if (contact.isEmpty() || contact.get().segment() == null) {
                return;
              }
              try {
                String crmUrl =
                    db.withHandle(
                        h ->
                            h.createQuery("select crm_url from contacts where id = :id")
                                .bind("id", contactId)
                                .mapTo(String.class)
                                .findOne()
                                .orElse(null));
                // The assessment that made the lead critical, not whatever arrived since.
                Optional<Assessment> own =
                    db.withHandle(h -> contacts.assessment(h, instance.getId()));
                String phone =
                    db.withHandle(h -> new ContactAttributes().of(h, contactId)).get("phone");
                alerter.criticalLead(
                    own.map(a -> toAlert(contact.get(), a, crmUrl))
                        .orElseGet(() -> toAlert(contact.get(), crmUrl))
                        .reaching(
                            contact.get().email(),
                            phone,
                            publicBaseUrl.replaceAll("/+$", "") + "/console/leads/" + contactId));
                db.withHandle(
                    h -> {
                      timeline.record(h, contactId, clock.instant(), "alert_sent", alerter.name());
                      return null;
                    });
              } catch (AlertException e) {
                db.withHandle(
                    h -> {
                      timeline.record(
                          h,
                          contactId,
                          clock.instant(),
                          e.isTransient() ? "alert_retry" : "alert_failed",
                          alerter.name() + ": " + e.getMessage());
                      return null;
                    });
                if (e.isTransient()) {
                  throw e;
                }
                log.warn("alert to {} refused for good: {}", alerter.name(), e.getMessage());
              }
            });
  }

  static LeadAlert toAlert(Contact c, String crmUrl) {
    return new LeadAlert(
        c.id(),
        c.firstName(),
        c.businessName(),
        c.segment(),
        zero(c.redSystems()),
        zero(c.orangeSystems()),
        zero(c.yellowSystems()),
        zero(c.greenSystems()),
        c.assessmentScore(),
        crmUrl);
  }

  static LeadAlert toAlert(Contact c, Assessment a, String crmUrl) {
    return new LeadAlert(
        c.id(),
        c.firstName(),
        c.businessName(),
        a.segment(),
        a.redSystems(),
        a.orangeSystems(),
        a.yellowSystems(),
        a.greenSystems(),
        a.assessmentScore(),
        crmUrl);
  }

  private static int zero(Integer value) {
    return value == null ? 0 : value;
  }
}
