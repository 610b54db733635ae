package ca.businessx.nurture.contact;

/**
 * How a lead gave consent, kept because under CASL the sender must prove it: where it came from,
 * the client's address, the consent wording or form id, and whether the form carried an explicit
 * opt-in (needed to lift an earlier unsubscribe).
 */
public record ConsentEvidence(String source, String clientIp, String text, boolean explicit) {

  public static ConsentEvidence of(String source) {
    return new ConsentEvidence(source, null, null, false);
  }
}
