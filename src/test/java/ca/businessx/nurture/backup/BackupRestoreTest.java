package ca.businessx.nurture.backup;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.Main;
import ca.businessx.nurture.cli.CliFactory;
import ca.businessx.nurture.support.Http;
import ca.businessx.nurture.support.TestApp;
import ca.businessx.nurture.support.TestDatabases;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code nurture backup} while the service writes, and {@code nurture restore} of it elsewhere. */
class BackupRestoreTest {
  static final Map<String, List<String>> FIVE =
      Map.of(
          "CRITICAL", List.of("email_1", "email_2a", "email_3", "email_4", "email_5a"),
          "URGENT", List.of("email_1", "email_2b", "email_3", "email_4", "email_5b"),
          "OPTIMIZE", List.of("email_1", "email_2c", "email_3", "email_4", "email_5c"));

  @TempDir Path dir;

  record Run(int exit, String out, String err) {}

  static Run nurture(Path dataDir, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        new CommandLine(new Main(), new CliFactory(Map.of("NURTURE_DATA_DIR", dataDir.toString())))
            .setOut(new PrintWriter(out, true))
            .setErr(new PrintWriter(err, true))
            .execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void aBackupTakenUnderWriteLoadRestoresElsewhereAndTheSequencesCarryOn() throws Exception {
    Path backup = dir.resolve("nurture-backup.db");
    Set<String> answeredBeforeBackup;
    Instant backedUpAt;
    try (TestApp a = new TestApp(dir.resolve("a"), TestDatabases.Kind.SQLITE, Map.of())) {
      int[][] counts = {{2, 0}, {1, 0}, {0, 0}};
      for (int i = 0; i < 9; i++) {
        a.signup("early" + i + "@example.ca", "Early");
        a.assess("early" + i + "@example.ca", counts[i % 3][0], counts[i % 3][1]);
      }
      a.advance(Duration.ofHours(25), Duration.ofHours(1));
      assertThat(a.outboxTemplates("early0@example.ca")).containsExactly("email_1", "email_2a");

      Set<String> answered = ConcurrentHashMap.newKeySet();
      AtomicBoolean stop = new AtomicBoolean();
      Thread load =
          Thread.ofPlatform()
              .start(
                  () -> {
                    Http http = new Http(a.app.port());
                    for (int i = 0; !stop.get(); i++) {
                      String email = "load" + i + "@example.ca";
                      a.signup(email, "Load");
                      if (a.assess(email, i % 3, 0).status() == 200) {
                        answered.add(email);
                      }
                      http.get("/health");
                      if (i % 4 == 0) {
                        a.runDue();
                      }
                    }
                  });
      while (answered.size() < 20) {
        assertThat(load.isAlive()).as("the load keeps posting").isTrue();
        Thread.sleep(20);
      }
      answeredBeforeBackup = Set.copyOf(answered);
      Run made = nurture(dir.resolve("a"), "backup", backup.toString());
      Thread.sleep(300);
      stop.set(true);
      load.join();
      backedUpAt = a.clock.instant();
      assertThat(made.exit()).as(made.err()).isZero();
      assertThat(made.out()).contains("backed up", "contact(s)");
      assertThat(answered.size())
          .as("the service kept writing")
          .isGreaterThan(answeredBeforeBackup.size());
    }

    Run restored = nurture(dir.resolve("b"), "restore", backup.toString());
    assertThat(restored.exit()).as(restored.err()).isZero();
    try (TestApp b = new TestApp(dir.resolve("b"), TestDatabases.Kind.SQLITE, Map.of())) {
      b.clock.set(backedUpAt);
      Map<String, String> segments = segments(b.jdbi());
      assertThat(segments.keySet()).containsAll(answeredBeforeBackup);
      b.advance(Duration.ofDays(8), Duration.ofHours(2));
      for (int i = 0; i < 9; i++) {
        String email = "early" + i + "@example.ca";
        assertThat(b.outboxTemplates(email)).as(email).isEqualTo(FIVE.get(segments.get(email)));
      }
      segments.forEach(
          (email, segment) ->
              assertThat(b.outboxTemplates(email)).as(email).isEqualTo(FIVE.get(segment)));
    }
  }

  @Test
  void restoreRefusesWhatIsNotANurtureDatabaseAndChangesNothing() throws Exception {
    Path data = dir.resolve("data");
    try (TestApp a = new TestApp(data, TestDatabases.Kind.SQLITE, Map.of())) {
      a.signup("ana@example.ca", "Ana");
    }
    String before = digest(data.resolve("nurture.db"));

    Path text = Files.writeString(dir.resolve("notes.db"), "not a database at all");
    Run refused = nurture(data, "restore", text.toString());
    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.err()).contains("is not an SQLite database", "nothing was changed");

    Path other = dir.resolve("other.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other)) {
      c.createStatement().execute("create table contacts (id text)");
    }
    refused = nurture(data, "restore", other.toString());
    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.err()).contains("not Nurture's");

