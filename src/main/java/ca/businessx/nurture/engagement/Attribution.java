package ca.businessx.nurture.engagement;

import org.jdbi.v3.core.Handle;

/**
 * The labels a conversion is counted under: the lead's segment ({@code none} before an assessment)
 * and the template of the last email sent to it ({@code none} before any).
 */
public record Attribution(String segment, String template) {
  public static final String NONE = "none";

  public static Attribution of(Handle h, String contactId) {
    String segment =
        h.createQuery("select segment from contacts where id = :c")
            .bind("c", contactId)
            .mapTo(String.class)
            .findOne()
            .orElse(null);
    String template =
        h.createQuery(
                "select template_key from emails where contact_id = :c and sent_at is not null"
                    + " order by sent_at desc, step desc limit 1")
            .bind("c", contactId)
            .mapTo(String.class)
            .findOne()
            .orElse(null);
    return new Attribution(segment == null ? NONE : segment, template == null ? NONE : template);
  }
}
