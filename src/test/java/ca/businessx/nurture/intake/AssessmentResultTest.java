package ca.businessx.nurture.intake;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.Wiring;
import ca.businessx.nurture.contact.Assessment;
import ca.businessx.nurture.contact.ContactRepository;
import ca.businessx.nurture.contact.Signup;
import ca.businessx.nurture.platform.ConfigLoader;
import ca.businessx.nurture.platform.Database;
import ca.businessx.nurture.sequence.EnrollmentRepository;
import ca.businessx.nurture.support.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An assessment answers the contact and enrollment as stored, without reading them back: what it
 * answers must be exactly what a later read finds (times to the millisecond, as stored).
 */
class AssessmentResultTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void answersTheContactAndEnrollmentExactlyAsStored(TestDatabases.Kind kind) {
    Map<String, String> env = TestDatabases.env(kind);
    env.put("NURTURE_DATA_DIR", dir.toString());
    var config = ConfigLoader.load(env);
    Clock clock = Clock.fixed(Instant.parse("2026-11-27T10:15:30.123456789Z"), ZoneOffset.UTC);
    try (Database db = Database.open(config.db(), dir, "test")) {
      db.migrate();
      LeadIntake intake = new Wiring(config, db, clock, null, null).intake;
      intake.signup(new Signup("ana@example.ca", "Ana Tremblay", "Ana", "Tremblay Plumbing"));

      LeadIntake.AssessmentResult first =
          intake.assess(new Assessment("ana@example.ca", 2, 1, 3, 4, 48.5));
      LeadIntake.AssessmentResult again =
          intake.assess(new Assessment("ana@example.ca", 0, 1, 3, 4, null));

      var contacts = new ContactRepository();
      var enrollments = new EnrollmentRepository();
      assertThat(first.enrolled()).isTrue();
      assertThat(again.enrolled()).isFalse();
      db.useHandle(
          h -> {
            assertThat(again.contact())
                .isEqualTo(contacts.findByEmail(h, "ana@example.ca").orElseThrow());
            assertThat(first.enrollment())
                .isEqualTo(enrollments.ofContact(h, first.contact().id()).orElseThrow());
            assertThat(again.enrollment()).isEqualTo(first.enrollment());
          });
    }
  }
}
