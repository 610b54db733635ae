package ca.businessx.nurture.bench;

import ca.businessx.nurture.App;
import ca.businessx.nurture.email.resend.FakeResend;
import ca.businessx.nurture.platform.ConfigLoader;
import ca.businessx.nurture.platform.Database;
import ca.businessx.nurture.support.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Emails per second from due to accepted: N enrollments fall due at the same instant in the real
 * service (real scheduler, real clock) and their first emails go to a fake Resend with no rate
 * limit. Not a test; run it with {@code bench/dispatch}.
 *
 * <p>Arguments: {@code [emails=10000] [latencies-ms=0,50] [db=sqlite|postgresql]}.
 */
public final class DispatchBench {
  private static final Duration SEED_MARGIN = Duration.ofSeconds(3);

  /**
   * Emails sent once, unmeasured, before the measured runs; {@code -Dbench.warmup=0} for a cold
   * JVM.
   */
  private static final int WARM_UP = Integer.getInteger("bench.warmup", 10_000);

  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    String latencies = args.length > 1 ? args[1] : "0,50";
    String db = args.length > 2 ? args[2] : "sqlite";
    System.out.println(Machine.describe());
    if (WARM_UP > 0) {
      // A long-running service has its hot paths compiled; a first run would mostly time the JIT.
      System.out.println("warm-up (not counted): " + run(WARM_UP, Duration.ZERO, db));
    }
    List<String> results = new ArrayList<>();
    for (String latency : latencies.split(",")) {
      results.add(run(count, Duration.ofMillis(Long.parseLong(latency.strip())), db));
    }
    System.out.println();
    results.forEach(System.out::println);
    System.exit(0);
  }

  private static String run(int count, Duration latency, String db) throws Exception {
    Path dir = Files.createTempDirectory("nurture-bench");
    try (FakeResend fake = FakeResend.start().latency(latency);
        App app = App.builder(ConfigLoader.load(env(dir, fake, db))).start()) {
      Instant seeding = Instant.now();
      Instant due = seeding.plus(SEED_MARGIN);
      seed(app.database(), count, due);
      Duration seeded = Duration.between(seeding, Instant.now());
      if (Instant.now().isAfter(due)) {
        throw new IllegalStateException(
            "seeding took " + seeded + ", past the due time; raise SEED_MARGIN");
      }
      sleepUntil(due);
      long cpuAtDue = processCpuNanos();
      Instant first = null;
      Instant deadline = due.plus(Duration.ofMinutes(10));
      int accepted;
      while ((accepted = fake.deliveredCount()) < count) {
        if (first == null && accepted > 0) {
          first = Instant.now();
        }
        if (Instant.now().isAfter(deadline)) {
          throw new IllegalStateException(
              "only " + accepted + " of " + count + " accepted in 10 minutes");
        }
        Thread.sleep(2);
      }
      Duration took = Duration.between(due, Instant.now());
      double cpu = (processCpuNanos() - cpuAtDue) / 1e9;
      double rate = count / (took.toNanos() / 1e9);
      return String.format(
          "db=%s latency=%dms emails=%d requests=%d: first accepted after %d ms, all after %d ms: %.0f emails/s"
              + " (process CPU %.1f s, load average %.1f; seeded in %d ms)",
          db,
          latency.toMillis(),
          fake.deliveredCount(),
          fake.requests().size(),
          first == null ? took.toMillis() : Duration.between(due, first).toMillis(),
          took.toMillis(),
          rate,
          cpu,
          java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
          seeded.toMillis());
    } finally {
      deleteQuietly(dir);
    }
  }

  private static Map<String, String> env(Path dir, FakeResend fake, String db) {
    Map<String, String> env = new HashMap<>();
    if (db.startsWith("postgres")) {
      env.putAll(TestDatabases.env(TestDatabases.Kind.POSTGRESQL));
    }
    env.put("PORT", "0");
    env.put("NURTURE_DATA_DIR", dir.toString());
    env.put("RESEND_API_KEY", FakeResend.API_KEY);
    env.put("RESEND_API_URL", fake.baseUri().toString());
    // The fake has no limit; the client's pace is set to the highest it accepts.
    env.put("RESEND_RATE_LIMIT", "1000");
    env.put("EMAIL_FROM", "Nurture <hello@" + FakeResend.VERIFIED_DOMAIN + ">");
    return env;
  }

  /** Contacts and enrollments, all due at {@code due}, in one transaction. */
  private static void seed(Database db, int count, Instant due) {
    String[] segments = {"CRITICAL", "URGENT", "OPTIMIZE"};
    long now = Instant.now().toEpochMilli();
    db.inTransaction(
        h -> {
          var contacts =
              h.prepareBatch(
                  "insert into contacts (id, email, name, first_name, business_name, segment, red_systems,"
                      + " orange_systems, yellow_systems, green_systems, assessment_score, signed_up_at,"
                      + " assessed_at, updated_at) values (:id, :email, :name, :first, 'Bench Plumbing', :segment,"
                      + " 1, 1, 1, 1, 50, :now, :now, :now)");
          var enrollments =
              h.prepareBatch(
                  "insert into enrollments (id, contact_id, state, current_step, started_at, next_due_at,"
                      + " step_due_at, updated_at) values (:id, :contact, 'ACTIVE', 1, :due, :due, :due,"
                      + " :now)");
          for (int i = 0; i < count; i++) {
            String contact = UUID.randomUUID().toString();
            String enrollment = UUID.randomUUID().toString();
            contacts
                .bind("id", contact)
                .bind("email", "bench" + i + "@example.ca")
                .bind("name", "Lead " + i)
                .bind("first", "Lead")
                .bind("segment", segments[i % 3])
                .bind("now", now)
                .add();
            enrollments
                .bind("id", enrollment)
                .bind("contact", contact)
                .bind("due", due.toEpochMilli())
                .bind("now", now)
                .add();
          }
          contacts.execute();
          enrollments.execute();
          return null;
        });
  }

  /** CPU time of this whole JVM: the service and the fake provider together. */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static void sleepUntil(Instant at) throws InterruptedException {
    long millis = Duration.between(Instant.now(), at).toMillis();
    if (millis > 0) {
      Thread.sleep(millis);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temp dir left behind is harmless
    }
  }

  /** The command line and the machine, printed with every result. */
  static final class Machine {
    static String describe() throws IOException {
      String memory =
          Files.readAllLines(Path.of("/proc/meminfo")).stream()
              .filter(l -> l.startsWith("MemTotal"))
              .findFirst()
              .orElse("MemTotal: ?")
              .replaceAll("\\s+", " ");
      String cpu =
          Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
              .filter(l -> l.startsWith("model name"))
              .findFirst()
              .orElse("model name: ?")
              .replaceAll("^model name\\s*:\\s*", "");
      String command =
          System.getProperty(
              "bench.command", ProcessHandle.current().info().commandLine().orElse("?"));
      return "command: "
          + command
          + "\n"
          + "machine: nproc="
          + Runtime.getRuntime().availableProcessors()
          + ", "
          + memory
          + ", cpu "
          + cpu
          + ", java "
          + Runtime.version()
          + ", max heap "
          + Runtime.getRuntime().maxMemory() / (1024 * 1024)
          + " MiB";
    }
  }
}
