package ca.businessx.nurture.alert.sms;

import ca.businessx.nurture.alert.Alerter;
import ca.businessx.nurture.alert.LeadAlert;
import ca.businessx.nurture.alert.TeamNotice;

/**
 * Texts one of the team's numbers about a CRITICAL lead. One alerter per number, so that each
 * number is its own durable job: a retry for one never texts the others twice.
 */
public final class SmsAlerter implements Alerter {
  private final TwilioClient twilio;
  private final String to;
  private final String consoleBaseUrl;

  public SmsAlerter(TwilioClient twilio, String to, String consoleBaseUrl) {
    this.twilio = twilio;
    this.to = to;
    this.consoleBaseUrl = consoleBaseUrl;
  }

  @Override
  public String name() {
    return "twilio";
  }

  @Override
  public void criticalLead(LeadAlert alert) {
    twilio.send(to, SmsText.criticalLead(alert, consoleBaseUrl));
  }

  /** Texts are for CRITICAL leads only (the scope); other notices stay on Discord. */
  @Override
  public void notice(TeamNotice notice) {}
}
