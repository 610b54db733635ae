package ca.businessx.nurture.support;

import ca.businessx.nurture.email.EmailSender;
import ca.businessx.nurture.email.OutboundEmail;
import ca.businessx.nurture.email.SendException;
import ca.businessx.nurture.email.SendResult;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A provider that refuses, for good, every email to the addresses it is told to refuse. */
public final class FlakySender implements EmailSender {
  private final Set<String> refused = ConcurrentHashMap.newKeySet();
  public final List<OutboundEmail> delivered = new CopyOnWriteArrayList<>();

  public FlakySender refuse(String address) {
    refused.add(address);
    return this;
  }

  public FlakySender accept(String address) {
    refused.remove(address);
    return this;
  }

  @Override
  public String name() {
    return "resend";
  }

  @Override
  public SendResult send(OutboundEmail email) {
    if (refused.contains(email.to())) {
      throw SendException.permanent("422 from provider: recipient domain rejected");
    }
    delivered.add(email);
    return new SendResult("msg-" + email.idempotencyKey());
  }
}
