package ca.businessx.nurture;

import ca.businessx.nurture.email.AcceptanceLedger;
import ca.businessx.nurture.email.EmailSender;
import ca.businessx.nurture.email.OutboxSender;
import ca.businessx.nurture.email.resend.ResendEmailSender;
import ca.businessx.nurture.email.resend.ResendSettings;
import ca.businessx.nurture.email.smtp.SmtpEmailSender;
import ca.businessx.nurture.email.smtp.SmtpSettings;
import ca.businessx.nurture.platform.Config;
import ca.businessx.nurture.platform.Database;
import java.time.Clock;

/**
 * Picks the one active sender: Resend if its key is set, else SMTP if its host is set, else the
 * outbox.
 */
final class Senders {
  private Senders() {}

  static EmailSender fromConfig(Config.Mail mail, Database db, Clock clock) {
    String replyTo = mail.replyTo().orElse(null);
    if (mail.resend().isPresent()) {
      Config.Resend r = mail.resend().get();
      return new ResendEmailSender(
          new ResendSettings(
              r.apiKey(), r.apiUrl(), mail.from(), replyTo, r.requestsPerSecond(), r.timeout()),
          clock);
    }
    if (mail.smtp().isPresent()) {
      Config.Smtp s = mail.smtp().get();
      // SMTP has no idempotency key: the ledger records each accepted email before the next.
      return new AcceptanceLedger(
          new SmtpEmailSender(
              new SmtpSettings(
                  s.host(),
                  s.port(),
                  s.username().orElse(null),
                  s.password().orElse(null),
                  s.tls(),
                  mail.from(),
                  replyTo),
              clock),
          db,
          clock);
    }
    return new OutboxSender(db.jdbi(), clock);
  }
}
