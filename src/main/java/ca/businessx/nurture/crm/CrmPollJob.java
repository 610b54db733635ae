package ca.businessx.nurture.crm;

import ca.businessx.nurture.contact.ContactCrm;
import ca.businessx.nurture.contact.ContactRepository;
import ca.businessx.nurture.contact.CrmContact;
import ca.businessx.nurture.contact.CrmException;
import ca.businessx.nurture.platform.Database;
import ca.businessx.nurture.sequence.SequenceStopper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets people steer from the CRM: records edited since the last poll whose sequence status is
 * Stopped stop that lead's sequence here. Windows overlap by a minute because the CRM rounds edit
 * times down to the minute; stopping twice is harmless. A permanent refusal (bad key, database not
 * shared) is reported once and pauses polling until a sync gets through again, or a restart, so a
 * refused key is not asked every minute.
 */
final class CrmPollJob {
  static final String CURSOR = "crm.poll.since";
  private static final Duration OVERLAP = Duration.ofMinutes(1);
  private static final Logger log = LoggerFactory.getLogger(CrmPollJob.class);

  private final Database db;
  private final ContactCrm crm;
  private final Clock clock;
  private final CrmSyncRepository repository = new CrmSyncRepository();
  private final ContactRepository contacts = new ContactRepository();
  private final SequenceStopper stopper = new SequenceStopper();
  private volatile boolean refused;
  private volatile String reported;

  CrmPollJob(Database db, ContactCrm crm, Clock clock) {
    this.db = db;
    this.crm = crm;
    this.clock = clock;
  }

  /** The CRM accepted a call again: the next poll asks it once more. */
  void resume() {
    refused = false;
  }

  void poll() {
    if (refused) {
      return;
    }
    Instant started = clock.instant();
    Instant since =
        db.withHandle(h -> repository.state(h, CURSOR))
            .map(Instant::parse)
            .orElse(started.minus(Duration.ofMinutes(5)))
            .minus(OVERLAP);
    List<CrmContact> edited;
    try {
      edited = crm.editedSince(since);
    } catch (CrmException e) {
      if (e.isTransient()) {
        log.info(
            "could not poll {} for changes ({}); next poll tries again",
            crm.name(),
            e.getMessage());
      } else {
        refused = true;
        if (!e.getMessage().equals(reported)) {
          reported = e.getMessage();
          log.error(
              "{} refused the poll for stops; polling pauses until a sync gets through or a restart: {}",
              crm.name(),
              e.getMessage());
        }
      }
      return;
    }
    reported = null;
    int stopped = 0;
    for (CrmContact page : edited) {
      if ("Stopped".equals(page.sequenceStatus()) && page.email() != null && stop(page)) {
        stopped++;
      }
    }
    db.withHandle(
        h -> {
          repository.saveState(h, CURSOR, started.toString());
          return null;
        });
    if (stopped > 0) {
      log.info("stopped {} sequence(s) marked Stopped in {}", stopped, crm.name());
    }
  }

  private boolean stop(CrmContact page) {
    return db.inTransaction(
        h ->
            contacts
                .findByEmail(h, page.email().trim().toLowerCase())
                .map(
                    c -> {
                      Instant now = clock.instant();
                      boolean done = stopper.stop(h, c.id(), "stopped in " + crm.name(), now);
                      h.createUpdate(
                              "update contacts set crm_status_synced = 'Stopped' where id = :id")
                          .bind("id", c.id())
                          .execute();
                      return done;
                    })
                .orElse(false));
  }
}
