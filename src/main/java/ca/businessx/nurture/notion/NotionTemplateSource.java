package ca.businessx.nurture.notion;

import ca.businessx.nurture.contact.CrmException;
import ca.businessx.nurture.contact.Language;
import ca.businessx.nurture.notion.TemplateFallbackListener.Reason;
import ca.businessx.nurture.template.EmailTemplate;
import ca.businessx.nurture.template.TemplateSafety;
import ca.businessx.nurture.template.TemplateSource;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Email templates edited as Notion pages: the title is the key, {@code Subject} the subject, the
 * body the email, the {@code Language} select its language (none: English, as every page was before
 * French). Each language of a key is a page of its own; a missing French page makes the French file
 * apply, never the English page. Each answer, good or not, is kept for {@code ttl} so sends never
 * wait on Notion twice in a row; a failed refresh keeps serving the last good copy.
 */
public final class NotionTemplateSource implements TemplateSource {
  private static final Logger log = LoggerFactory.getLogger(NotionTemplateSource.class);

  private record Cached(EmailTemplate template, Reason reason, Instant fetchedAt) {}

  private final NotionClient client;
  private final String databaseId;
  private final String subjectProperty;
  private final String languageProperty;
  private final Duration ttl;
  private final Clock clock;
  private final TemplateFallbackListener listener;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  public NotionTemplateSource(
      NotionClient client,
      NotionSettings settings,
      Duration ttl,
      Clock clock,
      TemplateFallbackListener listener) {
    this.client = client;
    this.databaseId = NotionSettings.requireId("NOTION_TEMPLATES_DB_ID", settings.templatesDbId());
    this.subjectProperty = settings.names().templateSubject();
    this.languageProperty = settings.names().templateLanguage();
    this.ttl = ttl;
    this.clock = clock;
    this.listener = listener;
  }

  @Override
  public Optional<EmailTemplate> find(String key) {
    return find(key, Language.EN);
  }

  @Override
  public Optional<EmailTemplate> find(String key, Language language) {
    Instant now = clock.instant();
    String cacheKey = key + "." + language.code();
    Cached cached = cache.get(cacheKey);
    if (cached == null || !now.isBefore(cached.fetchedAt().plus(ttl))) {
      cached = refresh(key, language, cached, now);
      cache.put(cacheKey, cached);
    }
    if (cached.template() == null) {
      log.warn(
          "Notion template {} ({}) not used ({}); the static template in that language applies",
          key,
          language.code(),
          cached.reason());
      listener.fallback(key, cached.reason());
    }
    return Optional.ofNullable(cached.template());
  }

  private Cached refresh(String key, Language language, Cached previous, Instant now) {
    try {
      return load(key, language, now);
    } catch (CrmException e) {
      if (previous != null && previous.template() != null) {
        log.warn(
            "Notion template {} refresh failed, keeping the last good copy: {}",
            key,
            e.getMessage());
        return new Cached(previous.template(), null, now);
      }
      log.warn("Notion template {} could not be read: {}", key, e.getMessage());
      return new Cached(null, Reason.FAILED, now);
    }
  }

  /** The page's language; one Nurture cannot read is no language of ours, so never used. */
  private Language languageOf(NotionPage page) {
    String name = page.property(languageProperty).path("select").path("name").asText("").strip();
    if (name.isEmpty()) {
      return Language.EN;
    }
    return switch (name.toLowerCase(java.util.Locale.ROOT)) {
      case "en", "english", "anglais" -> Language.EN;
      case "fr", "french", "français", "francais" -> Language.FR;
      default -> null;
    };
  }

  private Cached load(String key, Language language, Instant now) {
    // The title property's id is always "title", whatever the team named the column.
    ObjectNode filter = NotionHttp.JSON.createObjectNode().put("property", "title");
    filter.putObject("title").put("equals", key);
    Optional<NotionPage> page =
        client.query(databaseId, filter).stream()
            .filter(p -> languageOf(p) == language)
            .findFirst();
    if (page.isEmpty()) {
      return new Cached(null, Reason.MISSING, now);
    }
    String subject = RichText.plain(page.get().property(subjectProperty).path("rich_text")).strip();
    String body = BlocksToHtml.render(client.blockTree(page.get().id())).strip();
    if (subject.isEmpty() || body.isEmpty()) {
      return new Cached(null, Reason.EMPTY, now);
    }
    if (TemplateSafety.hasUnescapedTag(subject) || TemplateSafety.hasUnescapedTag(body)) {
      // Whoever can edit the page must not be able to put a lead's raw input into an email.
      return new Cached(null, Reason.UNSAFE, now);
    }
    String subjectB = "";
    var b = page.get().property(subjectProperty + " B").path("rich_text");
    if (!b.isMissingNode() && !b.isEmpty()) {
      subjectB = RichText.plain(b).strip();
      if (subjectB.isEmpty() || TemplateSafety.hasUnescapedTag(subjectB)) {
        // Counted on each load (once per cache period), not on each email.
        listener.fallback(key, Reason.VARIANT);
        subjectB = "";
      }
    }
    return new Cached(new EmailTemplate(key, subject, body, "notion", "", subjectB), null, now);
  }
}
