package ca.businessx.nurture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** Feature packages stay untangled, and only the edges know about HTTP or the environment. */
class ArchitectureTest {
  static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("ca.businessx.nurture");

  @Test
  void featurePackagesHaveNoCycles() {
    slices().matching("ca.businessx.nurture.(*)..").should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void theDomainKnowsNothingOfTheWeb() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "..segment..", "..sequence..", "..contact..", "..template..", "..suppression..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.javalin..")
        .check(CLASSES);
  }

  /**
   * The configuration may use {@code calendar}: a leaf of pure values (the send window's grammar),
   * so the loader can refuse a bad {@code SEND_WINDOW} at start with the others.
   */
  @Test
  void platformDependsOnNoFeature() {
    noClasses()
        .that()
        .resideInAPackage("ca.businessx.nurture.platform..")
        .should()
        .dependOnClassesThat(
            resideInAPackage("ca.businessx.nurture..")
                .and(not(resideInAPackage("ca.businessx.nurture.platform..")))
                .and(not(resideInAPackage("ca.businessx.nurture.calendar.."))))
        .check(CLASSES);
  }

  @Test
  void onlyTheConfigLoaderReadsTheEnvironment() {
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName("ca.businessx.nurture.platform.ConfigLoader")
        .should()
        .callMethod(System.class, "getenv")
        .orShould()
        .callMethod(System.class, "getenv", String.class)
        .check(CLASSES);
  }

  /** Time comes from an injected clock, so tests and the crash tests can move it. */
  @Test
  void onlyTheCompositionRootReadsTheSystemClock() {
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName("ca.businessx.nurture.App")
        .and()
        .doNotHaveFullyQualifiedName("ca.businessx.nurture.App$Builder")
        .and()
        .doNotHaveFullyQualifiedName("ca.businessx.nurture.cli.Workbench")
        .should()
        .callMethod(Clock.class, "systemUTC")
        .orShould()
        .callMethod(Clock.class, "systemDefaultZone")
        .orShould()
        .callMethod(Clock.class, "system", ZoneId.class)
        .orShould()
        .callMethod(Instant.class, "now")
        .orShould()
        .callMethod(LocalDate.class, "now")
        .orShould()
        .callMethod(LocalDateTime.class, "now")
        .orShould()
        .callMethod(ZonedDateTime.class, "now")
        .orShould()
        .callMethod(OffsetDateTime.class, "now")
        .check(CLASSES);
  }

  /** db-scheduler's test helpers belong to the tests, not to the service. */
  @Test
  void theServiceCarriesNoTestHelpers() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAPackage("com.github.kagkarlsson.scheduler.testhelper..")
        .check(CLASSES);
  }
}
