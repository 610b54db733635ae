package ca.businessx.nurture.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

import ca.businessx.nurture.support.TestApp;
import ca.businessx.nurture.support.TestDatabases;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard and the alert rules in deploy/ name only metrics a running service serves, and
 * promtool accepts the rules and passes their unit tests (skipped without promtool, except under
 * CI=true, where .ci/run installs Debian's prometheus package).
 */
class DeployMetricsTest {
  static final Path DASHBOARD = Path.of("deploy/grafana/nurture.json");
  static final Path RULES = Path.of("deploy/prometheus/alerts.yml");
  static final Path RULE_TESTS = Path.of("deploy/prometheus/alerts.test.yml");
  // Prometheus's own series (up) are not the service's to serve.
  private static final Pattern NAME =
      Pattern.compile("\\b((?:nurture|http_server|jvm|process)_[a-z0-9_]+)");

  @TempDir Path dir;

  static Set<String> named(Path file) throws IOException {
    Matcher m = NAME.matcher(Files.readString(file, StandardCharsets.UTF_8));
    Set<String> names = new TreeSet<>();
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  @Test
  void everyMetricTheDashboardAndRulesNameIsServed() throws IOException {
    Set<String> wanted = new TreeSet<>(named(DASHBOARD));
    wanted.addAll(named(RULES));
    assertThat(wanted).contains("nurture_emails_parked_oldest_seconds", "nurture_ready");
    Set<String> served;
    try (TestApp t = new TestApp(dir, TestDatabases.Kind.SQLITE, Map.of())) {
      // A lead, so the per-template and per-provider series carry values, not only zeros.
      t.signup("ana@example.ca", "Ana");
      t.assess("ana@example.ca", 3, 0);
      t.runDue();
      String body = t.http.get("/metrics").body();
      served =
          body.lines()
              .filter(l -> !l.startsWith("#") && !l.isBlank())
              .map(l -> l.split("[{ ]", 2)[0])
              .collect(Collectors.toCollection(TreeSet::new));
    }
    assertThat(served).containsAll(wanted);
  }

  @Test
  void promtoolAcceptsTheRulesAndTheirUnitTests() throws Exception {
    if (!promtool()) {
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError("promtool is missing; .ci/run installs Debian's prometheus");
      }
      abort("promtool is not installed (apt-get install prometheus)");
    }
    assertThat(run("promtool", "check", "rules", RULES.toString()))
        .contains("SUCCESS: 5 rules found");
    assertThat(run("promtool", "test", "rules", RULE_TESTS.toString())).contains("SUCCESS");
  }

  private static boolean promtool() {
    return Files.isExecutable(Path.of("/usr/bin/promtool"));
  }

  private static String run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    return out;
  }
}
