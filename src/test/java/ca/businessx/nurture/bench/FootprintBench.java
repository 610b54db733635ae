package ca.businessx.nurture.bench;

import ca.businessx.nurture.platform.Config;
import ca.businessx.nurture.platform.ConfigLoader;
import ca.businessx.nurture.platform.Database;
import ca.businessx.nurture.support.Http;
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
import java.util.stream.Stream;

/**
 * Footprint: a database holding 100,000 active enrollments (none due for a day), then the service
 * (role all, the JVM options given, default -Xmx256m) started on it: time from launching the JVM to
 * ready, resident memory at ready and after a minute of work (polling, scrapes of /metrics and the
 * console overview), and the database's size. With {@code --image=target/package/image/nurture}
 * (what {@code bin/package} builds) it starts the packaged launcher instead, first {@code --rounds}
 * times each without and with the package's AOT cache, alternating, for ready-to-serve before and
 * after. Not a test; run it with {@code bench/footprint}.
 */
public final class FootprintBench {
  public static void main(String[] args) throws Exception {
    Map<String, String> o = BenchMachine.options(args);
    int enrollments = Integer.parseInt(o.getOrDefault("enrollments", "100000"));
    TestDatabases.Kind kind =
        TestDatabases.Kind.valueOf(o.getOrDefault("db", "sqlite").toUpperCase());
    int seconds = Integer.parseInt(o.getOrDefault("seconds", "60"));
    String[] jvm = o.getOrDefault("jvm", "-Xmx256m").split("\\s+");
    System.out.println(BenchMachine.describe());
    Path dir = Files.createTempDirectory("nurture-footprint");
    Map<String, String> env = new HashMap<>(TestDatabases.env(kind));
    env.put("NURTURE_DATA_DIR", dir.resolve("data").toString());
    Config config = ConfigLoader.load(env);
    Instant seeding = Instant.now();
    Seeder.seed(config, enrollments, Instant.now().plus(Duration.ofDays(1)), Duration.ZERO);
    System.out.printf(
        "seeded %d enrollments in %d s%n",
        enrollments, Duration.between(seeding, Instant.now()).toSeconds());
    List<String> lines = new ArrayList<>();
    Path launcher =
        o.containsKey("image") ? Path.of(o.get("image"), "bin", "nurture").toAbsolutePath() : null;
    if (launcher != null) {
      lines.addAll(
          startups(launcher, env, jvm, dir, Integer.parseInt(o.getOrDefault("rounds", "3"))));
    }
    if (launcher == null) {
      lines.add(againstTrivial(env, jvm, dir, Integer.parseInt(o.getOrDefault("rounds", "3"))));
    }
    Path work = Files.createDirectories(dir.resolve("node"));
    ServiceProcess service = new ServiceProcess(work, env).jvmOptions(jvm);
    if (launcher != null) {
      service.launcher(launcher);
    }
    try (ServiceProcess node = service.start()) {
      long atReady = BenchMachine.rssMiB(node.pid());
      lines.add(
          String.format(
              "ready %d ms after launching the JVM; RSS at ready %d MiB",
              node.startedIn().toMillis(), atReady));
      System.out.println(lines.getLast());
      Http http = node.http();
      long peak = atReady;
      Instant end = Instant.now().plusSeconds(seconds);
      while (Instant.now().isBefore(end)) {
        check(http.get("/metrics"));
        check(http.get("/console"));
        check(http.get("/health/ready"));
        peak = Math.max(peak, BenchMachine.rssMiB(node.pid()));
        Thread.sleep(1000);
      }
      long after = BenchMachine.rssMiB(node.pid());
      lines.add(
          String.format(
              "RSS after %d s of polling and a /metrics + /console scrape per second: %d MiB (peak %d MiB)",
              seconds, after, peak));
      System.out.println(lines.getLast());
    }
    lines.add(
        String.format(
            "database with %d active enrollments: %s", enrollments, size(kind, config, dir)));
    System.out.println();
    System.out.println("$ " + BenchMachine.command());
    System.out.println(BenchMachine.describe());
    System.out.println(
        "footprint on "
            + kind.name().toLowerCase()
            + ", service JVM options "
            + String.join(" ", jvm)
            + ":");
    lines.forEach(l -> System.out.println("  " + l));
    System.exit(0);
  }

