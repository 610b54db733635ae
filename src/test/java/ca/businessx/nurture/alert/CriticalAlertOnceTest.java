package ca.businessx.nurture.alert;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.segment.Segment;
import ca.businessx.nurture.support.Http;
import ca.businessx.nurture.support.TestApp;
import ca.businessx.nurture.support.TestDatabases;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * People hear once about a lead becoming critical, with the numbers of the assessment that made it
 * so, however many assessments arrive at once and whatever arrives before the alert goes out.
 */
class CriticalAlertOnceTest {
  @TempDir Path dir;

  private final List<LeadAlert> alerts = new CopyOnWriteArrayList<>();

  private final Alerter recording =
      new Alerter() {
        @Override
        public String name() {
          return "recording";
        }

        @Override
        public void criticalLead(LeadAlert alert) {
          alerts.add(alert);
        }

        @Override
        public void notice(TeamNotice notice) {}
      };

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void fortyFiveParallelCriticalAssessmentsAlertOnce(TestDatabases.Kind kind) throws Exception {
    try (TestApp t = new TestApp(dir, kind, Map.of(), b -> b.alerter(recording))) {
      t.signup("burst@example.ca", "Burst");
      ExecutorService pool = Executors.newFixedThreadPool(15);
      try {
        List<Future<Http.Response>> posts =
            IntStream.range(0, 45)
                .mapToObj(i -> pool.submit(() -> t.assess("burst@example.ca", 2 + i, 0)))
                .toList();
        for (Future<Http.Response> post : posts) {
          assertThat(post.get().status()).isEqualTo(200);
        }
      } finally {
        pool.shutdown();
      }
      t.runDue();

      assertThat(alerts).hasSize(1);
      assertThat(alerts.get(0).segment()).isEqualTo(Segment.CRITICAL);
      assertThat(alerts.get(0).redSystems()).isBetween(2, 46);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void theAlertCarriesItsOwnAssessmentAndEachNewChangeIntoCriticalAlertsAgain(
      TestDatabases.Kind kind) {
    try (TestApp t = new TestApp(dir, kind, Map.of(), b -> b.alerter(recording))) {
      t.signup("flip@example.ca", "Flip");
      t.assess("flip@example.ca", 3, 0);
      t.assess("flip@example.ca", 1, 0); // URGENT before the alert went out
      t.runDue();
      assertThat(alerts)
          .singleElement()
          .satisfies(
              a -> {
                assertThat(a.segment()).isEqualTo(Segment.CRITICAL);
                assertThat(a.redSystems()).isEqualTo(3);
              });

      t.assess("flip@example.ca", 4, 0);
      t.assess("flip@example.ca", 5, 0);
      t.runDue();
      assertThat(alerts).hasSize(2);
      assertThat(alerts.get(1).redSystems()).isEqualTo(4);
    }
  }
}
