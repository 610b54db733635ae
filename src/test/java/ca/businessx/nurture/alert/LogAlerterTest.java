package ca.businessx.nurture.alert;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.segment.Segment;
import ca.businessx.nurture.support.CapturedLogs;
import org.junit.jupiter.api.Test;

class LogAlerterTest {

  @Test
  void logsSegmentAndContactIdOnly() {
    try (CapturedLogs logs = new CapturedLogs(LogAlerter.class)) {
      new LogAlerter()
          .criticalLead(
              new LeadAlert(
                  "c-77",
                  "Ana",
                  "Tremblay Plomberie",
                  Segment.CRITICAL,
                  3,
                  0,
                  0,
                  1,
                  80.0,
                  "https://n/p"));

      assertThat(logs.lines())
          .singleElement()
          .asString()
          .contains("CRITICAL")
          .contains("c-77")
          .doesNotContain("Ana")
          .doesNotContain("Tremblay")
          .doesNotContain("https://n/p");
    }
  }
}
