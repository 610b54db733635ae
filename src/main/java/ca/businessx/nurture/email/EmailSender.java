package ca.businessx.nurture.email;

/**
 * The port through which every email leaves the service. Implementations must treat {@link
 * OutboundEmail#idempotencyKey()} as the identity of the email: sending the same key twice must not
 * deliver twice.
 */
public interface EmailSender {

  /** Short provider name for logs, metrics and the email record, e.g. {@code outbox}, {@code resend}. */
  String name();

  /**
   * Sends one email and answers the provider's message id.
   *
   * @throws SendException with {@link SendException#isTransient()} telling whether a retry may help
   */
  SendResult send(OutboundEmail email) throws SendException;
}
