package ca.businessx.nurture.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.Main;
import ca.businessx.nurture.platform.Json;
import ca.businessx.nurture.support.FlakySender;
import ca.businessx.nurture.support.TestApp;
import ca.businessx.nurture.support.TestDatabases;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code --json} command as a separate JVM with the shipped logging configuration, its stdout
 * read by a strict JSON parser: a log line before the output (db-scheduler's INFO lines once were)
 * makes {@code | jq .} and {@code contact export EMAIL > file} fail.
 */
@Tag("slow")
class CliJsonOutputTest {
  @TempDir Path dir;
  TestApp service;
  String pat;

  @BeforeEach
  void start() {
    service =
        new TestApp(
            dir.resolve("data"),
            TestDatabases.Kind.SQLITE,
            Map.of(),
            b -> b.emailSender(new FlakySender().refuse("pat@bouncy.example")));
    service.signup("ana@example.ca", "Ana");
    service.assess("ana@example.ca", 2, 0);
    pat = service.signup("pat@bouncy.example", "Pat");
    service.assess("pat@bouncy.example", 0, 0);
    service.advance(Duration.ofHours(1), Duration.ofHours(1));
  }

  @AfterEach
  void stop() {
    service.close();
  }

  @Test
  void everyJsonCommandPrintsOnlyJsonAndLogsNoInfo() throws Exception {
    Path csv = dir.resolve("leads.csv");
    Files.writeString(csv, "email,name\nnew@example.ca,New\n");
    String parked = parse(run("emails", "list", "--parked", "--json")).at("/emails/0/id").asText();
    List<List<String>> commands =
        List.of(
            List.of("contacts", "list", "--json"),
            List.of("contacts", "show", "ana@example.ca", "--json"),
            List.of("emails", "list", "--json"),
            List.of("emails", "retry", parked, "--json"),
            List.of("templates", "preview", "email_1", "--json"),
            List.of("send-test", "email_1", "--to", "owner@example.ca", "--json"),
            List.of("import", csv.toString(), "--json"),
            List.of("sequence", "stop", "ana@example.ca", "--json"),
            List.of("contact", "export", "ana@example.ca"),
            List.of("contact", "forget", "new@example.ca", "--json"));
    for (List<String> command : commands) {
      Run r = run(command.toArray(String[]::new));
      assertThat(r.exit()).as("%s: %s", command, r.err()).isZero();
      parse(r);
      assertThat(r.err()).as("%s logs no INFO by default", command).doesNotContain(" INFO ");
    }
  }

  record Run(List<String> command, int exit, String out, String err) {}

  /** Strict: the whole of stdout is one JSON value, nothing before or after it. */
  private static JsonNode parse(Run r) throws IOException {
    assertThat(r.exit()).as("%s: %s", r.command(), r.err()).isZero();
    try {
      return Json.mapper()
          .reader()
          .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .readTree(r.out());
    } catch (IOException e) {
      throw new AssertionError(r.command() + " printed more than JSON:\n" + r.out(), e);
    }
  }

  /** {@code nurture ARGS} in its own JVM, logging as the shipped jar does. */
  private Run run(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // The test classpath has logback-test.xml; the shipped configuration is what a user gets.
    command.add(
        "-Dlogback.configurationFile=" + Main.class.getClassLoader().getResource("logback.xml"));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.environment().put("NURTURE_DATA_DIR", dir.resolve("data").toString());
    pb.environment().put("PORT", "0");
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("%s finished", List.of(args)).isTrue();
    return new Run(
        List.of(args),
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
