package ca.businessx.nurture.alert;

/**
 * A short note to the team about one lead, such as "Tremblay Plumbing booked a call". {@code kind}
 * names it for logs and metrics ({@code booked}, {@code booking_cancelled}); {@code text} may carry
 * the business name, so only channels people read (not logs) show it.
 */
public record TeamNotice(String contactId, String kind, String text) {}
