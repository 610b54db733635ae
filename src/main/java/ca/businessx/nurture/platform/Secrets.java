package ca.businessx.nurture.platform;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The service's signing key (unsubscribe tokens, session cookies): NURTURE_SECRET when set, else
 * one generated on first start and kept in the database, so links stay valid across restarts and
 * every node of a cluster agrees.
 */
public final class Secrets {
  private static final String NAME = "secret.signing";

  private Secrets() {}

  public static byte[] signingKey(Database db, Optional<String> configured) {
    if (configured.isPresent()) {
      return configured.get().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
    byte[] fresh = new byte[32];
    new SecureRandom().nextBytes(fresh);
    String stored =
        db.inTransaction(
            h -> {
              h.createUpdate(
                      "insert into service_state (name, value) values (:n, :v) on conflict (name) do nothing")
                  .bind("n", NAME)
                  .bind("v", Base64.getEncoder().encodeToString(fresh))
                  .execute();
              return h.createQuery("select value from service_state where name = :n")
                  .bind("n", NAME)
                  .mapTo(String.class)
                  .one();
            });
    return Base64.getDecoder().decode(stored);
  }
}
