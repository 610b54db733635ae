package ca.businessx.nurture.email.resend;

import static ca.businessx.nurture.email.resend.ResendFixtures.email;
import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.email.BatchOutcome;
import ca.businessx.nurture.email.OutboundEmail;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ResendBatchTest {
  private final FakeResend fake = FakeResend.start();
  private final ResendEmailSender sender = ResendFixtures.sender(fake);

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void twoHundredFiftyEmailsGoAsThreeBatchCallsWithPerItemErrorsMapped() {
    List<OutboundEmail> emails = new ArrayList<>(ResendFixtures.emails("burst", 250));
    emails.set(7, email("burst/bad-a", "not-an-address"));
    emails.set(180, email("burst/bad-b", "ana@@example.ca"));

    List<BatchOutcome> outcomes = sender.sendBatch(emails);

    assertThat(fake.requests())
        .hasSize(3)
        .allSatisfy(
            request -> {
              assertThat(request.path()).isEqualTo("/emails/batch");
              assertThat(request.idempotencyKey())
                  .startsWith("batch-")
                  .hasSizeLessThanOrEqualTo(256);
            });
    assertThat(fake.delivered())
        .hasSize(248)
        .allSatisfy(sent -> assertThat(sent.viaBatch()).isTrue());
    assertThat(outcomes)
        .extracting(BatchOutcome::idempotencyKey)
        .containsExactlyElementsOf(emails.stream().map(OutboundEmail::idempotencyKey).toList());
    assertThat(outcomes.get(7).isSent()).isFalse();
    assertThat(outcomes.get(7).failure().isTransient()).isFalse();
    assertThat(outcomes.get(180).failure().getMessage())
        .contains("rejected")
        .doesNotContain("ana@");
    assertThat(outcomes.stream().filter(BatchOutcome::isSent).count()).isEqualTo(248);
    assertDeliveredIdsMatchOutcomes(outcomes);
  }

  @Test
  void aRetriedBatchReplaysTheSameIdsWhateverTheOrder() {
    List<OutboundEmail> emails = ResendFixtures.emails("replay", 120);
    List<BatchOutcome> first = sender.sendBatch(emails);
    List<OutboundEmail> shuffled = new ArrayList<>(emails);
    Collections.shuffle(shuffled);

    List<BatchOutcome> again = sender.sendBatch(shuffled);

    assertThat(fake.delivered()).hasSize(120);
    assertThat(fake.requests()).hasSize(4);
    assertThat(ids(again)).isEqualTo(ids(first));
    assertThat(again)
        .extracting(BatchOutcome::idempotencyKey)
        .containsExactlyElementsOf(shuffled.stream().map(OutboundEmail::idempotencyKey).toList());
  }

  @Test
  void aFailedBatchCallFailsEachOfItsEmailsTransiently() {
    fake.inject(FakeResend.Fault.HTTP_503, 1);

    List<BatchOutcome> outcomes = sender.sendBatch(ResendFixtures.emails("down", 150));

    assertThat(outcomes.stream().filter(o -> !o.isSent()).toList())
        .hasSize(100)
        .allSatisfy(o -> assertThat(o.failure().isTransient()).isTrue());
    assertThat(fake.delivered()).hasSize(50);
  }

  @Test
  void batchKeyDependsOnMembersOnly() {
    List<OutboundEmail> emails = ResendFixtures.emails("key", 5);
    List<OutboundEmail> reversed = new ArrayList<>(emails);
    Collections.reverse(reversed);

    assertThat(ResendRequests.batchKey(reversed)).isEqualTo(ResendRequests.batchKey(emails));
    assertThat(ResendRequests.batchKey(emails.subList(0, 4)))
        .isNotEqualTo(ResendRequests.batchKey(emails));
  }

  private void assertDeliveredIdsMatchOutcomes(List<BatchOutcome> outcomes) {
    Map<String, String> sentIdByKey =
        outcomes.stream()
            .filter(BatchOutcome::isSent)
            .collect(
                Collectors.toMap(
                    BatchOutcome::idempotencyKey, o -> o.result().providerMessageId()));
    Map<String, String> deliveredIdByKey =
        fake.delivered().stream()
            .collect(Collectors.toMap(DeliveredEmail::emailKey, DeliveredEmail::id));
    assertThat(sentIdByKey).isEqualTo(deliveredIdByKey);
  }

  private static Set<String> ids(List<BatchOutcome> outcomes) {
    return outcomes.stream()
        .filter(BatchOutcome::isSent)
        .map(o -> o.result().providerMessageId())
        .collect(Collectors.toSet());
  }
}
