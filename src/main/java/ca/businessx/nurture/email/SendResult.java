package ca.businessx.nurture.email;

/** What a provider answered for an accepted email. */
public record SendResult(String providerMessageId) {}
