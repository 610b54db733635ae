package ca.businessx.nurture.suppression;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Addresses that are never mailed again, checked right before every send. Stored hashed, so the
 * entry that keeps an erased contact from being mailed holds no readable address.
 */
public final class SuppressionList {

  public static String hash(String email) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(email.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  public Optional<SuppressionReason> reason(Handle h, String email) {
    return h.createQuery("select reason from suppressions where email_hash = :h")
        .bind("h", hash(email))
        .mapTo(String.class)
        .findOne()
        .map(SuppressionReason::valueOf);
  }

  public boolean isSuppressed(Handle h, String email) {
    return reason(h, email).isPresent();
  }

  /** Which of these addresses are suppressed, as {@link #hash}es, in one statement. */
  public java.util.Set<String> suppressedHashes(Handle h, java.util.Collection<String> emails) {
    java.util.Set<String> hashes = new java.util.LinkedHashSet<>();
    emails.forEach(e -> hashes.add(hash(e)));
    if (hashes.isEmpty()) {
      return java.util.Set.of();
    }
    return new java.util.HashSet<>(
        h.createQuery("select email_hash from suppressions where email_hash in (<h>)")
            .bindList("h", java.util.List.copyOf(hashes))
            .mapTo(String.class)
            .list());
  }

  /** Adds the address; the first reason recorded stays. */
  public void suppress(Handle h, String email, SuppressionReason reason, Instant now) {
    h.createUpdate(
            "insert into suppressions (email_hash, reason, created_at) values (:h, :r, :now)"
                + " on conflict (email_hash) do nothing")
        .bind("h", hash(email))
        .bind("r", reason.name())
        .bind("now", now.toEpochMilli())
        .execute();
  }

  /**
   * Lifts an unsubscribe after the person consents again. Bounces, complaints and erasures stay: a
   * form cannot vouch that a dead or complaining mailbox wants mail.
   */
  public boolean liftUnsubscribe(Handle h, String email) {
    return h.createUpdate(
                "delete from suppressions where email_hash = :h and reason = 'UNSUBSCRIBED'")
            .bind("h", hash(email))
            .execute()
        == 1;
  }
}
