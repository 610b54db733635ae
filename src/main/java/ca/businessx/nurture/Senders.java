package ca.businessx.nurture;

import ca.businessx.nurture.email.EmailSender;
import ca.businessx.nurture.email.OutboxSender;
import ca.businessx.nurture.email.resend.ResendEmailSender;
import ca.businessx.nurture.email.resend.ResendSettings;
import ca.businessx.nurture.email.smtp.SmtpEmailSender;
import ca.businessx.nurture.email.smtp.SmtpSettings;
import ca.businessx.nurture.platform.Config;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/**
 * Picks the one active sender: Resend if its key is set, else SMTP if its host is set, else the
 * outbox.
 */
final class Senders {
  private Senders() {}

  static EmailSender fromConfig(Config.Mail mail, Jdbi jdbi, Clock clock) {
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
      return new SmtpEmailSender(
          new SmtpSettings(
              s.host(),
              s.port(),
              s.username().orElse(null),
              s.password().orElse(null),
              s.tls(),
              mail.from(),
              replyTo),
          clock);
    }
    return new OutboxSender(jdbi, clock);
  }
}
