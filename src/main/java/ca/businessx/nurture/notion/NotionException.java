package ca.businessx.nurture.notion;

import ca.businessx.nurture.contact.CrmException;
import java.time.Duration;

/**
 * A failed Notion call. {@code status} is the HTTP status (0 when no answer came) and {@code code}
 * Notion's error code, so callers can tell a missing page from a missing database.
 */
public final class NotionException extends CrmException {
  private final int status;
  private final String code;

  NotionException(
      String message, boolean transientFailure, Duration retryAfter, int status, String code) {
    super(message, transientFailure, retryAfter);
    this.status = status;
    this.code = code;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  boolean notFound() {
    return status == 404;
  }
}
