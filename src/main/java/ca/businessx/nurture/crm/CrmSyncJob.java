package ca.businessx.nurture.crm;

import ca.businessx.nurture.contact.ContactCrm;
import ca.businessx.nurture.contact.CrmContact;
import ca.businessx.nurture.contact.CrmException;
import ca.businessx.nurture.contact.LocaleDefaults;
import ca.businessx.nurture.platform.Config;
import ca.businessx.nurture.platform.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings one contact's CRM record up to date. Transient failures retry a few times, then the
 * contact stays marked out of sync and is tried again later, for as long as it takes. A permanent
 * refusal (bad key, missing database, invalid value) is logged once per kind and not retried in a
 * loop; the next change of the contact, or a restart, tries again.
 */
final class CrmSyncJob {
  private static final Logger log = LoggerFactory.getLogger(CrmSyncJob.class);
  // A Notion id, with or without hyphens.
  private static final Pattern ID =
      Pattern.compile(
          "\\b\\p{XDigit}{8}-?\\p{XDigit}{4}-?\\p{XDigit}{4}-?\\p{XDigit}{4}-?\\p{XDigit}{12}\\b");

  private final Database db;
  private final ContactCrm crm;
  private final Config.Crm settings;
  private final Clock clock;
  private final CrmSyncRepository repository = new CrmSyncRepository();
  private final Set<String> reported = ConcurrentHashMap.newKeySet();
  private final Runnable accepted;
  private final LocaleDefaults locales;
  private final ca.businessx.nurture.engagement.Engagements engagements;

  /**
   * @param accepted told after each sync the CRM accepted
   */
  CrmSyncJob(
      Database db,
      ContactCrm crm,
      Config.Crm settings,
      ca.businessx.nurture.engagement.Engagements engagements,
      Clock clock,
      Runnable accepted,
      LocaleDefaults locales) {
    this.locales = locales;
    this.db = db;
    this.engagements = engagements;
    this.crm = crm;
    this.settings = settings;
    this.clock = clock;
    this.accepted = accepted;
  }

  /** Answers when to run again, or empty when the contact is in sync or cannot be synced. */
  Optional<Instant> sync(String contactId) {
    Optional<CrmSnapshot> found = db.withHandle(h -> repository.snapshot(h, contactId));
    if (found.isEmpty() || found.get().inSync()) {
      return Optional.empty();
    }
    CrmSnapshot snapshot = found.get();
    // The score as of this sync; it decays here, and Notion shows it as of the last change.
    var standing = db.withHandle(h -> engagements.standing(h, contactId, clock.instant()));
    CrmContact wanted = snapshot.toCrm(locales, standing);
    try {
      CrmContact stored = crm.upsert(wanted, snapshot.pageId());
      accepted.run();
      Instant now = clock.instant();
      int latest =
          db.inTransaction(
              h -> {
                repository.markSynced(
                    h,
                    contactId,
                    snapshot.version(),
                    wanted.sequenceStatus(),
                    stored.pageId(),
                    stored.url(),
                    now);
                return repository.version(h, contactId);
              });
      log.debug("contact {} synced to {} at version {}", contactId, crm.name(), snapshot.version());
      return latest > snapshot.version() ? Optional.of(now) : Optional.empty();
    } catch (CrmException e) {
      return failed(contactId, snapshot, e);
    }
  }

  private Optional<Instant> failed(String contactId, CrmSnapshot snapshot, CrmException e) {
    Instant now = clock.instant();
    int attempts = snapshot.attempts() + 1;
    db.withHandle(
        h -> {
          repository.markFailed(h, contactId, attempts, e.getMessage());
          return null;
        });
    if (!e.isTransient()) {
      String kind = e.getClass().getSimpleName() + ":" + kindOf(e.getMessage());
      if (reported.add(kind)) {
        log.error(
            "{} refused to sync contact {} and will not be retried until it changes: {}",
            crm.name(),
            contactId,
            e.getMessage());
      }
      return Optional.empty();
    }
    if (attempts <= settings.retries()) {
      Duration wait =
          e.retryAfter()
              .filter(d -> d.compareTo(settings.retryDelay()) > 0)
              .orElse(settings.retryDelay());
      log.info(
          "sync of contact {} failed ({}), retry {} in {}",
          contactId,
          e.getMessage(),
          attempts,
          wait);
      return Optional.of(now.plus(wait));
    }
    log.warn(
        "contact {} stays out of sync with {} after {} tries ({}); trying again in {}",
        contactId,
        crm.name(),
        attempts,
        e.getMessage(),
        settings.resyncInterval());
    return Optional.of(now.plus(settings.resyncInterval()));
  }

  /** The refusal without the record it names, so refusing every contact's page is one kind. */
  private static String kindOf(String message) {
    return message == null ? "" : ID.matcher(message).replaceAll("{id}");
  }
}
