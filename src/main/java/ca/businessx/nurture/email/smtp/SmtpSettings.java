package ca.businessx.nurture.email.smtp;

import java.time.Duration;

/**
 * How to reach an SMTP server. {@code username} null or blank means no authentication; {@code tls}
 * requires STARTTLS, never falling back to plain text. {@code replyTo} may be null.
 */
public record SmtpSettings(
    String host,
    int port,
    String username,
    String password,
    boolean tls,
    String from,
    String replyTo,
    Duration timeout) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  public SmtpSettings {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("SMTP host is missing");
    }
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("SMTP port must be between 1 and 65535");
    }
    if (from == null || from.isBlank()) {
      throw new IllegalArgumentException("the sender address (from) is missing");
    }
    if (hasAuth(username) && (password == null || password.isEmpty())) {
      throw new IllegalArgumentException("SMTP password is missing for the configured username");
    }
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("SMTP timeout must be positive");
    }
  }

  public SmtpSettings(
      String host,
      int port,
      String username,
      String password,
      boolean tls,
      String from,
      String replyTo) {
    this(host, port, username, password, tls, from, replyTo, DEFAULT_TIMEOUT);
  }

  public boolean authenticates() {
    return hasAuth(username);
  }

  private static boolean hasAuth(String username) {
    return username != null && !username.isBlank();
  }

  /** Never prints the credentials or the addresses: settings end up in start-up logs. */
  @Override
  public String toString() {
    return "SmtpSettings[host="
        + host
        + ", port="
        + port
        + ", auth="
        + authenticates()
        + ", tls="
        + tls
        + ", timeout="
        + timeout
        + "]";
  }
}
