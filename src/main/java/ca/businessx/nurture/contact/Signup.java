package ca.businessx.nurture.contact;

/**
 * A validated signup: the email is normalised, the other fields are optional ({@code locale} never
 * null, its parts null when not given).
 */
public record Signup(
    String email, String name, String firstName, String businessName, LeadLocale locale) {
  public Signup {
    locale = locale == null ? LeadLocale.UNKNOWN : locale;
  }

  public Signup(String email, String name, String firstName, String businessName) {
    this(email, name, firstName, businessName, LeadLocale.UNKNOWN);
  }
}
