package ca.businessx.nurture.metrics;

import ca.businessx.nurture.alert.AlertException;
import ca.businessx.nurture.alert.Alerter;
import ca.businessx.nurture.alert.LeadAlert;
import ca.businessx.nurture.alert.TeamNotice;
import ca.businessx.nurture.events.NurtureEvents;
import ca.businessx.nurture.events.NurtureEvents.CallOutcome;

/** Times every call to the alert channel (Discord, a log line) without the channel knowing. */
public final class MeteredAlerter implements Alerter {
  private final Alerter delegate;
  private final NurtureEvents events;

  public MeteredAlerter(Alerter delegate, NurtureEvents events) {
    this.delegate = delegate;
    this.events = events;
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public void criticalLead(LeadAlert alert) throws AlertException {
    timed(() -> delegate.criticalLead(alert));
  }

  @Override
  public void notice(TeamNotice notice) throws AlertException {
    timed(() -> delegate.notice(notice));
  }

  private interface Call {
    void run() throws AlertException;
  }

  private void timed(Call call) {
    long start = System.nanoTime();
    CallOutcome outcome = CallOutcome.PERMANENT_ERROR;
    try {
      call.run();
      outcome = CallOutcome.OK;
    } catch (AlertException e) {
      outcome = e.isTransient() ? CallOutcome.TRANSIENT_ERROR : CallOutcome.PERMANENT_ERROR;
      throw e;
    } finally {
      events.providerCall(delegate.name(), "alert", Elapsed.since(start), outcome);
    }
  }
}
