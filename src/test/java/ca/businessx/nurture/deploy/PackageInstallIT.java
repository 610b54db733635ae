package ca.businessx.nurture.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

import ca.businessx.nurture.support.Await;
import ca.businessx.nurture.support.Http;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The .deb as an operator installs it: {@code dpkg -i} on this machine, the binary started as the
 * service user with the unit's environment and no JDK on {@code PATH}, a lead posted, then {@code
 * dpkg -r} and {@code dpkg --purge}, leaving the machine as it was found. It builds the package
 * once ({@code bin/package --no-build}, after Maven's package phase) and needs root, dpkg and
 * fakeroot: elsewhere it is skipped with a message, except under {@code CI=true}, where it fails.
 */
class PackageInstallIT {
  static final Path UNIT = Path.of("/usr/lib/systemd/system/nurture.service");
  static final Path ENV_FILE = Path.of("/etc/nurture/nurture.env");
  static final Path STATE = Path.of("/var/lib/nurture");
  static Path deb;
  static Path tar;
  static boolean installedHere;

  @BeforeAll
  static void buildThePackage() throws IOException {
    List<String> missing = new ArrayList<>();
    if (!"0".equals(Shell.run(10, "id", "-u").output().strip())) {
      missing.add("root");
    }
    for (String tool : List.of("dpkg", "dpkg-deb", "fakeroot", "setpriv")) {
      if (!Shell.onPath(tool)) {
        missing.add(tool);
      }
    }
    if (!Files.isExecutable(Path.of(System.getProperty("java.home"), "bin", "jpackage"))) {
      missing.add("jpackage (JDK 21+)");
    }
    if (missing.isEmpty()
        && (installed() || Shell.run(10, "getent", "passwd", "nurture").exit() == 0)) {
      missing.add("a machine without a nurture package or user (this test would remove them)");
    }
    if (!missing.isEmpty()) {
      String message = "the package install test needs " + String.join(", ", missing);
      if ("true".equals(System.getenv("CI"))) {
        throw new IllegalStateException(message + "; CI requires it");
      }
      System.err.println("SKIPPED PackageInstallIT: " + message);
      abort(message);
    }
    Shell.run(1800, "bin/package", "--no-build").orFail("bin/package");
    try (var files = Files.list(Path.of("target"))) {
      List<Path> built = files.toList();
      deb =
          built.stream()
              .filter(p -> p.toString().matches(".*/nurture_[0-9.]+_amd64\\.deb"))
              .findFirst()
              .orElseThrow();
      tar =
          built.stream()
              .filter(p -> p.toString().matches(".*/nurture-[0-9.]+-linux-x64\\.tar\\.gz"))
              .findFirst()
              .orElseThrow();
    }
  }

  /** Whatever happened above, the package, its user and its files go again. */
  @AfterAll
  static void leaveTheMachineAsFound() {
    if (installedHere && installed()) {
      Shell.run(300, "dpkg", "--purge", "nurture");
    }
    if (installedHere && Shell.run(10, "getent", "passwd", "nurture").exit() == 0) {
      Shell.run(30, "userdel", "nurture");
    }
  }

  @Test
  void installsAsAServiceServesALeadAndGoesAwayCleanly() throws Exception {
    installedHere = true;
    Shell.run(600, "dpkg", "-i", deb.toString()).orFail("dpkg -i");

    assertThat(Path.of("/usr/bin/nurture")).isExecutable();
    String[] user =
        Shell.run(10, "getent", "passwd", "nurture").orFail("getent").output().strip().split(":");
    assertThat(Integer.parseInt(user[2])).as("a system user's uid").isLessThan(1000);
    assertThat(user[6]).isEqualTo("/usr/sbin/nologin");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(ENV_FILE)))
        .isEqualTo("rw-r-----");
    assertThat(Shell.run(10, "stat", "-c", "%U:%G", ENV_FILE.toString()).output().strip())
        .isEqualTo("root:nurture");
    ServiceUnit unit = ServiceUnit.read(UNIT);
    assertThat(unit.service("Restart")).isEqualTo("on-failure");
    assertThat(unit.service("NoNewPrivileges")).isEqualTo("yes");
    assertThat(unit.service("ProtectSystem")).isEqualTo("strict");
    assertThat(unit.service("StateDirectory")).isEqualTo("nurture");
    if (Shell.onPath("systemd-analyze")) {
      Shell.Result verify = Shell.run(60, "systemd-analyze", "verify", UNIT.toString());
      assertThat(verify.exit()).as("systemd-analyze verify: " + verify.output()).isZero();
    }

    Process service = startLikeSystemd(unit);
    try {
      Http http = new Http(Integer.parseInt(serviceEnv(unit).get("PORT")));
      Await.until(() -> responds(http), Duration.ofMinutes(3), "the installed service to be ready");
      String maps = Files.readString(Path.of("/proc", Long.toString(service.pid()), "maps"));
      assertThat(maps)
          .as("the JVM it runs")
          .contains("/usr/lib/nurture/runtime/lib/server/libjvm.so");
      assertThat(Files.readString(Path.of("/proc", Long.toString(service.pid()), "status")))
          .containsPattern("Uid:\\s+" + user[2] + "\\s");

      assertThat(
              http.postJson(
                      "/webhook/signup",
                      "{\"email\":\"ana@example.ca\",\"name\":\"Ana Tremblay\",\"first_name\":\"Ana\",\"business_name\":\"Tremblay Plumbing\"}")
                  .status())
          .isEqualTo(201);
      assertThat(
              http.postJson(
                      "/webhook/assessment",
                      "{\"email\":\"ana@example.ca\",\"red_systems\":2,\"orange_systems\":0,\"yellow_systems\":1,\"green_systems\":3}")
                  .json()
                  .get("segment")
                  .asText())
          .isEqualTo("CRITICAL");
      Await.until(
          () -> http.get("/api/outbox?limit=5").body().contains("email_1"),
          Duration.ofMinutes(1),
          "email 1 in the outbox");
      assertThat(STATE.resolve("nurture.db")).exists();
      assertThat(
              Shell.run(10, "stat", "-c", "%U", STATE.resolve("nurture.db").toString())
                  .output()
                  .strip())
          .isEqualTo("nurture");
    } finally {
      service.destroy();
      service.waitFor(60, TimeUnit.SECONDS);
      service.destroyForcibly().waitFor();
    }

    // -XX:AOTMode=on makes a JVM that cannot map the cache (moved jar, other options) fail.
    Shell.Result aot =
        Shell.run(
            300,
            "env",
            "-i",
            "PATH=/usr/bin:/bin",
            "JAVA_TOOL_OPTIONS=-XX:AOTMode=on",
            "/usr/bin/nurture",
            "--version");
    assertThat(aot.exit())
        .as("the launcher with the package's AOT cache: " + aot.output())
        .isZero();
    assertThat(aot.output()).contains("nurture 0.1.0");

    Shell.run(300, "dpkg", "-r", "nurture").orFail("dpkg -r");
    assertThat(Path.of("/usr/bin/nurture")).doesNotExist();
    assertThat(UNIT).doesNotExist();
    assertThat(ENV_FILE).as("dpkg -r keeps the settings").exists();
    Shell.run(300, "dpkg", "--purge", "nurture").orFail("dpkg --purge");
    assertThat(installed()).isFalse();
    assertThat(Path.of("/etc/nurture")).doesNotExist();
    assertThat(STATE).doesNotExist();
    assertThat(Shell.run(10, "getent", "passwd", "nurture").exit()).isNotZero();
    assertThat(Shell.run(10, "getent", "group", "nurture").exit()).isNotZero();

    assertThat(Shell.run(120, "tar", "-tzf", tar.toString()).orFail("tar").output())
        .contains(
            "nurture/bin/nurture",
            "nurture/lib/runtime/bin/java",
            "nurture/lib/linux/nurture.service");
  }

  /**
   * What systemd would do for the unit, short of its sandbox: the state directory owned by the
   * user, the unit's environment with a plain PATH (no JDK on it) and a free port, and its
   * ExecStart as the unit's user in its working directory.
   */
  private static Process startLikeSystemd(ServiceUnit unit) throws IOException {
    Files.createDirectories(STATE);
    Shell.run(10, "chown", "nurture:nurture", STATE.toString()).orFail("chown");
    Files.setPosixFilePermissions(STATE, PosixFilePermissions.fromString("rwxr-x---"));
    List<String> command =
        new ArrayList<>(
            List.of(
                "setpriv",
                "--reuid=" + unit.service("User"),
                "--regid=" + unit.service("Group"),
                "--init-groups",
                "--"));
    command.addAll(List.of(unit.service("ExecStart").split("\\s+")));
    ProcessBuilder pb =
        new ProcessBuilder(command).directory(Path.of(unit.service("WorkingDirectory")).toFile());
    pb.environment().clear();
    pb.environment().putAll(serviceEnv(unit));
    pb.redirectErrorStream(true)
        .redirectOutput(Path.of("target", "installed-service.log").toFile());
    return pb.start();
  }

  private static Map<String, String> serviceEnv;

  private static Map<String, String> serviceEnv(ServiceUnit unit) throws IOException {
    if (serviceEnv == null) {
      Map<String, String> env = new HashMap<>();
      env.put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
      env.put("LANG", "C.UTF-8");
      env.put("HOME", STATE.toString());
      env.put("USER", "nurture");
      env.putAll(unit.environment());
      env.put("PORT", Integer.toString(freePort()));
      serviceEnv = env;
    }
    return serviceEnv;
  }

  private static boolean responds(Http http) {
    try {
      return http.get("/health/ready").status() == 200;
    } catch (RuntimeException notYet) {
      return false;
    }
  }

  private static boolean installed() {
    return Shell.run(30, "dpkg-query", "-W", "-f=${Status}", "nurture")
        .output()
        .contains("installed");
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
