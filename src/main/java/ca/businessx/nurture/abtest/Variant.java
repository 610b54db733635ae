package ca.businessx.nurture.abtest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** A subject line variant. A lead's is fixed by its enrollment id, so every node agrees. */
public enum Variant {
  A,
  B;

  /**
   * Half of all ids get each variant: a hash rather than the id's own characters, because ids of
   * one generator need not spread evenly over their first or last character.
   */
  public static Variant of(String enrollmentId) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(enrollmentId.getBytes(StandardCharsets.UTF_8));
      return (digest[0] & 1) == 0 ? A : B;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /**
   * The variant a lead's email goes out with: none when the template has one subject, the promoted
   * one once a variant was promoted, else the lead's own.
   */
  public static java.util.Optional<Variant> pick(
      boolean hasSubjectB, java.util.Optional<Variant> promoted, String enrollmentId) {
    if (!hasSubjectB) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(promoted.orElseGet(() -> of(enrollmentId)));
  }
}
