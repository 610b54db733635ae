package ca.businessx.nurture.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ca.businessx.nurture.contact.ContactCrm;
import ca.businessx.nurture.contact.CrmContact;
import ca.businessx.nurture.contact.CrmException;
import ca.businessx.nurture.support.TestClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Look-ups on web threads are capped: past the cap a look-up is refused at once, not queued. */
class CrmLookupsTest {
  private final CountDownLatch release = new CountDownLatch(1);
  private final CountDownLatch inside = new CountDownLatch(CrmLookups.MAX_CONCURRENT);
  private final AtomicInteger calls = new AtomicInteger();

  /** A CRM whose look-ups hang until released, like a slow Notion. */
  private final ContactCrm slow =
      new ContactCrm() {
        @Override
        public String name() {
          return "slow";
        }

        @Override
        public Optional<CrmContact> findByEmail(String email) {
          calls.incrementAndGet();
          inside.countDown();
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return Optional.empty();
        }

        @Override
        public CrmContact upsert(CrmContact contact, String knownPageId) {
          throw new UnsupportedOperationException();
        }

        @Override
        public void archive(String pageId) {
          throw new UnsupportedOperationException();
        }

        @Override
        public List<CrmContact> editedSince(Instant since) {
          return List.of();
        }
      };

  @Test
  void pastTheCapALookUpIsRefusedAtOnceWithARetryDelay() throws Exception {
    CrmLookups lookups = new CrmLookups(slow, new TestClock(Instant.EPOCH));
    List<Thread> busy = new ArrayList<>();
    for (int i = 0; i < CrmLookups.MAX_CONCURRENT; i++) {
      String email = "busy" + i + "@example.ca";
      busy.add(Thread.startVirtualThread(() -> lookups.findByEmail(email)));
    }
    assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();

    long began = System.nanoTime();
    CrmException refused =
        catchThrowableOfType(CrmException.class, () -> lookups.findByEmail("one.more@example.ca"));
    assertThat(refused).isNotNull();
    assertThat(refused.isTransient()).isTrue();
    assertThat(refused.retryAfter()).isPresent();
    assertThat(System.nanoTime() - began).isLessThan(TimeUnit.SECONDS.toNanos(1));
    assertThat(calls.get()).isEqualTo(CrmLookups.MAX_CONCURRENT);

    release.countDown();
    for (Thread t : busy) {
      t.join();
    }
    assertThat(lookups.findByEmail("one.more@example.ca")).isEmpty();
  }
}
