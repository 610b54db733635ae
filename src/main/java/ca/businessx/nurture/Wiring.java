package ca.businessx.nurture;

import ca.businessx.nurture.abtest.AutoPromote;
import ca.businessx.nurture.abtest.SubjectTest;
import ca.businessx.nurture.alert.AlertTasks;
import ca.businessx.nurture.alert.Alerter;
import ca.businessx.nurture.alert.CriticalLeadAlerts;
import ca.businessx.nurture.alert.LogAlerter;
import ca.businessx.nurture.alert.ParkedSummary;
import ca.businessx.nurture.alert.SmsTasks;
import ca.businessx.nurture.alert.discord.DiscordAlerter;
import ca.businessx.nurture.alert.discord.DiscordSettings;
import ca.businessx.nurture.alert.sms.SmsAlerter;
import ca.businessx.nurture.alert.sms.TwilioClient;
import ca.businessx.nurture.alert.sms.TwilioSettings;
import ca.businessx.nurture.booking.BookingNotices;
import ca.businessx.nurture.booking.BookingRecorder;
import ca.businessx.nurture.consent.ResubscribeLinks;
import ca.businessx.nurture.consent.ResubscribeTasks;
import ca.businessx.nurture.contact.ContactCrm;
import ca.businessx.nurture.contact.CrmSyncQueue;
import ca.businessx.nurture.contact.Language;
import ca.businessx.nurture.contact.LocaleDefaults;
import ca.businessx.nurture.crm.CrmSyncScheduler;
import ca.businessx.nurture.crm.CrmTasks;
import ca.businessx.nurture.crm.NotionWiring;
import ca.businessx.nurture.email.EmailSender;
import ca.businessx.nurture.email.UnsubscribeLinks;
import ca.businessx.nurture.engagement.EngagementRules;
import ca.businessx.nurture.engagement.EngagementScore;
import ca.businessx.nurture.engagement.EngagementTracker;
import ca.businessx.nurture.engagement.Engagements;
import ca.businessx.nurture.engagement.HotLeads;
import ca.businessx.nurture.intake.LeadIntake;
import ca.businessx.nurture.link.ClickRecorder;
import ca.businessx.nurture.link.LinkTokens;
import ca.businessx.nurture.link.TrackedLinks;
import ca.businessx.nurture.metrics.MeteredAlerter;
import ca.businessx.nurture.metrics.MeteredEmailSender;
import ca.businessx.nurture.metrics.NurtureMetrics;
import ca.businessx.nurture.platform.Config;
import ca.businessx.nurture.platform.ConfigFiles;
import ca.businessx.nurture.platform.Database;
import ca.businessx.nurture.platform.Secrets;
import ca.businessx.nurture.privacy.ContactPrivacy;
import ca.businessx.nurture.reply.ReplyNotices;
import ca.businessx.nurture.reply.ReplyRecorder;
import ca.businessx.nurture.sequence.EmailComposer;
import ca.businessx.nurture.sequence.EngagedWaits;
import ca.businessx.nurture.sequence.Enroller;
import ca.businessx.nurture.sequence.SendHours;
import ca.businessx.nurture.sequence.SendLoop;
import ca.businessx.nurture.sequence.SendPreview;
import ca.businessx.nurture.sequence.SequenceControl;
import ca.businessx.nurture.sequence.SequenceFile;
import ca.businessx.nurture.sequence.SequencePlan;
import ca.businessx.nurture.sequence.SequenceVersions;
import ca.businessx.nurture.template.StaticTemplates;
import ca.businessx.nurture.template.TemplateRenderer;
import ca.businessx.nurture.unsubscribe.ContactSuppressor;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The service's parts, created and wired in one place. A node ({@link App}) adds the HTTP server
 * and starts the schedulers; a CLI command uses the same parts on the same database without them.
 */
public final class Wiring {
  static final String INTEGRATION_TABLE = "integration_tasks";

  public final Config config;
  public final Database db;
  public final Clock clock;
  public final SequencePlan plan;
  public final SequenceVersions versions;
  public final SendHours sendHours;
  public final SendPreview preview;
  public final EmailSender emailSender;
  public final Alerter alerter;
  public final NurtureMetrics metrics;
  public final Optional<NotionWiring> notion;
  public final Optional<ContactCrm> crm;
  public final Optional<CrmTasks> crmTasks;
  public final UnsubscribeLinks links;
  public final ResubscribeLinks resubscribeLinks;
  public final EmailComposer composer;
  public final TrackedLinks trackedLinks;
  public final ClickRecorder clicks;
  public final Engagements engagements;
  public final EngagementTracker engagement;
  public final CrmSyncQueue crmSync;
  public final ContactSuppressor suppressor;
  public final LeadIntake intake;
  public final SequenceControl control;
  public final EngagedWaits waits;

