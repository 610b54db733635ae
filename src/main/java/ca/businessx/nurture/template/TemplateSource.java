package ca.businessx.nurture.template;

import ca.businessx.nurture.contact.Language;
import java.util.Optional;

/** Where the text of an email template comes from: shipped files, a config folder, or a CRM. */
public interface TemplateSource {

  /** The English template of this key, or empty when this source has none usable. */
  Optional<EmailTemplate> find(String key);

  /**
   * The template of this key in this language, or empty when this source has none usable. A source
   * that knows only English answers empty for French, so French never falls back to English.
   */
  default Optional<EmailTemplate> find(String key, Language language) {
    return language == Language.EN ? find(key) : Optional.empty();
  }
}
