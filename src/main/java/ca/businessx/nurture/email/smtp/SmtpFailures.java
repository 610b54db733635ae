package ca.businessx.nurture.email.smtp;

import ca.businessx.nurture.email.ProviderText;
import ca.businessx.nurture.email.SendException;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * Classifies what Jakarta Mail threw: an SMTP 4xx reply or a network problem is transient, a 5xx
 * reply is permanent. Server replies often quote the recipient, so their text is redacted and the
 * original exception is never attached; only a network cause (which names no one) is kept.
 */
final class SmtpFailures {
  private SmtpFailures() {}

  static SendException classify(MessagingException failure) {
    if (failure instanceof AuthenticationFailedException) {
      return SendException.permanent(
          "smtp authentication failed: " + ProviderText.safe(failure.getMessage()));
    }
    Set<Throwable> seen = new HashSet<>();
    IOException network = null;
    for (Throwable t = failure; t != null && seen.add(t); t = next(t)) {
      int code = replyCode(t);
      if (code >= 400 && code < 500) {
        return SendException.transientFailure(
            "smtp " + code + ": " + ProviderText.safe(t.getMessage()), null, null);
      }
      if (code >= 500) {
        return SendException.permanent("smtp " + code + ": " + ProviderText.safe(t.getMessage()));
      }
      if (network == null && t instanceof IOException io) {
        network = io;
      }
    }
    if (network != null) {
      return SendException.transientFailure(
          "smtp connection failed: " + network.getClass().getSimpleName(), null, network);
    }
    // Unknown trouble: retry, and the retry budget will park the email for a person if it persists.
    return SendException.transientFailure(
        "smtp failed: " + ProviderText.safe(failure.getMessage()), null, null);
  }

  private static int replyCode(Throwable t) {
    return switch (t) {
      case SMTPAddressFailedException e -> e.getReturnCode();
      case SMTPSenderFailedException e -> e.getReturnCode();
      case SMTPSendFailedException e -> e.getReturnCode();
      default -> leadingCode(t.getMessage());
    };
  }

  /**
   * Angus reports a refused greeting or command as a plain exception whose text starts with the
   * reply.
   */
  private static int leadingCode(String message) {
    if (message != null
        && message.length() >= 3
        && message.substring(0, 3).chars().allMatch(Character::isDigit)
        && (message.length() == 3 || !Character.isDigit(message.charAt(3)))) {
      return Integer.parseInt(message.substring(0, 3));
    }
    return -1;
  }

  private static Throwable next(Throwable t) {
    if (t instanceof MessagingException m && m.getNextException() != null) {
      return m.getNextException();
    }
    return t.getCause();
  }
}
