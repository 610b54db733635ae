package ca.businessx.nurture.template;

import java.util.Optional;

/** Where the text of an email template comes from: shipped files, a config folder, or a CRM. */
public interface TemplateSource {

  /** The template of this key, or empty when this source has none usable. */
  Optional<EmailTemplate> find(String key);
}
