package ca.businessx.nurture.template;

import ca.businessx.nurture.contact.Contact;
import ca.businessx.nurture.contact.Language;
import ca.businessx.nurture.platform.Config;
import ca.businessx.nurture.segment.Segment;
import java.util.HashMap;
import java.util.Map;

/** The values a template may use, for one lead. Absent contact fields are null, never missing. */
public final class TemplateModel {
  /**
   * The lead's {@link ca.businessx.nurture.contact.LeadLocale}, for the renderer to choose the
   * language; a template that names it renders nothing useful, so none does.
   */
  public static final String LOCALE = "lead_locale";

  private TemplateModel() {}

  public static Map<String, Object> of(Contact c, Config.Sender sender, String unsubscribeUrl) {
    Map<String, Object> m = new HashMap<>();
    m.put("first_name", c.firstName());
    m.put("name", c.name());
    m.put("business_name", c.businessName());
    m.put("segment", c.segment() == null ? null : c.segment().name());
    // Mustache cannot compare, so templates branch on these: a per-segment passage, or an orange
    // system worth naming (zero is truthy in this compiler, so a count cannot be the condition).
    m.put("critical", c.segment() == Segment.CRITICAL);
    m.put("urgent", c.segment() == Segment.URGENT);
    m.put("optimize", c.segment() == Segment.OPTIMIZE);
    m.put("has_red", orZero(c.redSystems()) > 0);
    m.put("has_orange", orZero(c.orangeSystems()) > 0);
    m.put("one_orange", orZero(c.orangeSystems()) == 1);
    m.put("red_systems", orZero(c.redSystems()));
    m.put("orange_systems", orZero(c.orangeSystems()));
    m.put("yellow_systems", orZero(c.yellowSystems()));
    m.put("green_systems", orZero(c.greenSystems()));
    m.put("assessment_score", score(c.assessmentScore()));
    m.put("sender_name", sender.name());
    m.put("sender_person", sender.person().orElse(null));
    m.put("sender_address", sender.address());
    m.put("sender_contact", sender.contact());
    m.put("booking_url", sender.bookingUrl());
    m.put("unsubscribe_url", unsubscribeUrl);
    m.put(LOCALE, c.locale());
    return m;
  }

  /**
   * The model as a reader of this language writes numbers: French puts a comma before decimals
   * ("72,5/100"), which the model, built before the language is chosen, cannot know.
   */
  static Map<String, Object> inLanguage(Map<String, Object> model, Language language) {
    Map<String, Object> m = new HashMap<>(model);
    if (language == Language.FR && m.get("assessment_score") instanceof String score) {
      m.put("assessment_score", score.replace('.', ','));
    }
    return m;
  }

  private static int orZero(Integer value) {
    return value == null ? 0 : value;
  }

  /** 72.0 reads as "72", 72.5 as "72.5". */
  private static String score(Double value) {
    if (value == null) {
      return null;
    }
    return value == Math.rint(value) ? Long.toString(value.longValue()) : value.toString();
  }
}
