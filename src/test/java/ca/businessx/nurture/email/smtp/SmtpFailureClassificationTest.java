package ca.businessx.nurture.email.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ca.businessx.nurture.email.OutboundEmail;
import ca.businessx.nurture.email.SendException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SMTP 4xx and network trouble are transient; 5xx replies are permanent; no address leaks. */
class SmtpFailureClassificationTest {

  @Test
  void greylistedRecipientIsTransient() throws Exception {
    try (var server =
        new ScriptedSmtpServer(
            "220 scripted.test ESMTP", "450 4.2.0 <ana@example.ca>: greylisted")) {
      SendException e = failure(server.port());

      assertThat(e.isTransient()).isTrue();
      assertThat(e.getMessage()).contains("450").doesNotContain("ana@example.ca");
      assertThat(e.getCause()).isNull();
    }
  }

  @Test
  void unknownRecipientIsPermanent() throws Exception {
    try (var server =
        new ScriptedSmtpServer(
            "220 scripted.test ESMTP", "550 5.1.1 <ana@example.ca>: unknown user")) {
      SendException e = failure(server.port());

      assertThat(e.isTransient()).isFalse();
      assertThat(e.getMessage()).contains("550").doesNotContain("ana@example.ca");
      assertThat(server.messagesAccepted()).isZero();
    }
  }

  @Test
  void serverTurningUsAwayAtTheGreetingIsTransient() throws Exception {
    try (var server = new ScriptedSmtpServer("421 4.3.2 too busy, try later", "250 OK")) {
      assertThat(failure(server.port()).isTransient()).isTrue();
    }
  }

  @Test
  void refusedConnectionIsTransient() throws Exception {
    int closedPort;
    try (ServerSocket probe = new ServerSocket(0)) {
      closedPort = probe.getLocalPort();
    }

    assertThat(failure(closedPort).isTransient()).isTrue();
  }

  @Test
  void acceptedMessageIsSent() throws Exception {
    try (var server = new ScriptedSmtpServer("220 scripted.test ESMTP", "250 2.1.5 OK")) {
      sender(server.port()).send(email());

      assertThat(server.messagesAccepted()).isEqualTo(1);
    }
  }

  private static SendException failure(int port) {
    return catchThrowableOfType(SendException.class, () -> sender(port).send(email()));
  }

  private static SmtpEmailSender sender(int port) {
    SmtpSettings settings =
        new SmtpSettings(
            "127.0.0.1",
            port,
            null,
            null,
            false,
            "hello@nurture.test",
            null,
            Duration.ofSeconds(3));
    return new SmtpEmailSender(settings, Clock.systemUTC());
  }

  private static OutboundEmail email() {
    return new OutboundEmail(
        "enr-1/step-1", "ana@example.ca", "Hi", "<p>Hi</p>", null, "t", Map.of());
  }
}
