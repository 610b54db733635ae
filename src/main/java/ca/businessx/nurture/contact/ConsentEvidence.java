package ca.businessx.nurture.contact;

/**
 * How a lead gave consent, kept because under CASL the sender must prove it: where it came from,
 * the client's address, the consent wording, the form's id, and whether the form carried an
 * explicit opt-in (needed to ask for a re-subscription after an unsubscribe).
 */
public record ConsentEvidence(
    String source, String clientIp, String text, String formId, boolean explicit) {

  public ConsentEvidence(String source, String clientIp, String text, boolean explicit) {
    this(source, clientIp, text, null, explicit);
  }

  public static ConsentEvidence of(String source) {
    return new ConsentEvidence(source, null, null, null, false);
  }
}
