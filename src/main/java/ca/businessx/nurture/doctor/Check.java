package ca.businessx.nurture.doctor;

/**
 * One line of {@code nurture doctor}: what was checked, whether it passed, what was found, and
 * (when it failed) what to do about it. No line carries a secret.
 */
public record Check(String name, boolean ok, String found, String fix) {
  static Check ok(String name, String found) {
    return new Check(name, true, found, "");
  }

  static Check fail(String name, String found, String fix) {
    return new Check(name, false, found, fix);
  }

  public String line() {
    return (ok ? "ok   " : "FAIL ")
        + name
        + ": "
        + found
        + (ok || fix.isEmpty() ? "" : " -> " + fix);
  }
}
