package ca.businessx.nurture.link;

/**
 * Where one link of one email leads: the email (by its idempotency key, known before the email is
 * stored), the link's name, and the destination the template wrote (with its UTM parameters).
 */
public record LinkTarget(String emailKey, String name, String destination) {}
