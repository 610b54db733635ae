package ca.businessx.nurture.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU time used by the parts of a benchmark run (worker JVMs, PostgreSQL's processes, the
 * benchmark's own JVM with its fake provider) between two readings of /proc, to show what the two
 * cores were spent on. Processes that end between the readings are not counted.
 */
record CpuUse(double workers, double postgres, double bench, double wallSeconds) {
  /** Clock ticks per second of /proc/PID/stat's times (USER_HZ, 100 on Linux). */
  private static final double TICKS = 100;

  record Reading(long workers, long postgres, long bench, long nanos) {}

  static Reading read(List<Long> workerPids) {
    long workers = workerPids.stream().mapToLong(CpuUse::ticks).sum();
    long postgres;
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      postgres =
          procs
              .filter(p -> p.getFileName().toString().matches("\\d+"))
              .filter(p -> "postgres".equals(command(p)))
              .mapToLong(p -> ticks(Long.parseLong(p.getFileName().toString())))
              .sum();
    } catch (IOException e) {
      postgres = 0;
    }
    return new Reading(workers, postgres, ticks(ProcessHandle.current().pid()), System.nanoTime());
  }

  static CpuUse between(Reading from, Reading to) {
    return new CpuUse(
        (to.workers() - from.workers()) / TICKS,
        (to.postgres() - from.postgres()) / TICKS,
        (to.bench() - from.bench()) / TICKS,
        (to.nanos() - from.nanos()) / 1e9);
  }

  String line() {
    double available = wallSeconds * Runtime.getRuntime().availableProcessors();
    return String.format(
        "CPU while sending: workers %.1f s, PostgreSQL %.1f s, benchmark JVM (fake Resend) %.1f s,"
            + " of %.1f s on %d cores (%.0f%% busy)",
        workers,
        postgres,
        bench,
        available,
        Runtime.getRuntime().availableProcessors(),
        100 * (workers + postgres + bench) / available);
  }

  private static long ticks(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  private static String command(Path proc) {
    try {
      String stat = Files.readString(proc.resolve("stat"));
      return stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }
}
