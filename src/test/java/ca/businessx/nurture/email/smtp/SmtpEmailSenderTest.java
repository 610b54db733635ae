package ca.businessx.nurture.email.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ca.businessx.nurture.email.OutboundEmail;
import ca.businessx.nurture.email.SendException;
import ca.businessx.nurture.email.SendResult;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SmtpEmailSenderTest {
  @RegisterExtension
  static final GreenMailExtension GREEN_MAIL =
      new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
          .withConfiguration(
              GreenMailConfiguration.aConfig().withUser("robot@nurture.test", "robot", "s3cret"));

  private static final String HTML =
      "<html><head><style>p{}</style></head><body><h1>Hi Ana</h1>"
          + "<p>Your score: 42 &amp; rising.</p><p><a href=\"https://nurture.test/book?x=1&amp;y=2\">Book a call</a></p>"
          + "</body></html>";

  @Test
  void sendsMultipartAlternativeWithDerivedTextAndTheEmailsHeaders() throws Exception {
    SendResult result = sender("robot", "s3cret", false).send(email("enr-1/step-1", null));

    MimeMessage received = GREEN_MAIL.getReceivedMessages()[0];
    assertThat(received.getContentType()).startsWith("multipart/alternative");
    MimeMultipart parts = (MimeMultipart) received.getContent();
    assertThat(parts.getCount()).isEqualTo(2);
    BodyPart text = parts.getBodyPart(0);
    assertThat(text.getContentType()).startsWith("text/plain").containsIgnoringCase("utf-8");
    assertThat((String) text.getContent())
        .contains("Hi Ana")
        .contains("Your score: 42 & rising.")
        .contains("Book a call (https://nurture.test/book?x=1&y=2)")
        .doesNotContain("<")
        .doesNotContain("p{}");
    assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
    assertThat((String) parts.getBodyPart(1).getContent()).isEqualTo(HTML);
    assertThat(received.getHeader("List-Unsubscribe", null))
        .isEqualTo("<https://nurture.test/u/tok>");
    assertThat(received.getHeader("List-Unsubscribe-Post", null))
        .isEqualTo("List-Unsubscribe=One-Click");
    assertThat(received.getSubject()).isEqualTo("Votre évaluation");
    assertThat(received.getReplyTo()[0].toString()).isEqualTo("support@nurture.test");
    assertThat(received.getMessageID()).isEqualTo(result.providerMessageId());
  }

  @Test
  void messageIdIsStableForTheSameKeyAndUsesTheSenderDomain() throws Exception {
    SmtpEmailSender sender = sender("robot", "s3cret", false);

    SendResult first = sender.send(email("enr-2/step-3", null));
    SendResult again = sender.send(email("enr-2/step-3", null));
    SendResult other = sender.send(email("enr-2/step-4", null));

    assertThat(again).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
    assertThat(first.providerMessageId()).matches("<[0-9a-f]{64}@nurture\\.test>");
    assertThat(GREEN_MAIL.getReceivedMessages())
        .extracting(MimeMessage::getMessageID)
        .containsExactly(
            first.providerMessageId(), first.providerMessageId(), other.providerMessageId());
  }

  @Test
  void usesTheGivenTextPartWhenThereIsOne() throws Exception {
    sender("robot", "s3cret", false).send(email("enr-3/step-1", "Hand-written text"));

    MimeMultipart parts = (MimeMultipart) GREEN_MAIL.getReceivedMessages()[0].getContent();
    assertThat(((String) parts.getBodyPart(0).getContent()).strip()).isEqualTo("Hand-written text");
  }

  @Test
  void wrongPasswordIsPermanentAndNothingIsSent() {
    SendException e =
        catchThrowableOfType(
            SendException.class,
            () -> sender("robot", "wrong", false).send(email("enr-4/step-1", null)));

    assertThat(e.isTransient()).isFalse();
    assertThat(e.getMessage()).contains("authentication").doesNotContain("wrong");
    assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
  }

  @Test
  void requiredStartTlsNeverFallsBackToPlainText() {
    // GreenMail offers no STARTTLS, so a sender that requires it must refuse to send at all.
    SendException e =
        catchThrowableOfType(
            SendException.class,
            () -> sender("robot", "s3cret", true).send(email("enr-5/step-1", null)));

    assertThat(e).isNotNull();
    assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
  }

  @Test
  void anUnparsableRecipientIsPermanentAndNotEchoed() {
    SendException e =
        catchThrowableOfType(
            SendException.class,
            () ->
                sender("robot", "s3cret", false)
                    .send(
                        new OutboundEmail(
                            "enr-6/step-1",
                            "ana@@example..ca",
                            "s",
                            "<p>x</p>",
                            null,
                            "t",
                            Map.of())));

    assertThat(e.isTransient()).isFalse();
    assertThat(e.getMessage()).doesNotContain("ana@");
  }

  private static SmtpEmailSender sender(String username, String password, boolean tls) {
    SmtpSettings settings =
        new SmtpSettings(
            "127.0.0.1",
            GREEN_MAIL.getSmtp().getPort(),
            username,
            password,
            tls,
            "Nurture <hello@nurture.test>",
            "support@nurture.test",
            Duration.ofSeconds(5));
    return new SmtpEmailSender(settings, Clock.systemUTC());
  }

  private static OutboundEmail email(String key, String text) {
    return new OutboundEmail(
        key,
        "ana@example.ca",
        "Votre évaluation",
        HTML,
        text,
        "critical-1",
        Map.of(
            "List-Unsubscribe",
            "<https://nurture.test/u/tok>",
            "List-Unsubscribe-Post",
            "List-Unsubscribe=One-Click"));
  }
}
