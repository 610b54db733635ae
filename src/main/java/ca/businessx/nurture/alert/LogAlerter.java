package ca.businessx.nurture.alert;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The default alerter when no channel is configured: one log line, no personal data. */
public final class LogAlerter implements Alerter {
  private static final Logger log = LoggerFactory.getLogger(LogAlerter.class);

  @Override
  public String name() {
    return "log";
  }

  @Override
  public void criticalLead(LeadAlert alert) {
    log.warn("ALERT {} lead {} (red {}, orange {})", alert.segment(), alert.contactId(),
        alert.redSystems(), alert.orangeSystems());
  }
}
