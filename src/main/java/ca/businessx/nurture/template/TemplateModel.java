package ca.businessx.nurture.template;

import ca.businessx.nurture.contact.Contact;
import ca.businessx.nurture.platform.Config;
import java.util.HashMap;
import java.util.Map;

/** The values a template may use, for one lead. Absent contact fields are null, never missing. */
public final class TemplateModel {
  private TemplateModel() {}

  public static Map<String, Object> of(Contact c, Config.Sender sender, String unsubscribeUrl) {
    Map<String, Object> m = new HashMap<>();
    m.put("first_name", c.firstName());
    m.put("name", c.name());
    m.put("business_name", c.businessName());
    m.put("segment", c.segment() == null ? null : c.segment().name());
    m.put("red_systems", orZero(c.redSystems()));
    m.put("orange_systems", orZero(c.orangeSystems()));
    m.put("yellow_systems", orZero(c.yellowSystems()));
    m.put("green_systems", orZero(c.greenSystems()));
    m.put("assessment_score", score(c.assessmentScore()));
    m.put("sender_name", sender.name());
    m.put("sender_address", sender.address());
    m.put("sender_contact", sender.contact());
    m.put("booking_url", sender.bookingUrl());
    m.put("unsubscribe_url", unsubscribeUrl);
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