  /** Sends every due email; started by a node that runs schedulers, stepped by hand in tests. */
  public final SendLoop sendLoop;

  public final ContactPrivacy privacy;

  /** Tasks that call outside systems (alerts, CRM), apart so a slow provider never delays email. */
  public final List<Task<?>> integrationTasks;

  public final List<RecurringTask<?>> recurringIntegrationTasks;
  public final SchedulerClient integrationClient;
  public final BookingRecorder bookings;
  public final ReplyRecorder replies;

  /**
   * Twilio, when SMS alerts are configured ({@code nurture alert test --sms} and doctor use it).
   */
  public final Optional<TwilioClient> twilio;

  /**
   * @param sender the email sender, or null for the one the configuration names
   * @param alertChannel the alerter, or null for the one the configuration names
   */
  public Wiring(Config config, Database db, Clock clock, EmailSender sender, Alerter alertChannel) {
    this.config = config;
    this.db = db;
    this.clock = clock;
    ConfigFiles files = new ConfigFiles(config.configDir());
    this.plan =
        SequenceFile.parse(
            files.require("sequence.json").text(), config.testingMode(), config.sequence().waits());
    this.versions = SequenceVersions.register(db, plan, clock.instant());
    this.emailSender = sender != null ? sender : Senders.fromConfig(config.mail(), db, clock);
    this.alerter =
        alertChannel != null
            ? alertChannel
            : config
                .alerts()
                .discordWebhook()
                .<Alerter>map(url -> new DiscordAlerter(new DiscordSettings(url), clock))
                .orElseGet(LogAlerter::new);
    List<String> providers = new ArrayList<>(List.of(emailSender.name(), alerter.name()));
    config.crm().ifPresent(c -> providers.add("notion"));
    this.twilio =
        config
            .sms()
            .map(
                s ->
                    new TwilioClient(
                        new TwilioSettings(
                            s.apiUrl(), s.accountSid(), s.authToken(), s.from(), s.timeout())));
    twilio.ifPresent(t -> providers.add("twilio"));
    this.metrics = NurtureMetrics.create(db, clock, plan.templateKeys(), providers);
    this.notion = config.crm().map(c -> new NotionWiring(c, clock, metrics.events()));
    this.crm = notion.map(NotionWiring::contacts);
    TemplateRenderer renderer =
        new TemplateRenderer(
            notion.flatMap(NotionWiring::templates).stream().toList(),
            new StaticTemplates(files, metrics.events()::templateFallback),
            files,
            localeDefaults(config.locale()));

    this.engagements =
        new Engagements(EngagementRules.parse(files.require("engagement.json").text()));
    this.crmTasks =
        crm.map(
            c ->
                new CrmTasks(
                    db,
                    c,
                    config.crm().get(),
                    engagements,
                    clock,
                    localeDefaults(config.locale())));
    List<Task<?>> integration = new ArrayList<>();
    integration.add(
        AlertTasks.criticalLead(
            db,
            new MeteredAlerter(alerter, metrics.events()),
            config.sender().publicBaseUrl(),
            config.alerts().retries(),
            config.alerts().retryDelay(),
            clock));
    integration.add(
        BookingNotices.task(
            db,
            new MeteredAlerter(alerter, metrics.events()),
            config.sender().publicBaseUrl(),
            config.alerts().retries(),
            config.alerts().retryDelay(),
            clock));
    integration.add(
        ReplyNotices.task(
            db,
            new MeteredAlerter(alerter, metrics.events()),
            config.sender().publicBaseUrl(),
            config.alerts().retries(),
            config.alerts().retryDelay(),
            clock));
    config
        .sms()
        .ifPresent(
            sms ->
                integration.add(
                    SmsTasks.criticalLead(
                        db,
                        sms,
                        number ->
                            new MeteredAlerter(
                                new SmsAlerter(
                                    twilio.orElseThrow(), number, config.sender().publicBaseUrl()),
                                metrics.events()),
                        clock)));
    integration.add(
        HotLeads.send(
            db,
            new MeteredAlerter(alerter, metrics.events()),
            config.sender().publicBaseUrl(),
            config.engagement().hotLeadGrace(),
            config.alerts().retries(),
            config.alerts().retryDelay(),
            clock));
    // The check schedules its notice through a client of this table, built below from this list.
    SchedulerClient[] integrationsLater = new SchedulerClient[1];
    integration.add(HotLeads.check(db, engagements, () -> integrationsLater[0], clock));
    crmTasks.ifPresent(t -> integration.add(t.syncTask()));
    crmTasks.ifPresent(t -> integration.add(t.archiveTask()));
    byte[] signingKey = Secrets.signingKey(db, config.trust().signingSecret());
    this.links = new UnsubscribeLinks(signingKey, config.sender().publicBaseUrl());
    this.resubscribeLinks = new ResubscribeLinks(signingKey, config.sender().publicBaseUrl());
    // The confirmation of a re-subscription: shipped (or config-folder) text only, never Notion's.
    integration.add(
        ResubscribeTasks.confirmation(
            db,
            new MeteredEmailSender(emailSender, metrics.events()),
            new TemplateRenderer(
                List.of(), new StaticTemplates(files), files, localeDefaults(config.locale())),
            config.sender(),
            links,
            resubscribeLinks,
            config.sequence().sendRetries(),
            config.sequence().sendRetryDelay(),
            clock));
    this.integrationTasks = List.copyOf(integration);
    List<RecurringTask<?>> recurring = new ArrayList<>();
    crmTasks.ifPresent(t -> recurring.add(t.pollTask()));
    recurring.add(
        ParkedSummary.task(
            db,
            new MeteredAlerter(alerter, metrics.events()),
            config.sender().publicBaseUrl(),
            clock));
    if (config.abTest().autoPromote()) {
      recurring.add(
          AutoPromote.task(
              db,
              new SubjectTest.Rule(config.abTest().minSample(), config.abTest().significance()),
              clock));
    }
    this.recurringIntegrationTasks = List.copyOf(recurring);
    this.integrationClient =
        SchedulerClient.Builder.create(db.transactionAwareDataSource(), integration)
            .tableName(INTEGRATION_TABLE)
            .build();
    integrationsLater[0] = integrationClient;
    this.crmSync = crm.isPresent() ? new CrmSyncScheduler(integrationClient) : CrmSyncQueue.none();
    this.engagement =
        new EngagementTracker(
            engagements, config.engagement(), integrationClient, crmSync, metrics.events());

    this.trackedLinks =
        new TrackedLinks(
            new LinkTokens(signingKey),
            config.sender().publicBaseUrl(),
            config.sender().bookingUrl());
    this.sendHours = new SendHours(config.sendWindows().window(), localeDefaults(config.locale()));
    this.preview = new SendPreview(versions, sendHours);
    this.composer = new EmailComposer(renderer, config.sender(), links, trackedLinks);
    this.sendLoop =
        SendLoop.create(
            db,
            versions,
            composer,
            new MeteredEmailSender(emailSender, metrics.events()),
            config.sequence(),
            crmSync,
            metrics.events(),
            clock,
            config.scheduler().pollInterval(),
            sendHours);
    this.waits = new EngagedWaits(versions, sendLoop);
    this.clicks =
        new ClickRecorder(
            trackedLinks,
            (h, click) -> {
              engagement.engaged(
                  h,
                  click.contactId(),
                  click.isBooking()
                      ? EngagementScore.Kind.BOOKING_CLICK
                      : EngagementScore.Kind.CLICK,
                  click.at(),
                  click.templateKey());
              // A click may bring the next email forward (an "if engaged" wait).
              waits.clicked(h, click.emailId(), click.at());
            });
    this.intake =
        new LeadIntake(
            db,
            new Enroller(sendLoop, versions.current(), config.sequence().reentryAfter()),
            integrationClient,
            crmSync,
            crm,
            clock,
            metrics.events(),
            new CriticalLeadAlerts(config.sms().map(Config.Sms::to).orElse(List.of())));
    this.control = new SequenceControl(db, versions, sendLoop, clock, sendHours, crmSync);
    this.suppressor = new ContactSuppressor(db, crmSync, clock);
    this.bookings = new BookingRecorder(db, integrationClient, crmSync, clock, metrics.events());
    this.replies = new ReplyRecorder(integrationClient, crmSync, Optional.of(engagement));
    this.privacy = new ContactPrivacy(db, crm.map(c -> integrationClient), clock);
  }

  /** The lead-locale defaults as configured; the loader has checked the language codes. */
  public static LocaleDefaults localeDefaults(Config.Locale l) {
    return new LocaleDefaults(
        l.defaultZone(),
        Language.ofCode(l.defaultLanguage()).orElseThrow(),
        Language.ofCode(l.quebecLanguage()).orElseThrow());
  }

  /**
   * The language a contact reads, for pages outside emails (a forgotten or unknown id: the
   * default).
   */
  public ca.businessx.nurture.contact.Language languageOf(String contactId) {
    LocaleDefaults locales = localeDefaults(config.locale());
    return db.withHandle(
            h -> new ca.businessx.nurture.contact.ContactRepository().find(h, contactId))
        .map(c -> locales.languageOf(c.locale()))
        .orElse(locales.language());
  }

  /** How often each Notion template fell back to the static one, by key. */
  public Map<String, Long> templateFallbacks() {
    return notion.map(n -> n.fallbacks().snapshot()).orElse(Map.of());
  }
}
