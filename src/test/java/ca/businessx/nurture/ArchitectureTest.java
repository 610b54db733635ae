package ca.businessx.nurture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
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

  @Test
  void platformDependsOnNoFeature() {
    noClasses()
        .that()
        .resideInAPackage("ca.businessx.nurture.platform..")
        .should()
        .dependOnClassesThat(
            resideInAPackage("ca.businessx.nurture..")
                .and(not(resideInAPackage("ca.businessx.nurture.platform.."))))
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
}
