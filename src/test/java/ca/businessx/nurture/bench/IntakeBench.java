package ca.businessx.nurture.bench;

import ca.businessx.nurture.Wiring;
import ca.businessx.nurture.contact.Signup;
import ca.businessx.nurture.platform.Config;
import ca.businessx.nurture.platform.ConfigLoader;
import ca.businessx.nurture.platform.Database;
import ca.businessx.nurture.support.ServiceProcess;
import ca.businessx.nurture.support.TestDatabases;
import ch.qos.logback.classic.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.LoggerFactory;

/**
 * Webhook intake through HTTP, measured by wrk in its own process against a web node (the service
 * as its own JVM, so intake is measured without the scheduler's work), with the two limits taken in
 * the same run: the same server answering {@code /health/live}, and the same signup writes issued
 * in-process over JDBC (LeadIntake, no HTTP) at the same concurrency on a fresh database. Not a
 * test; run it with {@code bench/intake}.
 */
public final class IntakeBench {
  public static void main(String[] args) throws Exception {
    Map<String, String> o = BenchMachine.options(args);
    List<String> dbs = List.of(o.getOrDefault("db", "sqlite,postgresql").split(","));
    int connections = Integer.parseInt(o.getOrDefault("connections", "32"));
    int seconds = Integer.parseInt(o.getOrDefault("seconds", "10"));
    String sync = o.getOrDefault("sqlite-sync", "FULL");
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("ca.businessx.nurture"))
        .setLevel(Level.WARN);
    System.out.println(BenchMachine.describe());
    List<String> report = new ArrayList<>();
    for (String db : dbs) {
      report.addAll(
          run(TestDatabases.Kind.valueOf(db.strip().toUpperCase()), connections, seconds, sync));
    }
    System.out.println();
    System.out.println("$ " + BenchMachine.command());
    System.out.println(BenchMachine.describe());
    report.forEach(System.out::println);
    System.exit(0);
  }

  private static List<String> run(
      TestDatabases.Kind kind, int connections, int seconds, String sync) throws Exception {
    Path dir = Files.createTempDirectory("nurture-intake");
    Wrk wrk = new Wrk(dir, 2, connections);
    String label =
        kind == TestDatabases.Kind.SQLITE ? "sqlite (synchronous=" + sync + ")" : "postgresql";
    Map<String, String> env = new HashMap<>(TestDatabases.env(kind));
    env.put("NURTURE_DATA_DIR", dir.resolve("data").toString());
    env.put("NURTURE_SQLITE_SYNC", sync);
    Wrk.Result trivial;
    Wrk.Result signup;
    Wrk.Result assessment;
    try (ServiceProcess web = service(dir, env).start()) {
      System.out.printf(
          "%s: web node up in %d ms; warming up%n", label, web.startedIn().toMillis());
      wrk.get("warm-up", web.port, "/health/live", 3);
      wrk.signups("warm-up", web.port, "warm", 4);
      wrk.assessments("warm-up", web.port, "warm", 2);
      trivial = wrk.get("GET /health/live (trivial)", web.port, "/health/live", seconds);
      System.out.println(trivial.line());
      signup = wrk.signups("POST /webhook/signup", web.port, "run", seconds);
      System.out.println(signup.line());
      assessment = wrk.assessments("POST /webhook/assessment", web.port, "run", seconds);
      System.out.println(assessment.line());
      System.out.printf("service RSS after the run: %d MiB%n", BenchMachine.rssMiB(web.pid()));
    }
    Map<String, String> limitEnv = new HashMap<>(TestDatabases.env(kind));
    limitEnv.put("NURTURE_DATA_DIR", dir.resolve("limit").toString());
    limitEnv.put("NURTURE_SQLITE_SYNC", sync);
    double limit = inProcessSignups(ConfigLoader.load(limitEnv), connections, seconds);
    List<String> lines = new ArrayList<>();
    lines.add("intake on " + label + ", " + connections + " connections, " + seconds + " s each:");
    lines.add("  " + trivial.line());
    lines.add("  " + signup.line());
    lines.add("  " + assessment.line());
    lines.add(String.format("  %-34s %9.0f signups/s", "same writes in-process over JDBC", limit));
    lines.add(
        String.format(
            "  signups / trivial endpoint = %.0f%%, signups / database limit = %.0f%%",
            100 * signup.rate() / trivial.rate(), 100 * signup.rate() / limit));
    lines.forEach(System.out::println);
    return lines;
  }

  private static ServiceProcess service(Path dir, Map<String, String> env) {
    return new ServiceProcess(dir, env)
        .args("--role=web")
        .jvmOptions(BenchMachine.serviceJvmOptions());
  }

  /** Signups per second through LeadIntake on its own database, no HTTP; after a warm-up. */
  private static double inProcessSignups(Config config, int threads, int seconds) throws Exception {
    try (Database db = Database.open(config.db(), config.dataDir(), "bench")) {
      db.migrate();
      Wiring w = new Wiring(config, db, Clock.systemUTC(), null, null);
      signupsFor(w, threads, 3, "warm");
      return signupsFor(w, threads, seconds, "run") / (double) seconds;
    }
  }

  private static long signupsFor(Wiring w, int threads, int seconds, String run) throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong done = new AtomicLong();
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      for (int t = 0; t < threads; t++) {
        int thread = t;
        pool.submit(
            () -> {
              for (int n = 1; !stop.get(); n++) {
                w.intake.signup(
                    new Signup(
                        run + "-" + thread + "-" + n + "@limit.example",
                        "Ana Tremblay",
                        "Ana",
                        "Tremblay Plumbing"));
                done.incrementAndGet();
              }
              return null;
            });
      }
      Thread.sleep(seconds * 1000L);
      stop.set(true);
    }
    return done.get();
  }
}
