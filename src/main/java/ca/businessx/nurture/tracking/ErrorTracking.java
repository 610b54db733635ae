package ca.businessx.nurture.tracking;

import ca.businessx.nurture.platform.Config;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.sentry.Sentry;
import io.sentry.SentryOptions;
import io.sentry.logback.SentryAppender;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sentry, when {@code SENTRY_DSN} is set: every ERROR log line goes as an event through Sentry's
 * Logback appender (HTTP 500s, jobs that gave up after their last retry, scheduler errors: each of
 * them logs at ERROR), and INFO lines before it ride along as breadcrumbs. Every event carries the
 * node's name, its role and the release, and passes {@link EventScrubber} first.
 */
public final class ErrorTracking implements AutoCloseable {
  static final String APPENDER = "SENTRY";
  private static final Logger log = LoggerFactory.getLogger(ErrorTracking.class);
  private final SentryAppender appender;

  private ErrorTracking(SentryAppender appender) {
    this.appender = appender;
  }

  /** Starts Sentry for this node, or nothing when it is not configured. */
  public static Optional<ErrorTracking> start(Config config, String role) {
    return config.sentry().map(s -> start(s, config.scheduler().nodeName(), role, secrets(config)));
  }

  static ErrorTracking start(
      Config.Sentry sentry, String nodeName, String role, List<String> secrets) {
    EventScrubber scrubber = new EventScrubber(secrets);
    Sentry.init(
        (SentryOptions options) -> {
          options.setDsn(sentry.dsn().toString());
          options.setEnvironment(sentry.environment());
          options.setRelease(sentry.release());
          options.setTracesSampleRate(sentry.tracesSampleRate());
          options.setSendDefaultPii(false);
          // The host name is no secret, but the node name is what the team knows it by.
          options.setAttachServerName(false);
          options.setTag("node", nodeName);
          options.setTag("role", role);
          options.setBeforeSend((event, hint) -> scrubber.scrub(event));
          options.setBeforeBreadcrumb(
              (crumb, hint) -> {
                crumb.setMessage(scrubber.text(crumb.getMessage()));
                crumb.getData().clear();
                return crumb;
              });
        });
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    SentryAppender appender = new SentryAppender();
    appender.setName(APPENDER);
    appender.setContext(context);
    appender.setMinimumEventLevel(Level.ERROR);
    appender.setMinimumBreadcrumbLevel(Level.INFO);
    appender.start();
    context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(appender);
    log.info(
        "exceptions go to Sentry at {} ({}, {})",
        sentry.dsn().getHost(),
        sentry.environment(),
        sentry.release());
    return new ErrorTracking(appender);
  }

  /** Every configured secret: the scrubber cuts them out of any text that reaches an event. */
  static List<String> secrets(Config c) {
    List<String> s = new ArrayList<>();
    c.adminToken().ifPresent(s::add);
    c.db().password().ifPresent(s::add);
    c.mail().resend().ifPresent(r -> s.add(r.apiKey()));
    c.mail().smtp().flatMap(Config.Smtp::password).ifPresent(s::add);
    c.crm().ifPresent(crm -> s.add(crm.apiKey()));
    c.trust().webhookSecret().ifPresent(s::add);
    c.trust().resendWebhookSecret().ifPresent(s::add);
    c.trust().signingSecret().ifPresent(s::add);
    c.bookings().calcomSecret().ifPresent(s::add);
    c.bookings().calendlySecret().ifPresent(s::add);
    c.sms().ifPresent(sms -> s.add(sms.authToken()));
    c.alerts().discordWebhook().ifPresent(u -> s.add(u.toString()));
    return s;
  }

  /** A start that failed never logged at ERROR (Main prints it): reports it, then closes. */
  public void captureAndClose(Throwable failure) {
    Sentry.captureException(failure);
    close();
  }

  /** Sends what is queued (waiting at most two seconds) and detaches from the logs. */
  @Override
  public void close() {
    ((LoggerContext) LoggerFactory.getILoggerFactory())
        .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
        .detachAppender(appender);
    appender.stop();
    Sentry.flush(Duration.ofSeconds(2).toMillis());
    Sentry.close();
  }
}
