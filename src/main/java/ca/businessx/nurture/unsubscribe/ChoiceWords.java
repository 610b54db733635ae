package ca.businessx.nurture.unsubscribe;

import ca.businessx.nurture.contact.Language;

/** What the preference page says after a choice, in the lead's language. */
final class ChoiceWords {
  private ChoiceWords() {}

  /** A title and a message; {@code {sender}} stands for the sender's name. */
  static String[] of(String choice, LeadPreferences.Outcome outcome, Language language) {
    boolean fr = language == Language.FR;
    if (outcome == LeadPreferences.Outcome.NOTHING_TO_DO) {
      return fr
          ? new String[] {"C'est noté", "Aucun courriel de cette série n'est prévu pour le moment."}
          : new String[] {"Noted", "No email of this series is waiting to go out right now."};
    }
    return switch (choice) {
      case "pause" ->
          fr
              ? new String[] {
                "En pause pour 30 jours",
                "{sender} ne vous écrira pas pendant 30 jours; la série reprendra ensuite d'elle-même."
              }
              : new String[] {
                "Paused for 30 days",
                "{sender} will not email you for 30 days; the series picks up again after that."
              };
      case "stop" ->
          fr
              ? new String[] {
                "Série arrêtée", "Vous ne recevrez plus les courriels de cette série de {sender}."
              }
              : new String[] {
                "Series stopped", "You will get no more emails of this series from {sender}."
              };
      default ->
          fr
              ? new String[] {
                "C'est noté", "Vos prochains courriels de {sender} seront en français."
              }
              : new String[] {"Noted", "Your next emails from {sender} will be in English."};
    };
  }
}
