package ca.businessx.nurture.bench;

import ca.businessx.nurture.email.resend.FakeResend;
import ca.businessx.nurture.platform.Config;
import ca.businessx.nurture.platform.ConfigLoader;
import ca.businessx.nurture.platform.Database;
import ca.businessx.nurture.support.ServiceProcess;
import ca.businessx.nurture.support.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Worker nodes (the service as separate JVMs, role worker, production scheduler settings) send the
 * first email of seeded leads whose steps fall due at chosen instants, to a fake Resend in this JVM
 * with no latency and no rate limit; the figures come from the emails' due_at and sent_at.
 */
final class DueRun {
  /**
   * Leads sent before the measured ones, unmeasured, so the worker JVMs are measured compiled and
   * warm, as a node that has been running is ({@code -Dbench.warmup}, 0 for a cold start).
   */
  static final int WARM_UP_LEADS = Integer.getInteger("bench.warmup", 5000);

  record Figures(
      int emails,
      Instant firstDue,
      Instant lastDue,
      Instant lastSent,
      long[] lagsMillis,
      Map<String, Integer> byNode,
      CpuUse cpu) {
    double seconds() {
      return Duration.between(firstDue, lastSent).toMillis() / 1000.0;
    }

    long lag(double percentile) {
      return percentile(lagsMillis, percentile);
    }

    Figures withCpu(CpuUse use) {
      return new Figures(emails, firstDue, lastDue, lastSent, lagsMillis, byNode, use);
    }

    private static long percentile(long[] sorted, double percentile) {
      return sorted.length == 0
          ? -1
          : sorted[
              (int) Math.min(sorted.length - 1, Math.ceil(percentile / 100 * sorted.length) - 1)];
    }
  }

  private DueRun() {}

  static Figures run(
      TestDatabases.Kind kind, int workers, int leads, Duration spacing, Duration margin)
      throws Exception {
    return run(kind, workers, leads, spacing, margin, Duration.ZERO);
  }

  /**
   * @param latency how long the fake provider takes per call
   */
  static Figures run(
      TestDatabases.Kind kind,
      int workers,
      int leads,
      Duration spacing,
      Duration margin,
      Duration latency)
      throws Exception {
    Path dir = Files.createTempDirectory("nurture-due");
    try (FakeResend fake = FakeResend.start().latency(latency)) {
      Map<String, String> env = new HashMap<>(TestDatabases.env(kind));
      env.put("NURTURE_DATA_DIR", dir.resolve("data").toString());
      env.put("SEQUENCE_WAITS", "PT24H,PT24H,PT24H,PT24H");
      env.put("RESEND_API_KEY", FakeResend.API_KEY);
      env.put("RESEND_API_URL", fake.baseUri().toString());
      env.put("RESEND_RATE_LIMIT", "1000");
      env.put("EMAIL_FROM", "Nurture <hello@" + FakeResend.VERIFIED_DOMAIN + ">");
      env.put("SENDER_NAME", "Nurture Bench");
      env.put("SENDER_ADDRESS", "1 Bench Street, Ottawa ON");
      env.put("SENDER_CONTACT", "hello@" + FakeResend.VERIFIED_DOMAIN);
      env.put("PUBLIC_BASE_URL", "http://localhost:8000");
      // e.g. -Dbench.env=SCHEDULER_POLL_INTERVAL=PT0.25S,SCHEDULER_THREADS=12 to try other settings
      for (String setting : System.getProperty("bench.env", "").split(",")) {
        if (setting.contains("=")) {
          env.put(
              setting.substring(0, setting.indexOf('=')),
              setting.substring(setting.indexOf('=') + 1));
        }
      }
      Config config = ConfigLoader.load(env);
      try (Database db = Database.open(config.db(), config.dataDir(), "bench")) {
        db.migrate();
      }
      List<ServiceProcess> nodes = new ArrayList<>();
      try {
        for (int i = 1; i <= workers; i++) {
          Map<String, String> own = new HashMap<>(env);
          own.put("NURTURE_NODE_NAME", "worker-" + i);
          Path work = Files.createDirectories(dir.resolve("worker-" + i));
          nodes.add(
              new ServiceProcess(work, own)
                  .args("--role=worker")
                  .jvmOptions(BenchMachine.serviceJvmOptions())
                  .start());
        }
        if (WARM_UP_LEADS > 0) {
          Instant warmDue = Instant.now();
          Seeder.seed(config, WARM_UP_LEADS, warmDue, Duration.ZERO);
          await(config, WARM_UP_LEADS, warmDue);
        }
        Instant firstDue = Instant.now().plus(margin);
        Seeder.seed(config, leads, firstDue, spacing);
        if (Instant.now().isAfter(firstDue)) {
          throw new IllegalStateException(
              "seeding ended after the first due time; raise the margin");
        }
        List<Long> pids = nodes.stream().map(ServiceProcess::pid).toList();
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), firstDue).toMillis()));
        CpuUse.Reading before = CpuUse.read(pids);
        Figures f = await(config, leads, firstDue);
        return f.withCpu(CpuUse.between(before, CpuUse.read(pids)));
      } finally {
        nodes.forEach(ServiceProcess::close);
      }
    }
  }

  /** Waits for the leads due from {@code since} on to be sent, and measures them. */
  private static Figures await(Config config, int leads, Instant since) throws Exception {
    try (Database db = Database.open(config.db(), config.dataDir(), "bench")) {
      Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
      while (db.withHandle(
              h ->
                  h.createQuery(
                          "select count(*) from emails where state = 'SENT' and due_at >= :since")
                      .bind("since", since.toEpochMilli())
                      .mapTo(Integer.class)
                      .one())
          < leads) {
        if (Instant.now().isAfter(deadline)) {
          throw new IllegalStateException("not all emails sent within 5 minutes");
        }
        Thread.sleep(100);
      }
      long[] lags =
          db
              .withHandle(
                  h ->
                      h.createQuery(
                              "select sent_at - due_at from emails where state = 'SENT' and due_at >= :since order by 1")
                          .bind("since", since.toEpochMilli())
                          .mapTo(Long.class)
                          .list())
              .stream()
              .mapToLong(Long::longValue)
              .toArray();
      long lastSent =
          db.withHandle(
              h ->
                  h.createQuery("select max(sent_at) from emails where due_at >= :since")
                      .bind("since", since.toEpochMilli())
                      .mapTo(Long.class)
                      .one());
      long lastDue =
          db.withHandle(
              h ->
                  h.createQuery("select max(due_at) from emails where due_at >= :since")
                      .bind("since", since.toEpochMilli())
                      .mapTo(Long.class)
                      .one());
      Map<String, Integer> byNode = new HashMap<>();
      db.useHandle(
          h ->
              h.createQuery(
                      "select sent_by, count(*) from emails where due_at >= :since group by sent_by")
                  .bind("since", since.toEpochMilli())
                  .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getInt(2)))
                  .forEach(e -> byNode.put(e.getKey(), e.getValue())));
      return new Figures(
          lags.length,
          since,
          Instant.ofEpochMilli(lastDue),
          Instant.ofEpochMilli(lastSent),
          lags,
          byNode,
          null);
    }
  }
}
