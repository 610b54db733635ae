package ca.businessx.nurture.alert.sms;

import java.net.URI;
import java.time.Duration;

/** Twilio's Messages API: where, as whom, from which number, and how long to wait for it. */
public record TwilioSettings(
    URI apiUrl, String accountSid, String authToken, String from, Duration timeout) {
  @Override
  public String toString() {
    return "TwilioSettings[apiUrl=" + apiUrl + ", accountSid=" + accountSid + ", authToken=***]";
  }
}
