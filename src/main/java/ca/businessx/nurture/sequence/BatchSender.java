package ca.businessx.nurture.sequence;

import ca.businessx.nurture.email.BatchOutcome;
import ca.businessx.nurture.email.EmailSender;
import ca.businessx.nurture.email.OutboundEmail;
import ca.businessx.nurture.email.SendException;
import java.util.List;

/**
 * Hands a drafted batch to the provider as one call, under the emails' stable keys, outside any
 * transaction. Whatever the sender does (including throwing), every email gets an outcome, so the
 * recorder never loses one.
 */
final class BatchSender {
  private final EmailSender sender;

  BatchSender(EmailSender sender) {
    this.sender = sender;
  }

  String name() {
    return sender.name();
  }

  List<BatchOutcome> send(SendBatch batch) {
    List<OutboundEmail> outbound = batch.sending().stream().map(SendBatch.Item::outbound).toList();
    if (outbound.isEmpty()) {
      return List.of();
    }
    try {
      List<BatchOutcome> outcomes = sender.sendBatch(outbound);
      if (outcomes.size() != outbound.size()) {
        throw new IllegalStateException(
            sender.name() + " answered " + outcomes.size() + " outcomes for " + outbound.size());
      }
      return outcomes;
    } catch (RuntimeException e) {
      // A sender bug or an unexpected fault must not lose the batch: treat it as transient.
      SendException failure =
          SendException.transientFailure(
              "unexpected " + e.getClass().getSimpleName() + " from " + sender.name(), null, e);
      return outbound.stream().map(o -> BatchOutcome.failed(o, failure)).toList();
    }
  }
}
