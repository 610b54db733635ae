package ca.businessx.nurture.platform;

/** Root of the service's own exceptions; HTTP status mapping happens only at the web edge. */
public class NurtureException extends RuntimeException {
  public NurtureException(String message) {
    super(message);
  }

  public NurtureException(String message, Throwable cause) {
    super(message, cause);
  }
}
