package ca.businessx.nurture.sequence;

import ca.businessx.nurture.calendar.SendWindow;
import ca.businessx.nurture.contact.Contact;
import ca.businessx.nurture.contact.LocaleDefaults;
import java.util.Objects;

/**
 * The configured send window and how a lead's zone is found: what {@link NextStep} is told about
 * each lead's hours. Built once by the composition root from {@code SEND_WINDOW}.
 */
public record SendHours(SendWindow window, LocaleDefaults locales) {
  /** No window: the testing mode and any test that does not ask for one. */
  public static final SendHours ANYTIME = new SendHours(SendWindow.ALWAYS, LocaleDefaults.CANADA);

  public SendHours {
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(locales, "locales");
  }

  public NextStep.LeadHours of(Contact c) {
    return new NextStep.LeadHours(window, locales.zoneOf(c.locale()), c.locale().province());
  }

  /** The facts with only this lead's hours known. */
  public NextStep.LeadFacts facts(Contact c) {
    return new NextStep.LeadFacts(false, false, false, of(c));
  }
}
