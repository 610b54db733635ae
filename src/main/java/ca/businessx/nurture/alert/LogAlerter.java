package ca.businessx.nurture.alert;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alerter used when no alert channel is configured: one log line per hot lead, naming only the
 * segment and the contact id, because names and businesses must stay out of logs.
 */
public final class LogAlerter implements Alerter {
  private static final Logger log = LoggerFactory.getLogger(LogAlerter.class);

  @Override
  public String name() {
    return "log";
  }

  @Override
  public void criticalLead(LeadAlert alert) {
    log.info(
        "{} lead alert for contact {} (no alert channel configured)",
        alert.segment(),
        alert.contactId());
  }

  @Override
  public void notice(TeamNotice notice) {
    log.info(
        "{} notice for contact {} (no alert channel configured)",
        notice.kind(),
        notice.contactId());
  }
}
