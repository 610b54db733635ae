package ca.businessx.nurture.metrics;

import ca.businessx.nurture.events.NurtureEvents;
import ca.businessx.nurture.notion.TemplateFallbackListener;
import ca.businessx.nurture.segment.Segment;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Counts the core's events in Micrometer. Every tag combination known at start is registered up
 * front, so a dashboard shows a zero rather than a gap before the first lead arrives.
 */
public final class MicrometerEvents implements NurtureEvents, TemplateFallbackListener {
  /** Outside systems the service can talk to; the configured ones are added at start. */
  public static final List<String> PROVIDERS =
      List.of("outbox", "resend", "smtp", "discord", "log", "notion");

  static final List<String> WEBHOOKS = List.of("signup", "assessment");
  static final List<String> WEBHOOK_OUTCOMES =
      List.of("created", "accepted", "invalid", "unknown_contact", "unauthorized", "error");
  private static final List<String> EMAIL_PROVIDERS = List.of("outbox", "resend", "smtp");
  private static final List<String> CALL_KINDS = List.of("email", "alert", "crm", "templates");
  static final List<String> AUTH_SURFACES = List.of("api", "login");
  static final List<String> RACES =
      List.of("email_sent", "email_failed", "enrollment_advanced", "enrollment_state", "claim");

  /** The segment of a lead not yet assessed, and the template before any email. */
  static final String NONE = "none";

  private final MeterRegistry registry;

  /**
   * @param templates every template key of the sequence
   * @param providers the providers configured on this node (added to the known ones)
   */
  public MicrometerEvents(
      MeterRegistry registry, Collection<String> templates, Collection<String> providers) {
    this.registry = registry;
    Set<String> allProviders = new TreeSet<>(PROVIDERS);
    allProviders.addAll(providers);
    Set<String> emailProviders = new TreeSet<>(EMAIL_PROVIDERS);
    emailProviders.addAll(providers);
    WEBHOOKS.forEach(kind -> WEBHOOK_OUTCOMES.forEach(outcome -> webhooks(kind, outcome)));
    contacts();
    RACES.forEach(this::races);
    for (String surface : AUTH_SURFACES) {
      auth("failures", surface);
      auth("throttled", surface);
    }
    for (Segment s : Segment.values()) {
      assessments(s);
    }
    List<String> segments = new java.util.ArrayList<>();
    for (Segment s : Segment.values()) {
      segments.add(s.name());
    }
    segments.add(NONE);
    Set<String> conversionTemplates = new TreeSet<>(templates);
    conversionTemplates.add(NONE);
    for (String segment : segments) {
      for (String template : conversionTemplates) {
        conversions("bookings", "Calls booked", segment, template);
        conversions("replies", "Replies from leads", segment, template);
        clicks(segment, template, "booking");
        clicks(segment, template, "other");
      }
    }
    for (String template : templates) {
      fallbacks(template);
      for (String provider : emailProviders) {
        emails("sent", template, provider);
        emails("failed", template, provider);
        emails("parked", template, provider);
      }
    }
    for (String provider : allProviders) {
      for (String kind : CALL_KINDS) {
        for (CallOutcome outcome : CallOutcome.values()) {
          calls(provider, kind, outcome);
        }
      }
    }
  }

  @Override
  public void webhookReceived(String kind, String outcome) {
    webhooks(kind, outcome).increment();
  }

  @Override
  public void lostRace(String what) {
    races(what).increment();
  }

  private Counter races(String what) {
    return Counter.builder("nurture.lost.races")
        .description("Guarded state changes that found the row changed by someone else")
        .tag("change", what)
        .register(registry);
  }

  @Override
  public void contactSignedUp(boolean created) {
    if (created) {
      contacts().increment();
    }
  }

  @Override
  public void assessed(Segment segment) {
    assessments(segment).increment();
  }

  @Override
  public void emailSent(String template, String provider) {
    emails("sent", template, provider).increment();
  }

  @Override
  public void emailFailed(String template, String provider, boolean parked) {
    emails("failed", template, provider).increment();
    if (parked) {
      emails("parked", template, provider).increment();
    }
  }

  @Override
  public void providerCall(String provider, String kind, Duration took, CallOutcome outcome) {
    calls(provider, kind, outcome).record(took);
  }

  @Override
  public void templateFallback(String template) {
    fallbacks(template).increment();
  }

  @Override
  public void adminAuthFailed(String surface) {
    auth("failures", surface).increment();
  }

  @Override
  public void adminAuthThrottled(String surface) {
    auth("throttled", surface).increment();
  }

  @Override
  public void linkClicked(String segment, String template, boolean bookingLink) {
    clicks(segment, template, bookingLink ? "booking" : "other").increment();
  }

  @Override
  public void booked(String segment, String template) {
    conversions("bookings", "Calls booked", segment, template).increment();
  }

  @Override
  public void replied(String segment, String template) {
    conversions("replies", "Replies from leads", segment, template).increment();
  }

  /** Notion's template source reports here when it falls back to the static copy. */
  @Override
  public void fallback(String templateKey, Reason reason) {
    templateFallback(templateKey);
  }

  private Counter webhooks(String kind, String outcome) {
    // Counted on every webhook: the meter is looked up by its two tags, not rebuilt and registered.
    return webhookCounters.computeIfAbsent(
        java.util.List.of(kind, outcome),
        k ->
            Counter.builder("nurture.webhooks.received")
                .description("Webhook requests answered")
                .tag("kind", kind)
                .tag("outcome", outcome)
                .register(registry));
  }

  private final java.util.Map<java.util.List<String>, Counter> webhookCounters =
      new java.util.concurrent.ConcurrentHashMap<>();

  private Counter auth(String what, String surface) {
    return Counter.builder("nurture.admin.auth." + what)
        .description(
            what.equals("failures")
                ? "Wrong admin tokens given"
                : "Admin token attempts refused while the client was locked out")
        .tag("surface", surface)
        .register(registry);
  }

  private Counter contacts() {
    return Counter.builder("nurture.contacts.added").description("New contacts").register(registry);
  }

  private Counter assessments(Segment segment) {
    return Counter.builder("nurture.assessments")
        .description("Assessments received, by segment")
        .tag("segment", segment.name())
        .register(registry);
  }

  private Counter emails(String what, String template, String provider) {
    return Counter.builder("nurture.emails." + what)
        .description("Sequence emails " + what)
        .tag("template", template)
        .tag("provider", provider)
        .register(registry);
  }

  private Timer calls(String provider, String kind, CallOutcome outcome) {
    return Timer.builder("nurture.provider.calls")
        .description("Calls to outside systems")
        .tag("provider", provider)
        .tag("kind", kind)
        .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
        .register(registry);
  }

  /**
   * Bookings or replies by the lead's segment and the template of the last email sent before them.
   */
  private Counter conversions(String what, String description, String segment, String template) {
    return Counter.builder("nurture." + what)
        .description(description + ", by segment and the last email's template")
        .tag("segment", segment)
        .tag("template", template)
        .register(registry);
  }

  /** First clicks of an email's links (once per email and link). */
  private Counter clicks(String segment, String template, String link) {
    return Counter.builder("nurture.link.clicks")
        .description("First clicks on an email's links, by segment, template and link")
        .tag("segment", segment)
        .tag("template", template)
        .tag("link", link)
        .register(registry);
  }

  private Counter fallbacks(String template) {
    return Counter.builder("nurture.template.fallbacks")
        .description("Times the static template stood in for a missing or failing CRM one")
        .tag("template", template)
        .register(registry);
  }
}