  /** Ready times from the packaged launcher with the AOT cache turned off and on, alternately. */
  private static List<String> startups(
      Path launcher, Map<String, String> env, String[] jvm, Path dir, int rounds) throws Exception {
    Map<Boolean, List<Long>> ready =
        new HashMap<>(Map.of(false, new ArrayList<>(), true, new ArrayList<>()));
    Map<Boolean, List<Long>> rss =
        new HashMap<>(Map.of(false, new ArrayList<>(), true, new ArrayList<>()));
    for (int round = 0; round < rounds; round++) {
      for (boolean aot : round % 2 == 0 ? List.of(false, true) : List.of(true, false)) {
        List<String> options = new ArrayList<>(List.of(jvm));
        if (!aot) {
          options.add("-XX:AOTMode=off");
        }
        Path work = Files.createDirectories(dir.resolve("start-" + round + "-" + aot));
        try (ServiceProcess node =
            new ServiceProcess(work, env)
                .launcher(launcher)
                .jvmOptions(options.toArray(String[]::new))
                .start()) {
          ready.get(aot).add(node.startedIn().toMillis());
          rss.get(aot).add(BenchMachine.rssMiB(node.pid()));
          System.out.printf(
              "start %d %s AOT cache: ready in %d ms, RSS %d MiB%n",
              round + 1,
              aot ? "with" : "without",
              ready.get(aot).getLast(),
              rss.get(aot).getLast());
        }
      }
    }
    long before = median(ready.get(false));
    long after = median(ready.get(true));
    return List.of(
        String.format(
            "packaged launcher, ready after launch: without the AOT cache median %d ms %s, with it"
                + " median %d ms %s: %.2fx faster",
            before, ready.get(false), after, ready.get(true), (double) before / after),
        String.format(
            "RSS at ready: without %d MiB, with %d MiB (medians)",
            median(rss.get(false)), median(rss.get(true))));
  }

  /**
   * The service's launch → first 200 from /health beside a trivial JVM's (TrivialServer), started
   * in alternation under the same load: the ratio is what holds from one hour to the next.
   */
  private static String againstTrivial(Map<String, String> env, String[] jvm, Path dir, int rounds)
      throws Exception {
    List<Long> service = new ArrayList<>();
    List<Long> trivial = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      trivial.add(trivialStart(jvm));
      Path work = Files.createDirectories(dir.resolve("start-" + round));
      try (ServiceProcess node = new ServiceProcess(work, env).jvmOptions(jvm).start()) {
        service.add(node.startedIn().toMillis());
      }
      System.out.printf(
          "start %d: trivial JVM ready in %d ms, service in %d ms%n",
          round + 1, trivial.getLast(), service.getLast());
    }
    long s = median(service);
    long t = median(trivial);
    return String.format(
        "launch -> first 200 from /health: service median %d ms %s, trivial JVM median %d ms %s:"
            + " %.1fx the trivial start",
        s, service, t, trivial, (double) s / t);
  }

  private static long trivialStart(String[] jvm) throws Exception {
    int port;
    try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
      port = free.getLocalPort();
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(jvm));
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            TrivialServer.class.getName(),
            Integer.toString(port)));
    long began = System.nanoTime();
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      Http http = new Http(port);
      while (true) {
        try {
          if (http.get("/health").status() == 200) {
            return Duration.ofNanos(System.nanoTime() - began).toMillis();
          }
        } catch (RuntimeException notYet) {
          // not listening yet
        }
        if (!p.isAlive()) {
          throw new IllegalStateException("the trivial server exited with " + p.exitValue());
        }
        Thread.sleep(10);
      }
    } finally {
      p.destroyForcibly().waitFor();
    }
  }

  private static long median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  private static void check(Http.Response r) {
    if (r.status() != 200) {
      throw new IllegalStateException("answered " + r.status() + ": " + r.body());
    }
  }

  private static String size(TestDatabases.Kind kind, Config config, Path dir) throws Exception {
    if (kind == TestDatabases.Kind.SQLITE) {
      long bytes;
      try (Stream<Path> files = Files.list(dir.resolve("data"))) {
        bytes = files.mapToLong(p -> p.toFile().length()).sum();
      }
      return String.format("%.1f MiB (SQLite file, WAL and shared memory)", bytes / 1048576.0);
    }
    try (Database db = Database.open(config.db(), config.dataDir(), "bench")) {
      long bytes =
          db.withHandle(
              h ->
                  h.createQuery(
                          "select coalesce(sum(pg_total_relation_size(c.oid)), 0) from pg_class c"
                              + " join pg_namespace n on n.oid = c.relnamespace where n.nspname = current_schema() and c.relkind = 'r'")
                      .mapTo(Long.class)
                      .one());
      return String.format("%.1f MiB (tables with their indexes and TOAST)", bytes / 1048576.0);
    }
  }
}
