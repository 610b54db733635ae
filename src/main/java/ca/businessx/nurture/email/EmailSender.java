package ca.businessx.nurture.email;

import java.util.ArrayList;
import java.util.List;

/**
 * The port through which every email leaves the service. Implementations must treat {@link
 * OutboundEmail#idempotencyKey()} as the identity of the email: sending the same key twice must not
 * deliver twice.
 *
 * <p>What each sender guarantees after a crash between a send and its record: the outbox and Resend
 * deliver a key once (a unique key in the table; Resend's idempotency key, held 24 hours). SMTP has
 * no such key, so its sender is always wrapped in {@link AcceptanceLedger}, which commits each
 * accepted email before sending the next: at most one email per process crash is repeated. A caller
 * needs to do nothing for this beyond calling this port, with any grouping.
 */
public interface EmailSender {

  /**
   * Short provider name for logs, metrics and the email record, e.g. {@code outbox}, {@code
   * resend}.
   */
  String name();

  /**
   * Sends one email and answers the provider's message id.
   *
   * @throws SendException with {@link SendException#isTransient()} telling whether a retry may help
   */
  SendResult send(OutboundEmail email) throws SendException;

  /**
   * Sends several emails and answers one outcome per email, in input order; a failure of one email
   * never hides the others. The default sends one by one; providers with a batch API override it.
   *
   * <p>Callers that retry a batch must retry it with the same members: a provider may derive the
   * batch's idempotency from its members, so a different grouping is a different request.
   */
  default List<BatchOutcome> sendBatch(List<OutboundEmail> emails) {
    List<BatchOutcome> outcomes = new ArrayList<>(emails.size());
    for (OutboundEmail email : emails) {
      try {
        outcomes.add(BatchOutcome.sent(email, send(email)));
      } catch (SendException e) {
        outcomes.add(BatchOutcome.failed(email, e));
      }
    }
    return List.copyOf(outcomes);
  }
}
