package ca.businessx.nurture.tracking;

import io.sentry.Breadcrumb;
import io.sentry.SentryEvent;
import io.sentry.protocol.Message;
import io.sentry.protocol.SentryException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Sentry's {@code beforeSend}: what leaves the process must hold no email address, name or secret.
 * Nurture's own log lines and exception messages are written without them, so they pass with
 * addresses, quoted values and the configured secrets cut out in case one slipped in; other
 * libraries' messages (drivers, JSON parsers) may echo the data they were given, so they keep only
 * their class and stack. Users, requests, extras and log parameters are dropped whole: the stack
 * and the message say what broke.
 */
public final class EventScrubber {
  static final String OWN_PACKAGE = "ca.businessx.nurture";
  private static final Pattern EMAIL =
      Pattern.compile("[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
  private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"|=\\([^)]*\\)");
  private static final Pattern TOKENS =
      Pattern.compile(
          // Provider key shapes (Resend re_, Notion ntn_/secret_, Svix whsec_, Twilio AC...).
          "(?i:bearer|basic)\\s+\\S+|\\b(?:re|ntn|secret|whsec|sk)_[A-Za-z0-9_]{8,}"
              + "|\\bAC[0-9a-fA-F]{32}\\b|(?i:password|token|secret|key)=[^&\\s]+");

  private final List<String> secrets;

  /**
   * @param secrets the configured secret values, cut out wherever they appear
   */
  public EventScrubber(Collection<String> secrets) {
    this.secrets =
        secrets.stream()
            .filter(s -> s != null && s.length() >= 6)
            .sorted(Comparator.comparingInt(String::length).reversed())
            .toList();
  }

  public SentryEvent scrub(SentryEvent event) {
    event.setUser(null);
    event.setRequest(null);
    event.setExtras(null);
    event.setServerName(null);
    Message message = event.getMessage();
    if (message != null) {
      message.setParams(null);
      message.setMessage(text(message.getMessage()));
      message.setFormatted(text(message.getFormatted()));
    }
    if (event.getExceptions() != null) {
      for (SentryException e : event.getExceptions()) {
        boolean ours = e.getModule() != null && e.getModule().startsWith(OWN_PACKAGE);
        e.setValue(ours ? text(e.getValue()) : null);
      }
    }
    if (event.getBreadcrumbs() != null) {
      List<Breadcrumb> kept = new ArrayList<>();
      for (Breadcrumb b : event.getBreadcrumbs()) {
        b.setMessage(text(b.getMessage()));
        b.getData().clear();
        kept.add(b);
      }
      event.setBreadcrumbs(kept);
    }
    event.getContexts().remove("MDC");
    return event;
  }

  /** The text with secrets, addresses, tokens and quoted values replaced. */
  public String text(String value) {
    if (value == null) {
      return null;
    }
    String out = value;
    for (String secret : secrets) {
      out = out.replace(secret, "[secret]");
    }
    out = EMAIL.matcher(out).replaceAll("[email]");
    out = TOKENS.matcher(out).replaceAll("[secret]");
    return QUOTED.matcher(out).replaceAll("[value]");
  }
}
