package ca.businessx.nurture.intake;

import ca.businessx.nurture.platform.NurtureException;

/** An assessment arrived for an email that no signup has brought in. */
public class UnknownContactException extends NurtureException {
  public UnknownContactException() {
    super("no contact with this email; post a signup first");
  }
}
