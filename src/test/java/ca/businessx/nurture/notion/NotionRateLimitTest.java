package ca.businessx.nurture.notion;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A burst through one client never goes past Notion's rate. Production runs at 3 req/s, where 200
 * upserts take over two minutes; the same limiter at 40 req/s keeps this test near 11 s.
 */
class NotionRateLimitTest {
  private static final int RATE = 40;
  @RegisterExtension final FakeNotion fake = FakeNotion.start();

  @Test
  void twoHundredUpsertsFromFourThreadsStayUnderTheRate() throws Exception {
    fake.rateLimit(RATE);
    NotionSettings settings = fake.settings(FakeNotion.V2025).withRequestsPerSecond(RATE);
    NotionContactCrm crm =
        new NotionContactCrm(new NotionClient(settings, Clock.systemUTC()), settings);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> upserts = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      String email = "lead" + i + "@example.ca";
      upserts.add(
          pool.submit(() -> crm.upsert(NotionContactCrmTest.lead(email, "Active", null), null)));
    }
    try {
      for (Future<?> upsert : upserts) {
        upsert.get(); // a 429 from the fake would surface here as a NotionException
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(fake.data.pages(fake.contacts)).hasSize(200);
    assertThat(fake.maxObservedRate())
        .isLessThanOrEqualTo(RATE)
        .isGreaterThanOrEqualTo(RATE * 3 / 4);
  }
}
