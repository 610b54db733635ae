package ca.businessx.nurture.bench;

import ca.businessx.nurture.support.TestDatabases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Dispatch across nodes: N leads fall due at one instant on PostgreSQL; one worker node sends their
 * first emails, then (on a fresh schema) two do; emails/s from due to accepted by a fake Resend
 * with no latency. Not a test; run it with {@code bench/dispatch-workers}.
 */
public final class DispatchWorkersBench {
  public static void main(String[] args) throws Exception {
    Map<String, String> o = BenchMachine.options(args);
    int leads = Integer.parseInt(o.getOrDefault("emails", "10000"));
    TestDatabases.Kind kind =
        TestDatabases.Kind.valueOf(o.getOrDefault("db", "postgresql").toUpperCase());
    Duration latency = Duration.ofMillis(Long.parseLong(o.getOrDefault("latency-ms", "0")));
    System.out.println(BenchMachine.describe());
    List<String> lines = new ArrayList<>();
    double one = 0;
    for (int workers : new int[] {1, 2}) {
      DueRun.Figures f =
          DueRun.run(kind, workers, leads, Duration.ZERO, Duration.ofSeconds(12), latency);
      double rate = f.emails() / f.seconds();
      if (workers == 1) {
        one = rate;
      }
      lines.add(
          String.format(
              "%d worker(s): %d emails due at once, all accepted %.2f s later: %.0f emails/s"
                  + " (lag p50 %d ms, p99 %d ms; sent by node %s; %d warm-up leads first)%s",
              workers,
              f.emails(),
              f.seconds(),
              rate,
              f.lag(50),
              f.lag(99),
              f.byNode(),
              DueRun.WARM_UP_LEADS,
              workers == 2 ? String.format("; two / one = %.2f", rate / one) : ""));
      System.out.println(lines.getLast());
      lines.add("  " + f.cpu().line());
      System.out.println(lines.getLast());
    }
    System.out.println();
    System.out.println("$ " + BenchMachine.command());
    System.out.println(BenchMachine.describe());
    System.out.println(
        "dispatch on "
            + kind.name().toLowerCase()
            + ", fake Resend at "
            + latency.toMillis()
            + " ms per call:");
    lines.forEach(l -> System.out.println("  " + l));
    System.exit(0);
  }
}
