package ca.businessx.nurture.metrics;

import ca.businessx.nurture.email.BatchOutcome;
import ca.businessx.nurture.email.EmailSender;
import ca.businessx.nurture.email.OutboundEmail;
import ca.businessx.nurture.email.SendException;
import ca.businessx.nurture.email.SendResult;
import ca.businessx.nurture.events.NurtureEvents;
import ca.businessx.nurture.events.NurtureEvents.CallOutcome;
import java.util.List;

/** Times every provider call of whichever sender is configured, without the sender knowing. */
public final class MeteredEmailSender implements EmailSender {
  private final EmailSender delegate;
  private final NurtureEvents events;
  private final boolean batchApi;

  public MeteredEmailSender(EmailSender delegate, NurtureEvents events) {
    this.delegate = delegate;
    this.events = events;
    this.batchApi = hasBatchApi(delegate);
  }

  private static boolean hasBatchApi(EmailSender sender) {
    try {
      return sender.getClass().getMethod("sendBatch", List.class).getDeclaringClass()
          != EmailSender.class;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public SendResult send(OutboundEmail email) throws SendException {
    long start = System.nanoTime();
    CallOutcome outcome = CallOutcome.PERMANENT_ERROR;
    try {
      SendResult result = delegate.send(email);
      outcome = CallOutcome.OK;
      return result;
    } catch (SendException e) {
      outcome = e.isTransient() ? CallOutcome.TRANSIENT_ERROR : CallOutcome.PERMANENT_ERROR;
      throw e;
    } finally {
      events.providerCall(delegate.name(), "email", Elapsed.since(start), outcome);
    }
  }

  /**
   * One provider call for the whole batch, as the delegate makes it; without this override the
   * interface's default would send the members one by one, a request (and a rate-limit slot) each.
   */
  @Override
  public List<BatchOutcome> sendBatch(List<OutboundEmail> emails) {
    if (!batchApi) {
      // The delegate sends one by one anyway: time each call through send().
      return EmailSender.super.sendBatch(emails);
    }
    long start = System.nanoTime();
    CallOutcome outcome = CallOutcome.TRANSIENT_ERROR;
    try {
      List<BatchOutcome> outcomes = delegate.sendBatch(emails);
      outcome =
          outcomes.stream().allMatch(BatchOutcome::isSent)
              ? CallOutcome.OK
              : outcomes.stream().anyMatch(o -> !o.isSent() && o.failure().isTransient())
                  ? CallOutcome.TRANSIENT_ERROR
                  : CallOutcome.PERMANENT_ERROR;
      return outcomes;
    } finally {
      events.providerCall(delegate.name(), "email", Elapsed.since(start), outcome);
    }
  }
}
