package ca.businessx.nurture.email.smtp;

import ca.businessx.nurture.email.EmailSender;
import ca.businessx.nurture.email.OutboundEmail;
import ca.businessx.nurture.email.SendException;
import ca.businessx.nurture.email.SendResult;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Date;
import java.util.HexFormat;
import java.util.Properties;

/**
 * Sends email over SMTP with Jakarta Mail (Eclipse Angus): multipart/alternative with a plain-text
 * and an HTML part, and a Message-ID derived from the idempotency key, so a resent email is
 * recognisable as the same message by the receiving side.
 */
public final class SmtpEmailSender implements EmailSender {
  private final SmtpSettings settings;
  private final Clock clock;
  private final Session session;
  private final String idDomain;

  public SmtpEmailSender(SmtpSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.session = Session.getInstance(properties(settings));
    this.idDomain = domainOf(settings.from());
  }

  @Override
  public String name() {
    return "smtp";
  }

  @Override
  public SendResult send(OutboundEmail email) {
    String messageId = messageId(email.idempotencyKey());
    try {
      MimeMessage message = compose(email, messageId);
      if (settings.authenticates()) {
        Transport.send(message, settings.username(), settings.password());
      } else {
        Transport.send(message);
      }
      return new SendResult(messageId);
    } catch (AddressException e) {
      throw SendException.permanent("an address of this email is not valid");
    } catch (MessagingException e) {
      throw SmtpFailures.classify(e);
    }
  }

  /** {@code <sha256-of-key@from-domain>}: the same email always carries the same id. */
  String messageId(String idempotencyKey) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
      return "<" + HexFormat.of().formatHex(digest) + "@" + idDomain + ">";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private MimeMessage compose(OutboundEmail email, String messageId) throws MessagingException {
    MimeMessage message = new FixedIdMessage(session, messageId);
    message.setFrom(new InternetAddress(settings.from(), true));
    message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(email.to(), true));
    if (settings.replyTo() != null && !settings.replyTo().isBlank()) {
      message.setReplyTo(InternetAddress.parse(settings.replyTo(), true));
    }
    message.setSubject(email.subject(), "UTF-8");
    message.setSentDate(Date.from(clock.instant()));
    for (var header : email.headers().entrySet()) {
      // Header values come from our templates; a line break would let one header forge another.
      String value = header.getValue().replaceAll("[\\r\\n]+", " ");
      message.setHeader(header.getKey(), MimeUtility.fold(header.getKey().length() + 2, value));
    }
    MimeBodyPart text = new MimeBodyPart();
    text.setText(
        email.text() != null ? email.text() : HtmlText.from(email.html()), "UTF-8", "plain");
    MimeBodyPart html = new MimeBodyPart();
    html.setText(email.html(), "UTF-8", "html");
    // Plain text first: in multipart/alternative the last part is the richest, preferred one.
    message.setContent(new MimeMultipart("alternative", text, html));
    return message;
  }

  private static Properties properties(SmtpSettings settings) {
    String millis = String.valueOf(settings.timeout().toMillis());
    Properties props = new Properties();
    props.put("mail.smtp.host", settings.host());
    props.put("mail.smtp.port", String.valueOf(settings.port()));
    props.put("mail.smtp.connectiontimeout", millis);
    props.put("mail.smtp.timeout", millis);
    props.put("mail.smtp.writetimeout", millis);
    props.put("mail.smtp.auth", String.valueOf(settings.authenticates()));
    props.put("mail.smtp.starttls.enable", String.valueOf(settings.tls()));
    props.put("mail.smtp.starttls.required", String.valueOf(settings.tls()));
    props.put("mail.smtp.ssl.checkserveridentity", "true");
    return props;
  }

  private static String domainOf(String from) {
    try {
      String address = new InternetAddress(from, true).getAddress();
      int at = address.lastIndexOf('@');
      return at > 0 && at < address.length() - 1
          ? address.substring(at + 1).toLowerCase()
          : "nurture.local";
    } catch (AddressException e) {
      return "nurture.local";
    }
  }

  /** Jakarta Mail replaces Message-ID on every save; this keeps the one derived from the key. */
  private static final class FixedIdMessage extends MimeMessage {
    private final String messageId;

    FixedIdMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
