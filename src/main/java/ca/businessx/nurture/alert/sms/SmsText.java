package ca.businessx.nurture.alert.sms;

import ca.businessx.nurture.alert.LeadAlert;

/**
 * The text for a hot lead: segment, business, first name and the console link, within one SMS
 * segment (160 GSM-7 characters) when it can be. The link is kept whole, since it is what the
 * person acts on; the business and then the first name are shortened to make room. Names written in
 * a script GSM-7 lacks make it UCS-2, and then the aim is one 70-character segment.
 */
public final class SmsText {
  private SmsText() {}

  public static String criticalLead(LeadAlert alert, String consoleBaseUrl) {
    String segment = alert.segment() == null ? "New" : alert.segment().name();
    String link = consoleBaseUrl + "/console/leads/" + alert.contactId();
    // No name needs more than this in a text; it also bounds the shortening loop below.
    String business = clip(oneLine(alert.businessName()), 100);
    String first = clip(oneLine(alert.firstName()), 40);
    String text = compose(segment, business, first, link);
    int budget = Gsm7.encodable(text) ? Gsm7.SEGMENT : Gsm7.UCS2_SEGMENT;
    while (size(text) > budget && (!business.isEmpty() || !first.isEmpty())) {
      if (business.length() > Math.max(first.length(), 12)) {
        business = shorter(business);
      } else if (!first.isEmpty() && first.length() > 8) {
        first = shorter(first);
      } else if (!business.isEmpty()) {
        business = shorter(business);
      } else {
        first = shorter(first);
      }
      text = compose(segment, business, first, link);
    }
    return text;
  }

  /** Segments Twilio will bill: GSM-7 counts its septets, anything else UTF-16 units. */
  static int size(String text) {
    int gsm = Gsm7.length(text);
    return gsm >= 0 ? gsm : text.length();
  }

  private static String compose(String segment, String business, String first, String link) {
    StringBuilder s = new StringBuilder(segment).append(" lead");
    if (!business.isEmpty()) {
      s.append(": ").append(business);
    }
    if (!first.isEmpty()) {
      s.append(business.isEmpty() ? ": " : " (")
          .append(first)
          .append(business.isEmpty() ? "" : ")");
    }
    return s.append(' ').append(link).toString();
  }

  /** One character fewer and an ellipsis ("..." in GSM-7, where "…" is not a character). */
  private static String shorter(String value) {
    String base = value.endsWith("...") ? value.substring(0, value.length() - 3) : value;
    int cut = base.offsetByCodePoints(0, Math.max(0, base.codePointCount(0, base.length()) - 1));
    String kept = base.substring(0, cut).strip();
    return kept.isEmpty() ? "" : kept + "...";
  }

  private static String clip(String value, int max) {
    return value.codePointCount(0, value.length()) <= max
        ? value
        : value.substring(0, value.offsetByCodePoints(0, max));
  }

  private static String oneLine(String value) {
    return value == null ? "" : Gsm7.fold(value.replaceAll("\\s+", " ").strip());
  }
}
