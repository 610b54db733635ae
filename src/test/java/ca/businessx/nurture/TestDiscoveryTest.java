package ca.businessx.nurture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every class with a test method is one that {@code bin/test} runs: Surefire picks classes by name,
 * so a class named outside its include patterns (as {@code HostileInputProperties} once was) is
 * skipped without a word. The patterns are read from {@code pom.xml}, so this fails when either
 * side changes alone.
 */
class TestDiscoveryTest {
  static final Set<String> TEST_ANNOTATIONS =
      Set.of(
          "org.junit.jupiter.api.Test",
          "org.junit.jupiter.api.RepeatedTest",
          "org.junit.jupiter.api.TestFactory",
          "org.junit.jupiter.api.TestTemplate",
          "org.junit.jupiter.params.ParameterizedTest",
          "net.jqwik.api.Property",
          "net.jqwik.api.Example");

  static final List<String> DEFAULTS =
      List.of(
          "**/Test*.java",
          "**/*Test.java",
          "**/*Tests.java",
          "**/*TestCase.java",
          "**/IT*.java",
          "**/*IT.java",
          "**/*ITCase.java");

  @Test
  void everyTestClassMatchesAnIncludePatternOfSurefireOrFailsafe() throws Exception {
    List<Pattern> included = includePatterns(Files.readString(Path.of("pom.xml")));
    JavaClasses tests =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
            .importPackages("ca.businessx.nurture");
    Set<String> leftOut = new TreeSet<>();
    for (JavaClass c : tests) {
      boolean hasTests =
          c.getMethods().stream()
              .anyMatch(
                  m ->
                      m.getAnnotations().stream()
                          .anyMatch(a -> TEST_ANNOTATIONS.contains(a.getRawType().getName())));
      // A nested class runs with its outer class, so the outer class's name is what counts.
      String path = topLevel(c).getName().replace('.', '/') + ".java";
      if (hasTests && included.stream().noneMatch(p -> p.matcher(path).matches())) {
        leftOut.add(topLevel(c).getName());
      }
    }
    assertThat(leftOut).as("test classes no include pattern of pom.xml picks up").isEmpty();
  }

  @Test
  void jqwiksDatabaseIsKeptUnderTarget() throws Exception {
    // A failing property's seed written into the working tree gets committed, and every later run
    // on every clone replays that failure first.
    assertThat(Files.readString(Path.of("src/test/resources/junit-platform.properties")))
        .contains("jqwik.database = target/");
  }

  private static JavaClass topLevel(JavaClass c) {
    JavaClass outer = c;
    while (outer.getEnclosingClass().isPresent()) {
      outer = outer.getEnclosingClass().get();
    }
    return outer;
  }

  /**
   * Surefire's and failsafe's {@code <include>} globs ({@code **}/{@code *}) as regexes; their
   * defaults when the pom names none.
   */
  static List<Pattern> includePatterns(String pom) {
    Matcher m = Pattern.compile("<include>([^<]+)</include>").matcher(pom);
    List<String> globs = new java.util.ArrayList<>();
    while (m.find()) {
      globs.add(m.group(1).trim());
    }
    if (globs.isEmpty()) {
      globs.addAll(DEFAULTS);
    }
    List<Pattern> patterns = new java.util.ArrayList<>();
    for (String glob : globs) {
      String regex =
          Pattern.quote(glob).replace("**/", "\\E(?:.+/)?\\Q").replace("*", "\\E[^/]*\\Q");
      patterns.add(Pattern.compile(regex));
    }
    return patterns;
  }
}
