package ca.businessx.nurture;

import ca.businessx.nurture.alert.AlertTasks;
import ca.businessx.nurture.alert.Alerter;
import ca.businessx.nurture.alert.LogAlerter;
import ca.businessx.nurture.alert.discord.DiscordAlerter;
import ca.businessx.nurture.alert.discord.DiscordSettings;
import ca.businessx.nurture.booking.BookingNotices;
import ca.businessx.nurture.booking.BookingRecorder;
import ca.businessx.nurture.consent.ResubscribeLinks;
import ca.businessx.nurture.consent.ResubscribeTasks;
import ca.businessx.nurture.contact.ContactCrm;
import ca.businessx.nurture.contact.CrmSyncQueue;
import ca.businessx.nurture.crm.CrmSyncScheduler;
import ca.businessx.nurture.crm.CrmTasks;
import ca.businessx.nurture.crm.NotionWiring;
import ca.businessx.nurture.email.EmailSender;
import ca.businessx.nurture.email.UnsubscribeLinks;
import ca.businessx.nurture.intake.LeadIntake;
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
import ca.businessx.nurture.sequence.Enroller;
import ca.businessx.nurture.sequence.SendLoop;
import ca.businessx.nurture.sequence.SequenceControl;
import ca.businessx.nurture.sequence.SequenceFile;
import ca.businessx.nurture.sequence.SequencePlan;
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
  public final EmailSender emailSender;
  public final Alerter alerter;
  public final NurtureMetrics metrics;
  public final Optional<NotionWiring> notion;
  public final Optional<ContactCrm> crm;
  public final Optional<CrmTasks> crmTasks;
  public final UnsubscribeLinks links;
  public final ResubscribeLinks resubscribeLinks;
  public final EmailComposer composer;
  public final CrmSyncQueue crmSync;
  public final ContactSuppressor suppressor;
  public final LeadIntake intake;
  public final SequenceControl control;

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
    this.metrics = NurtureMetrics.create(db, clock, plan.templateKeys(), providers);
    this.notion = config.crm().map(c -> new NotionWiring(c, clock, metrics.events()));
    this.crm = notion.map(NotionWiring::contacts);
    TemplateRenderer renderer =
        new TemplateRenderer(
            notion.flatMap(NotionWiring::templates).stream().toList(),
            new StaticTemplates(files, metrics.events()::templateFallback),
            files);

    this.crmTasks = crm.map(c -> new CrmTasks(db, c, config.crm().get(), clock));
    List<Task<?>> integration = new ArrayList<>();
    integration.add(
        AlertTasks.criticalLead(
            db,
            new MeteredAlerter(alerter, metrics.events()),
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
            new TemplateRenderer(List.of(), new StaticTemplates(files), files),
            config.sender(),
            links,
            resubscribeLinks,
            config.sequence().sendRetries(),
            config.sequence().sendRetryDelay(),
            clock));
    this.integrationTasks = List.copyOf(integration);
    this.recurringIntegrationTasks =
        crmTasks.<List<RecurringTask<?>>>map(t -> List.of(t.pollTask())).orElse(List.of());
    this.integrationClient =
        SchedulerClient.Builder.create(db.transactionAwareDataSource(), integration)
            .tableName(INTEGRATION_TABLE)
            .build();
    this.crmSync = crm.isPresent() ? new CrmSyncScheduler(integrationClient) : CrmSyncQueue.none();

    this.composer = new EmailComposer(renderer, config.sender(), links);
    this.sendLoop =
        SendLoop.create(
            db,
            plan,
            composer,
            new MeteredEmailSender(emailSender, metrics.events()),
            config.sequence(),
            crmSync,
            metrics.events(),
            clock,
            config.scheduler().pollInterval());
    this.intake =
        new LeadIntake(
            db, new Enroller(sendLoop), integrationClient, crmSync, crm, clock, metrics.events());
    this.control = new SequenceControl(db, plan, sendLoop, clock);
    this.suppressor = new ContactSuppressor(db, crmSync, clock);
    this.bookings = new BookingRecorder(db, integrationClient, crmSync, clock);
    this.replies = new ReplyRecorder(integrationClient, crmSync);
    this.privacy = new ContactPrivacy(db, crm.map(c -> integrationClient), clock);
  }

  /** How often each Notion template fell back to the static one, by key. */
  public Map<String, Long> templateFallbacks() {
    return notion.map(n -> n.fallbacks().snapshot()).orElse(Map.of());
  }
}
