package ca.businessx.nurture.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The service as a separate JVM, started like a user would ({@code nurture serve}), so a test can
 * kill it with SIGKILL at any instant and start it again on the same database.
 */
public final class ServiceProcess implements AutoCloseable {
  private final Map<String, String> env;
  private final Path workDir;
  private final Path log;
  private final List<String> serveArgs = new java.util.ArrayList<>();
  private final List<String> jvmOptions = new java.util.ArrayList<>(List.of("-Xmx256m"));
  private Path launcher;
  private Process process;
  private Duration startedIn;
  public final int port;

  public ServiceProcess(Path workDir, Map<String, String> env) {
    this.workDir = workDir;
    this.port = freePort();
    this.env = new java.util.HashMap<>();
    // Tests post in bursts from one address; the rate limit has its own test.
    this.env.put("WEBHOOK_RATE_LIMIT", "100000");
    this.env.put("WEBHOOK_RATE_BURST", "100000");
    this.env.putAll(env);
    this.env.put("PORT", Integer.toString(port));
    this.log = workDir.resolve("service.log");
  }

  /** Extra arguments of {@code serve}, e.g. {@code --role=worker}. */
  public ServiceProcess args(String... args) {
    serveArgs.addAll(List.of(args));
    return this;
  }

  /** Replaces the JVM options (default {@code -Xmx256m}). */
  public ServiceProcess jvmOptions(String... options) {
    jvmOptions.clear();
    jvmOptions.addAll(List.of(options));
    return this;
  }

  /**
   * Starts the packaged launcher ({@code bin/nurture} of an app image) instead of this JVM's {@code
   * java} with the test classpath; the JVM options then go in {@code JAVA_TOOL_OPTIONS}, after the
   * launcher's own.
   */
  public ServiceProcess launcher(Path launcher) {
    this.launcher = launcher;
    return this;
  }

  public ServiceProcess start() {
    return startWithin(Duration.ofSeconds(120));
  }

  /** Starts and waits up to {@code timeout} for health (a busy machine starts a JVM slowly). */
  public ServiceProcess startWithin(Duration timeout) {
    List<String> command = new java.util.ArrayList<>();
    if (launcher != null) {
      command.addAll(List.of(launcher.toString(), "serve"));
    } else {
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(jvmOptions);
      command.addAll(
          List.of(
              "-cp", System.getProperty("java.class.path"), "ca.businessx.nurture.Main", "serve"));
    }
    command.addAll(serveArgs);
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.directory(workDir.toFile());
    pb.environment().putAll(env);
    if (launcher != null && !jvmOptions.isEmpty()) {
      pb.environment().put("JAVA_TOOL_OPTIONS", String.join(" ", jvmOptions));
    }
    pb.redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    long began = System.nanoTime();
    try {
      process = pb.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    awaitHealthy(timeout);
    startedIn = Duration.ofNanos(System.nanoTime() - began);
    return this;
  }

  /** From launching the JVM to the first 200 of {@code /health} (polled every 10 ms). */
  public Duration startedIn() {
    return startedIn;
  }

  public long pid() {
    return process.pid();
  }

  /** SIGKILL: no shutdown hook, no flush, no goodbye. */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public Http http() {
    return new Http(port);
  }

  public Path log() {
    return log;
  }

  private void awaitHealthy(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "service exited with " + process.exitValue() + "; see " + log);
      }
      try {
        if (http().get("/health").status() == 200) {
          return;
        }
      } catch (RuntimeException notYet) {
        // not listening yet
      }
      pause(10);
    }
    throw new IllegalStateException("service not healthy within " + timeout + "; see " + log);
  }

  public static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      process.destroy();
      try {
        process.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  public List<String> command() {
    return List.of("nurture", "serve");
  }
}
