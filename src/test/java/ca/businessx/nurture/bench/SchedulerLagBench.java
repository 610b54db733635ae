package ca.businessx.nurture.bench;

import ca.businessx.nurture.support.TestDatabases;
import java.time.Duration;
import java.util.Map;

/**
 * Scheduler lag: leads whose first step falls due at a steady rate (default 1,000 per second for 20
 * s); one worker node sends them; lag is each email's sent_at (after the fake Resend accepted it)
 * minus its due_at. Not a test; run it with {@code bench/scheduler-lag}.
 */
public final class SchedulerLagBench {
  public static void main(String[] args) throws Exception {
    Map<String, String> o = BenchMachine.options(args);
    int perSecond = Integer.parseInt(o.getOrDefault("per-second", "1000"));
    int seconds = Integer.parseInt(o.getOrDefault("seconds", "20"));
    int workers = Integer.parseInt(o.getOrDefault("workers", "1"));
    TestDatabases.Kind kind =
        TestDatabases.Kind.valueOf(o.getOrDefault("db", "postgresql").toUpperCase());
    System.out.println(BenchMachine.describe());
    DueRun.Figures f =
        DueRun.run(
            kind,
            workers,
            perSecond * seconds,
            Duration.ofNanos(1_000_000_000L / perSecond),
            Duration.ofSeconds(15));
    String line =
        String.format(
            "%d steps due at %d/s over %d s on %s, %d worker(s): lag p50 %d ms, p99 %d ms,"
                + " max %d ms (sent by node %s; %d warm-up leads first)",
            f.emails(),
            perSecond,
            seconds,
            kind.name().toLowerCase(),
            workers,
            f.lag(50),
            f.lag(99),
            f.lag(100),
            f.byNode(),
            DueRun.WARM_UP_LEADS);
    System.out.println();
    System.out.println("$ " + BenchMachine.command());
    System.out.println(BenchMachine.describe());
    System.out.println("  " + line);
    System.out.println("  " + f.cpu().line());
    System.exit(0);
  }
}
