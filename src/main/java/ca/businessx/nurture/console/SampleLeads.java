package ca.businessx.nurture.console;

import ca.businessx.nurture.contact.Contact;
import ca.businessx.nurture.contact.Language;
import ca.businessx.nurture.contact.LeadLocale;
import ca.businessx.nurture.segment.Segment;
import java.time.Instant;

/** A made-up lead per segment, for template previews and test sends; never a real person's data. */
public final class SampleLeads {
  private SampleLeads() {}

  public static Contact of(Segment segment) {
    return of(segment, null);
  }

  /** The sample lead of a segment who reads this language (null: the default's). */
  public static Contact of(Segment segment, Language language) {
    int red =
        switch (segment) {
          case CRITICAL -> 3;
          case URGENT -> 1;
          case OPTIMIZE -> 0;
        };
    int orange = segment == Segment.OPTIMIZE ? 1 : 2;
    double score =
        switch (segment) {
          case CRITICAL -> 34;
          case URGENT -> 58;
          case OPTIMIZE -> 81;
        };
    Instant at = Instant.parse("2026-01-05T15:00:00Z");
    return new Contact(
        "sample-" + segment.name().toLowerCase(java.util.Locale.ROOT),
        "sample@example.com",
        "Sam Sample",
        "Sam",
        "Sample Bakery",
        segment,
        red,
        orange,
        3,
        4,
        score,
        at,
        at,
        new LeadLocale(null, null, null, language));
  }
}
