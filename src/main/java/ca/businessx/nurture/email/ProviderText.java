package ca.businessx.nurture.email;

import java.util.regex.Pattern;

/**
 * Makes text that came from a provider safe for logs and exception messages: providers echo
 * addresses back in their errors ("550 5.1.1 &lt;ana@example.ca&gt; unknown"), and those must not
 * leave the adapter.
 */
public final class ProviderText {
  private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"'(),;:]+@[^\\s<>\"'(),;:]+");
  private static final int MAX_LENGTH = 300;

  private ProviderText() {}

  public static String safe(String text) {
    if (text == null || text.isBlank()) {
      return "(no detail)";
    }
    String redacted = ADDRESS.matcher(text.strip()).replaceAll("<address>");
    String oneLine = redacted.replaceAll("\\s+", " ");
    return oneLine.length() <= MAX_LENGTH ? oneLine : oneLine.substring(0, MAX_LENGTH) + "…";
  }
}
