package ca.businessx.nurture.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs wrk (its own process, written in C, so the load generator costs little of the CPU it
 * measures) with a Lua script that makes every lead's email unique, and reads its figures.
 */
final class Wrk {
  /**
   * Requests per second and latency percentiles in milliseconds; failed = non-2xx answers and
   * errors.
   */
  record Result(
      String what,
      long requests,
      double seconds,
      double p50,
      double p99,
      double p999,
      long failed) {
    double rate() {
      return requests / seconds;
    }

    String line() {
      return String.format(
          "%-34s %9.0f req/s  p50 %6.2f ms  p99 %6.2f ms  p99.9 %6.2f ms  (%d requests, %d failed)",
          what, rate(), p50, p99, p999, requests, failed);
    }
  }

  private static final String DONE =
      """
      done = function(summary, latency, requests)
        io.write(string.format("RESULT requests=%d us=%d p50=%d p99=%d p999=%d failed=%d\\n",
          summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
          latency:percentile(99.9), summary.errors.status + summary.errors.connect + summary.errors.read
          + summary.errors.write + summary.errors.timeout))
      end
      """;

  /** Every thread numbers its leads from 1, under a prefix of the run and the thread. */
  private static final String LEADS =
      """
      threads = 0
      function setup(thread)
        threads = threads + 1
        thread:set("tid", threads)
      end
      function init(args)
        prefix = args[1] .. "-" .. tid .. "-"
        n = 0
      end
      """;

  private static final String SIGNUP =
      LEADS
          + """
      request = function()
        n = n + 1
        return wrk.format("POST", "/webhook/signup", {["Content-Type"] = "application/json"},
          '{"email":"' .. prefix .. n .. '@bench.example","name":"Ana Tremblay","first_name":"Ana","business_name":"Tremblay Plumbing"}')
      end
      """;

  /** Assesses the leads the signup run created, in the same order per thread. */
  private static final String ASSESSMENT =
      LEADS
          + """
      request = function()
        n = n + 1
        return wrk.format("POST", "/webhook/assessment", {["Content-Type"] = "application/json"},
          '{"email":"' .. prefix .. n .. '@bench.example","red_systems":' .. (n % 3) .. ',"orange_systems":1,"yellow_systems":3,"green_systems":4,"assessment_score":48}')
      end
      """;

  private static final Pattern RESULT =
      Pattern.compile(
          "RESULT requests=(\\d+) us=(\\d+) p50=(\\d+) p99=(\\d+) p999=(\\d+) failed=(\\d+)");

  private final Path dir;
  private final int threads;
  private final int connections;

  Wrk(Path dir, int threads, int connections) {
    this.dir = dir;
    this.threads = threads;
    this.connections = connections;
  }

  Result get(String what, int port, String path, int seconds) throws Exception {
    return run(what, "http://127.0.0.1:" + port + path, "", seconds, null);
  }

  Result signups(String what, int port, String run, int seconds) throws Exception {
    return run(what, "http://127.0.0.1:" + port, SIGNUP, seconds, run);
  }

  Result assessments(String what, int port, String run, int seconds) throws Exception {
    return run(what, "http://127.0.0.1:" + port, ASSESSMENT, seconds, run);
  }

  private Result run(String what, String url, String lua, int seconds, String arg)
      throws IOException, InterruptedException {
    Path script = Files.writeString(dir.resolve("wrk-" + System.nanoTime() + ".lua"), lua + DONE);
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                "wrk",
                "-t" + threads,
                "-c" + connections,
                "-d" + seconds + "s",
                "--timeout",
                "10s",
                "-s",
                script.toString(),
                url));
    if (arg != null) {
      command.add("--");
      command.add(arg);
    }
    String out = BenchMachine.run(command);
    Matcher m = RESULT.matcher(out);
    if (!m.find()) {
      throw new IllegalStateException("no figures from wrk: " + out);
    }
    return new Result(
        what,
        Long.parseLong(m.group(1)),
        Long.parseLong(m.group(2)) / 1e6,
        Long.parseLong(m.group(3)) / 1e3,
        Long.parseLong(m.group(4)) / 1e3,
        Long.parseLong(m.group(5)) / 1e3,
        Long.parseLong(m.group(6)));
  }
}
