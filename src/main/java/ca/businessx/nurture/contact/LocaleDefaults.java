package ca.businessx.nurture.contact;

import ca.businessx.nurture.calendar.Province;
import java.time.ZoneId;
import java.util.Objects;

/**
 * How a lead's zone and language are chosen when it did not say: the zone is the first known of the
 * lead's own, its province's main zone, {@code zone}; the language is the lead's own, else {@code
 * quebec} for a Quebec lead, else {@code language}.
 */
public record LocaleDefaults(ZoneId zone, Language language, Language quebec) {
  public static final LocaleDefaults CANADA =
      new LocaleDefaults(ZoneId.of("America/Toronto"), Language.EN, Language.FR);

  public LocaleDefaults {
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(quebec, "quebec");
  }

  public ZoneId zoneOf(LeadLocale l) {
    if (l.timezone() != null) {
      return l.timezone();
    }
    return l.province() != null ? l.province().mainZone() : zone;
  }

  public Language languageOf(LeadLocale l) {
    if (l.language() != null) {
      return l.language();
    }
    return l.province() == Province.QC ? quebec : language;
  }
}
