package ca.businessx.nurture.contact;

import java.util.Locale;
import java.util.Optional;

/** The languages a lead can be written to in. The code is what webhooks, files and Notion use. */
public enum Language {
  EN,
  FR;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The language of a code in any case, e.g. {@code FR}; empty for anything else. */
  public static Optional<Language> ofCode(String code) {
    if (code == null) {
      return Optional.empty();
    }
    return switch (code.trim().toLowerCase(Locale.ROOT)) {
      case "en" -> Optional.of(EN);
      case "fr" -> Optional.of(FR);
      default -> Optional.empty();
    };
  }
}
