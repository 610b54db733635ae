package ca.businessx.nurture.metrics;

import ca.businessx.nurture.email.EmailSender;
import ca.businessx.nurture.email.OutboundEmail;
import ca.businessx.nurture.email.SendException;
import ca.businessx.nurture.email.SendResult;
import ca.businessx.nurture.metrics.NurtureEvents.CallOutcome;

/** Times every provider call of whichever sender is configured, without the sender knowing. */
public final class MeteredEmailSender implements EmailSender {
  private final EmailSender delegate;
  private final NurtureEvents events;

  public MeteredEmailSender(EmailSender delegate, NurtureEvents events) {
    this.delegate = delegate;
    this.events = events;
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
}