    Path damaged = dir.resolve("damaged.db");
    assertThat(nurture(data, "backup", damaged.toString()).exit()).isZero();
    byte[] bytes = Files.readAllBytes(damaged);
    for (int i = 4096 * 3; i < bytes.length; i += 97) {
      bytes[i] ^= 0x5a;
    }
    Files.write(damaged, bytes);
    refused = nurture(data, "restore", damaged.toString());
    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.err()).containsAnyOf("is damaged", "cannot be read");

    assertThat(nurture(data, "restore", dir.resolve("missing.db").toString()).err())
        .contains("no such file");
    assertThat(digest(data.resolve("nurture.db"))).isEqualTo(before);
    try (var files = Files.list(data)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("restor"));
    }
  }

  @Test
  void restoreRefusesToReplaceTheDatabaseOfARunningService() throws Exception {
    Path data = dir.resolve("data");
    Path backup = dir.resolve("backup.db");
    try (TestApp a = new TestApp(data, TestDatabases.Kind.SQLITE, Map.of())) {
      a.signup("ana@example.ca", "Ana");
      assertThat(nurture(data, "backup", backup.toString()).exit()).isZero();
      Run again = nurture(data, "backup", backup.toString());
      assertThat(again.exit()).isEqualTo(1);
      assertThat(again.err()).contains("exists already");
      a.signup("bo@example.ca", "Bo");

      Run refused = nurture(data, "restore", backup.toString());
      assertThat(refused.exit()).isEqualTo(1);
      assertThat(refused.err()).contains("is in use", "stop the service first");
      assertThat(contacts(a.jdbi())).as("the running service's database is untouched").isEqualTo(2);
    }
    Run restored = nurture(data, "restore", backup.toString());
    assertThat(restored.exit()).as(restored.err()).isZero();
    assertThat(restored.out()).contains("1 contact(s)");
    try (var files = Files.list(data)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .anyMatch(n -> n.startsWith("nurture.db.before-restore-"));
    }
  }

  @Test
  void onPostgresqlTheCommandsPointAtPgDump() {
    StringWriter err = new StringWriter();
    int exit =
        new CommandLine(
                new Main(),
                new CliFactory(Map.of("NURTURE_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test")))
            .setErr(new PrintWriter(err, true))
            .execute("backup", dir.resolve("x.db").toString());
    assertThat(exit).isEqualTo(1);
    assertThat(err.toString()).contains("pg_dump", "pg_restore");
    assertThat(dir.resolve("x.db")).doesNotExist();
  }

  private static Map<String, String> segments(Jdbi jdbi) {
    return jdbi.withHandle(
        h ->
            h
                .createQuery("select email, segment from contacts where segment is not null")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list()
                .stream()
                .collect(
                    java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
  }

  private static int contacts(Jdbi jdbi) {
    return jdbi.withHandle(
        h -> h.createQuery("select count(*) from contacts").mapTo(Integer.class).one());
  }

  private static String digest(Path file) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
