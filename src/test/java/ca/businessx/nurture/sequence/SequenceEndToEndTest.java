package ca.businessx.nurture.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.support.Http;
import ca.businessx.nurture.support.TestApp;
import ca.businessx.nurture.support.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Signup, assessment, then the whole week on a settable clock: the right five emails, on time. */
class SequenceEndToEndTest {
  @TempDir Path dir;

  static Stream<Arguments> cases() {
    List<Arguments> all = new ArrayList<>();
    for (TestDatabases.Kind db : TestDatabases.Kind.values()) {
      all.add(Arguments.of(db, 3, 0, "CRITICAL", "email_2a", "email_5a"));
      all.add(Arguments.of(db, 1, 0, "URGENT", "email_2b", "email_5b"));
      all.add(Arguments.of(db, 0, 1, "OPTIMIZE", "email_2c", "email_5c"));
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} {3}")
  @MethodSource("cases")
  void productionWeek(
      TestDatabases.Kind db, int red, int orange, String segment, String second, String fifth) {
    try (TestApp t = new TestApp(dir, db, Map.of())) {
      runWeek(
          t,
          red,
          orange,
          segment,
          second,
          fifth,
          Duration.ofHours(1),
          Duration.ofDays(8),
          List.of(0L, 24L, 72L, 120L, 168L),
          Duration.ofHours(1));
    }
  }

  @ParameterizedTest(name = "{0} {3}")
  @MethodSource("cases")
  void testingModeCompressesTheWeekIntoMinutes(
      TestDatabases.Kind db, int red, int orange, String segment, String second, String fifth) {
    try (TestApp t = new TestApp(dir, db, Map.of("TESTING_MODE", "true"))) {
      runWeek(
          t,
          red,
          orange,
          segment,
          second,
          fifth,
          Duration.ofSeconds(10),
          Duration.ofMinutes(11),
          List.of(0L, 1L, 3L, 6L, 10L),
          Duration.ofMinutes(1));
    }
  }

  private void runWeek(
      TestApp t,
      int red,
      int orange,
      String segment,
      String second,
      String fifth,
      Duration step,
      Duration total,
      List<Long> expectedOffsets,
      Duration unit) {
    String email = "ana." + segment.toLowerCase() + "@example.ca";
    String id = t.signup(email, "Ana");
    Http.Response assessed = t.assess(email, red, orange);
    assertThat(assessed.status()).isEqualTo(200);
    assertThat(assessed.json().get("segment").asText()).isEqualTo(segment);

    t.advance(total, step);

    assertThat(t.outboxTemplates(email))
        .containsExactly("email_1", second, "email_3", "email_4", fifth);
    JsonNode view = t.http.get("/api/contacts/" + id).json();
    assertThat(view.at("/enrollment/state").asText()).isEqualTo("COMPLETED");
    Instant started = Instant.parse(view.at("/enrollment/started_at").asText());
    List<Long> dueOffsets = new ArrayList<>();
    List<Long> sentOffsets = new ArrayList<>();
    for (JsonNode e : view.get("emails")) {
      assertThat(e.get("state").asText()).isEqualTo("SENT");
      dueOffsets.add(
          Duration.between(started, Instant.parse(e.get("due_at").asText())).dividedBy(unit));
      sentOffsets.add(
          Duration.between(started, Instant.parse(e.get("sent_at").asText())).dividedBy(unit));
    }
    assertThat(dueOffsets).isEqualTo(expectedOffsets);
    assertThat(sentOffsets).isEqualTo(expectedOffsets);
  }
}
