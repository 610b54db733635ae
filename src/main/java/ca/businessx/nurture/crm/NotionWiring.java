package ca.businessx.nurture.crm;

import ca.businessx.nurture.contact.ContactCrm;
import ca.businessx.nurture.notion.NotionClient;
import ca.businessx.nurture.notion.NotionContactCrm;
import ca.businessx.nurture.notion.NotionSchemaCheck;
import ca.businessx.nurture.notion.NotionSettings;
import ca.businessx.nurture.notion.NotionTemplateSource;
import ca.businessx.nurture.notion.PropertyNames;
import ca.businessx.nurture.notion.TemplateFallbackCounter;
import ca.businessx.nurture.notion.TemplateFallbackListener;
import ca.businessx.nurture.platform.Config;
import ca.businessx.nurture.platform.ConfigException;
import ca.businessx.nurture.template.TemplateSource;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Builds the Notion adapters from the configuration: one client shared by all, one rate limit. */
public final class NotionWiring {
  private final NotionSettings settings;
  private final NotionClient client;
  private final TemplateFallbackCounter fallbacks = new TemplateFallbackCounter();
  private final TemplateFallbackListener fallbackListener;
  private final Clock clock;
  private final Config.Crm crm;

  /**
   * @param fallbackListener told of each fallback too, e.g. to count it in metrics
   */
  public NotionWiring(Config.Crm crm, Clock clock, TemplateFallbackListener fallbackListener) {
    this.fallbackListener = fallbackListener;
    this.crm = crm;
    this.clock = clock;
    try {
      this.settings =
          new NotionSettings(
              crm.apiKey(),
              crm.contactsDbId(),
              crm.templatesDbId().orElse(null),
              crm.apiUrl(),
              crm.version(),
              crm.requestsPerSecond(),
              crm.timeout(),
              PropertyNames.defaults().withOverrides(crm.propertyNames()));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(List.of(e.getMessage()));
    }
    this.client = new NotionClient(settings, clock);
  }

  public ContactCrm contacts() {
    return new NotionContactCrm(client, settings);
  }

  /** The templates database as the preferred template source, when one is configured. */
  public Optional<TemplateSource> templates() {
    if (settings.templatesDbId() == null) {
      return Optional.empty();
    }
    return Optional.of(
        new NotionTemplateSource(
            client,
            settings,
            crm.templateTtl(),
            clock,
            (key, reason) -> {
              fallbacks.fallback(key, reason);
              fallbackListener.fallback(key, reason);
            }));
  }

  public TemplateFallbackCounter fallbacks() {
    return fallbacks;
  }

  public NotionSchemaCheck schemaCheck() {
    return new NotionSchemaCheck(client, settings);
  }
}
