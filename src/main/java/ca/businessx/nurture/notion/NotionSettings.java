package ca.businessx.nurture.notion;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How to reach Notion. {@code templatesDbId} may be null when templates are not kept in Notion.
 * {@code version} picks the endpoint set: {@value #CURRENT_VERSION} (data sources) or {@value
 * #CLASSIC_VERSION} (database endpoints).
 */
public record NotionSettings(
    String apiKey,
    String contactsDbId,
    String templatesDbId,
    URI apiUrl,
    String version,
    double requestsPerSecond,
    Duration timeout,
    PropertyNames names) {

  public static final String CURRENT_VERSION = "2025-09-03";
  public static final String CLASSIC_VERSION = "2022-06-28";
  public static final URI DEFAULT_API_URL = URI.create("https://api.notion.com");
  // Ids are spliced into request paths, so only id-shaped strings are accepted.
  private static final Pattern ID = Pattern.compile("[0-9A-Za-z-]{1,64}");

  public NotionSettings {
    if (apiKey == null || apiKey.isBlank()) {
      throw new IllegalArgumentException("NOTION_API_KEY is required");
    }
    requireId("NOTION_CONTACTS_DB_ID", contactsDbId);
    if (templatesDbId != null) {
      requireId("NOTION_TEMPLATES_DB_ID", templatesDbId);
    }
    Objects.requireNonNull(apiUrl, "apiUrl");
    if (!CURRENT_VERSION.equals(version) && !CLASSIC_VERSION.equals(version)) {
      throw new IllegalArgumentException(
          "NOTION_VERSION must be " + CURRENT_VERSION + " or " + CLASSIC_VERSION);
    }
    if (!(requestsPerSecond > 0)) {
      throw new IllegalArgumentException("Notion requests per second must be positive");
    }
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("Notion timeout must be positive");
    }
    Objects.requireNonNull(names, "names");
  }

  public static NotionSettings defaults(String apiKey, String contactsDbId, String templatesDbId) {
    return new NotionSettings(
        apiKey,
        contactsDbId,
        templatesDbId,
        DEFAULT_API_URL,
        CURRENT_VERSION,
        3.0,
        Duration.ofSeconds(30),
        PropertyNames.defaults());
  }

  public boolean classic() {
    return CLASSIC_VERSION.equals(version);
  }

  public NotionSettings withApiUrl(URI url) {
    return new NotionSettings(
        apiKey, contactsDbId, templatesDbId, url, version, requestsPerSecond, timeout, names);
  }

  public NotionSettings withVersion(String v) {
    return new NotionSettings(
        apiKey, contactsDbId, templatesDbId, apiUrl, v, requestsPerSecond, timeout, names);
  }

  public NotionSettings withRequestsPerSecond(double rate) {
    return new NotionSettings(
        apiKey, contactsDbId, templatesDbId, apiUrl, version, rate, timeout, names);
  }

  public NotionSettings withTimeout(Duration t) {
    return new NotionSettings(
        apiKey, contactsDbId, templatesDbId, apiUrl, version, requestsPerSecond, t, names);
  }

  /** The key is a secret: it never reaches a log through this record. */
  @Override
  public String toString() {
    return "NotionSettings[apiKey=***, contactsDbId="
        + contactsDbId
        + ", templatesDbId="
        + templatesDbId
        + ", apiUrl="
        + apiUrl
        + ", version="
        + version
        + ", requestsPerSecond="
        + requestsPerSecond
        + ", timeout="
        + timeout
        + ", names="
        + names
        + "]";
  }

  static String requireId(String what, String id) {
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException(what + " is not a Notion id");
    }
    return id;
  }
}
