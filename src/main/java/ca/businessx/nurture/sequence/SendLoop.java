package ca.businessx.nurture.sequence;

import ca.businessx.nurture.email.BatchOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way due email gets sent: claim a batch, draft it, send it, record it, again while there
 * is work; then sleep until the poll interval passes or this process says something fell due now
 * ({@link #dueNow}). Each worker thread runs the same loop on its own batches, and so does every
 * node: the claim is all the coordination there is.
 *
 * <p>A crash anywhere loses nothing: a batch not recorded keeps its claim until the lease ends, and
 * is then taken over whole and sent again under the same keys.
 */
public final class SendLoop implements DueNudge {
  private static final Logger log = LoggerFactory.getLogger(SendLoop.class);
  private static final int MAX_ROUNDS_PER_DRAIN = 100_000;

  private final DueClaimer claimer;
  private final BatchDrafter drafter;
  private final BatchSender sender;
  private final BatchRecorder recorder;
  private final Clock clock;
  private final int batchSize;
  private final Duration lease;
  private final Duration pollInterval;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition nudged = lock.newCondition();
  private final List<Thread> workers = new ArrayList<>();
  private volatile boolean running;
  private long nudges;

  SendLoop(
      DueClaimer claimer,
      BatchDrafter drafter,
      BatchSender sender,
      BatchRecorder recorder,
      Clock clock,
      int batchSize,
      Duration lease,
      Duration pollInterval) {
    this.claimer = claimer;
    this.drafter = drafter;
    this.sender = sender;
    this.recorder = recorder;
    this.clock = clock;
    this.batchSize = batchSize;
    this.lease = lease;
    this.pollInterval = pollInterval;
  }

  /** The pipeline's stages on one database, sending through {@code emailSender}. */
  public static SendLoop create(
      ca.businessx.nurture.platform.Database db,
      SequenceVersions versions,
      EmailComposer composer,
      ca.businessx.nurture.email.EmailSender emailSender,
      ca.businessx.nurture.platform.Config.Sequence settings,
      ca.businessx.nurture.contact.CrmSyncQueue crmSync,
      ca.businessx.nurture.events.NurtureEvents events,
      Clock clock,
      Duration pollInterval,
      SendHours hours) {
    return new SendLoop(
        new DueClaimer(db),
        new BatchDrafter(db, versions, composer, hours),
        new BatchSender(emailSender),
        new BatchRecorder(db, versions, crmSync, events, settings, emailSender.name()),
        clock,
        settings.batchSize(),
        settings.sendLease(),
        pollInterval);
  }

  /** Claims, drafts, sends and records one batch; answers how many enrollments it held. */
  public int runOnce() {
    Instant now = clock.instant();
    Optional<DueClaimer.Claim> claim = claimer.claim(now, batchSize, lease);
    if (claim.isEmpty()) {
      return 0;
    }
    SendBatch batch = drafter.draft(claim.get(), now);
    List<BatchOutcome> outcomes = sender.send(batch);
    recorder.record(batch, outcomes, clock.instant());
    return claim.get().members().size();
  }

  /** Runs batches until nothing is due now (tests and tools step time and call this). */
  public void runDue() {
    for (int round = 0; round < MAX_ROUNDS_PER_DRAIN && runOnce() > 0; round++) {
      // each round claims its own batch
    }
  }

  @Override
  public void dueNow() {
    lock.lock();
    try {
      nudges++;
      nudged.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Starts {@code threads} workers. */
  public synchronized void start(int threads) {
    running = true;
    for (int i = 0; i < threads; i++) {
      Thread t = Thread.ofPlatform().name("send-loop-" + i).daemon(true).unstarted(this::work);
      workers.add(t);
      t.start();
    }
  }

  /** Stops the workers after their current batch. */
  public synchronized void stop() {
    running = false;
    dueNow();
    for (Thread t : workers) {
      try {
        t.join(Duration.ofSeconds(30));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    workers.clear();
  }

  private void work() {
    while (running) {
      long seen = nudgeCount();
      int held;
      try {
        held = runOnce();
      } catch (RuntimeException e) {
        // Database down, a bug: the claim's lease brings the batch back; try again after a pause.
        log.warn("send loop round failed: {}", e.toString());
        held = 0;
      }
      if (held == 0) {
        sleep(seen);
      }
    }
  }

  private long nudgeCount() {
    lock.lock();
    try {
      return nudges;
    } finally {
      lock.unlock();
    }
  }

  /** Waits out the poll interval, unless nudged since {@code seen}. */
  private void sleep(long seen) {
    lock.lock();
    try {
      long left = pollInterval.toNanos();
      while (running && nudges == seen && left > 0) {
        left = nudged.awaitNanos(left);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    } finally {
      lock.unlock();
    }
  }

  /** For tests and tools: the lease a batch is held for. */
  public Duration lease() {
    return lease;
  }
}
