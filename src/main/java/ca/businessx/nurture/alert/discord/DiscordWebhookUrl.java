package ca.businessx.nurture.alert.discord;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Discord hands out unversioned webhook URLs, which land on the deprecated default API version
 * (retry_after in milliseconds, older error shapes). Every URL is pinned to v10 here, with {@code
 * wait=true} so that a message that fails to save is reported instead of silently dropped.
 */
final class DiscordWebhookUrl {
  static final String API_VERSION = "v10";
  private static final Pattern PATH = Pattern.compile("/api(?:/v\\d+)?/webhooks/(\\d+)/([^/]+)/?");

  private DiscordWebhookUrl() {}

  static URI normalise(URI url) {
    Matcher path = matcher(url);
    String query =
        url.getRawQuery() == null
            ? ""
            : Arrays.stream(url.getRawQuery().split("&"))
                .filter(param -> param.startsWith("thread_id="))
                .map(param -> param + "&")
                .collect(Collectors.joining());
    try {
      return new URI(url.getScheme(), url.getRawAuthority(), null, null, null)
          .resolve(
              "/api/"
                  + API_VERSION
                  + "/webhooks/"
                  + path.group(1)
                  + "/"
                  + path.group(2)
                  + "?"
                  + query
                  + "wait=true");
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("the Discord webhook URL is malformed");
    }
  }

  /** The URL without its token, for log lines. */
  static String redacted(URI url) {
    Matcher path = matcher(url);
    return url.getScheme()
        + "://"
        + url.getRawAuthority()
        + "/api/"
        + API_VERSION
        + "/webhooks/"
        + path.group(1)
        + "/***";
  }

  private static Matcher matcher(URI url) {
    Matcher path = url.getRawPath() == null ? null : PATH.matcher(url.getRawPath());
    boolean web = "https".equals(url.getScheme()) || "http".equals(url.getScheme());
    if (!web || url.getRawAuthority() == null || path == null || !path.matches()) {
      // The URL itself is not repeated: its last segment is the webhook's secret token.
      throw new IllegalArgumentException(
          "the Discord webhook URL must look like https://discord.com/api/webhooks/{id}/{token}");
    }
    return path;
  }
}
