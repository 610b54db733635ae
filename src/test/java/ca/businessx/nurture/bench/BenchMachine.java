package ca.businessx.nurture.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The machine a benchmark ran on, and small helpers the benchmarks share. */
final class BenchMachine {
  private BenchMachine() {}

  static String describe() {
    return "machine: "
        + Runtime.getRuntime().availableProcessors()
        + " cpus ("
        + cpuModel()
        + "), "
        + memTotal()
        + " memory, JDK "
        + System.getProperty("java.vm.name")
        + " "
        + Runtime.version()
        + ", load average "
        + loadAverage();
  }

  static String command() {
    return System.getProperty("bench.command", "(run through a bench/ script)");
  }

  static Map<String, String> options(String[] args) {
    Map<String, String> options = new java.util.HashMap<>();
    for (String arg : args) {
      String[] kv = arg.replaceFirst("^--", "").split("=", 2);
      options.put(kv[0], kv.length > 1 ? kv[1] : "true");
    }
    return options;
  }

  /**
   * The service JVM's options: -Xmx256m and whatever BENCH_SERVICE_OPTS adds (e.g. a JFR
   * recording).
   */
  static String[] serviceJvmOptions() {
    List<String> options = new java.util.ArrayList<>(List.of("-Xmx256m"));
    String extra = System.getenv("BENCH_SERVICE_OPTS");
    if (extra != null && !extra.isBlank()) {
      options.addAll(List.of(extra.trim().split("\\s+")));
    }
    return options.toArray(String[]::new);
  }

  static String loadAverage() {
    return first("/proc/loadavg").replaceAll("^(\\S+ \\S+ \\S+).*", "$1");
  }

  /** Resident memory of a process in MiB, from /proc. */
  static long rssMiB(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
        }
      }
    } catch (IOException e) {
      return -1;
    }
    return -1;
  }

  /** Runs a command, returning its standard output (standard error is passed through). */
  static String run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IllegalStateException(command + " failed: " + out);
    }
    return out;
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(l -> l.startsWith("model name"))
          .findFirst()
          .map(l -> l.replaceFirst(".*:\\s*", ""))
          .orElse("?");
    } catch (IOException e) {
      return "?";
    }
  }

  private static String memTotal() {
    String line = first("/proc/meminfo");
    return (Long.parseLong(line.replaceAll("\\D", "")) / 1024 / 1024) + " GiB";
  }

  private static String first(String file) {
    try {
      return Files.readAllLines(Path.of(file)).get(0);
    } catch (IOException e) {
      return "?";
    }
  }
}
