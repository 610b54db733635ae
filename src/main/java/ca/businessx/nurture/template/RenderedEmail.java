package ca.businessx.nurture.template;

/** A template rendered for one lead: what goes into the email, and where its text came from. */
public record RenderedEmail(String templateKey, String subject, String html, String origin) {}
