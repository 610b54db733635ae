package ca.businessx.nurture.contact;

import ca.businessx.nurture.calendar.Province;
import java.time.ZoneId;

/**
 * Where a lead is and what it reads, as far as it told us: each part null when unknown. Kept raw,
 * not resolved, so the defaults of {@link LocaleDefaults} apply whenever the lead never said.
 * {@code province} is the one given, else the one the postal code names.
 */
public record LeadLocale(ZoneId timezone, Province province, String postalCode, Language language) {
  public static final LeadLocale UNKNOWN = new LeadLocale(null, null, null, null);
}
