package ca.businessx.nurture.consent;

import ca.businessx.nurture.contact.Contact;
import ca.businessx.nurture.contact.ContactRepository;
import ca.businessx.nurture.contact.Timeline;
import ca.businessx.nurture.email.EmailSender;
import ca.businessx.nurture.email.OutboundEmail;
import ca.businessx.nurture.email.SendException;
import ca.businessx.nurture.email.UnsubscribeLinks;
import ca.businessx.nurture.platform.Config;
import ca.businessx.nurture.platform.Database;
import ca.businessx.nurture.suppression.SuppressionList;
import ca.businessx.nurture.suppression.SuppressionReason;
import ca.businessx.nurture.template.RenderedEmail;
import ca.businessx.nurture.template.TemplateModel;
import ca.businessx.nurture.template.TemplateRenderer;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the confirmation email of a re-subscription request, as a durable task of its own: the
 * shipped template, the sender's identity and an unsubscribe link in the footer, and the
 * List-Unsubscribe headers of every email. It goes only to an address still unsubscribed (never
 * bounced or complaining) whose request is still open.
 */
public final class ResubscribeTasks {
  public static final String TEMPLATE = "resubscribe_confirm";
  private static final Logger log = LoggerFactory.getLogger(ResubscribeTasks.class);

  private ResubscribeTasks() {}

  /**
   * @param renderer renders from the shipped and config-folder templates only
   */
  public static OneTimeTask<String> confirmation(
      Database db,
      EmailSender sender,
      TemplateRenderer renderer,
      Config.Sender identity,
      UnsubscribeLinks unsubscribe,
      ResubscribeLinks links,
      int retries,
      Duration retryDelay,
      Clock clock) {
    ContactRepository contacts = new ContactRepository();
    SuppressionList suppressions = new SuppressionList();
    Timeline timeline = new Timeline();
    Resubscriptions requests = new Resubscriptions(null);
    return Tasks.oneTime(Resubscriptions.TASK, String.class)
        .onFailure(
            FailureHandler.<String>maxRetries(retries)
                .retryEvery(retryDelay)
                .thenRemove(done -> log.error("gave up sending a re-subscription confirmation")))
        .execute(
            (instance, context) -> {
              String requestId = instance.getId();
              String contactId = instance.getData();
              Optional<Contact> contact =
                  db.withHandle(
                      h ->
                          requests.pending(h, requestId, clock.instant())
                                  && suppressions
                                      .reason(
                                          h,
                                          contacts
                                              .find(h, contactId)
                                              .map(Contact::email)
                                              .orElse(""))
                                      .filter(r -> r == SuppressionReason.UNSUBSCRIBED)
                                      .isPresent()
                              ? contacts.find(h, contactId)
                              : Optional.empty());
              if (contact.isEmpty()) {
                return;
              }
              Map<String, Object> model =
                  new HashMap<>(
                      TemplateModel.of(contact.get(), identity, unsubscribe.url(contactId)));
              model.put("confirm_url", links.url(contactId, requestId));
              RenderedEmail rendered = renderer.render(TEMPLATE, model);
              try {
                sender.send(
                    new OutboundEmail(
                        "nurture-" + contactId + "-resubscribe-" + requestId,
                        contact.get().email(),
                        rendered.subject(),
                        rendered.html(),
                        null,
                        TEMPLATE,
                        unsubscribe.headers(contactId)));
              } catch (SendException e) {
                if (e.isTransient()) {
                  throw e;
                }
                log.warn(
                    "re-subscription confirmation for contact {} refused: {}",
                    contactId,
                    e.getMessage());
                return;
              }
              db.inTransaction(
                  h -> {
                    timeline.record(
                        h, contactId, clock.instant(), "resubscribe_confirmation_sent", null);
                    return null;
                  });
            });
  }
}
