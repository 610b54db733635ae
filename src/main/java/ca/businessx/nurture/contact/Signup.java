package ca.businessx.nurture.contact;

/** A validated signup: the email is normalised, the other fields are optional. */
public record Signup(String email, String name, String firstName, String businessName) {}
