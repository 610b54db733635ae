package ca.businessx.nurture.email.resend;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One email the fake accepted. {@code requestKey} is the request's Idempotency-Key (the batch key
 * for batch items); {@code emailKey} is the adapter's per-email key, read from its tracing header.
 */
public record DeliveredEmail(
    String id,
    String requestKey,
    String emailKey,
    String from,
    List<String> to,
    String subject,
    String html,
    String text,
    String replyTo,
    Map<String, String> headers,
    Map<String, String> tags,
    boolean viaBatch,
    Instant at) {}
