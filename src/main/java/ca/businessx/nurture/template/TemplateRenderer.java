package ca.businessx.nurture.template;

import ca.businessx.nurture.platform.ConfigFiles;
import ca.businessx.nurture.platform.NurtureException;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders an email: the first source that has the template wins (a CRM, then the static files), and
 * the result is wrapped in the shared layout. Contact data is HTML-escaped in the body; the subject
 * is plain text with line breaks removed so no header can be injected.
 */
public final class TemplateRenderer {
  private static final int MAX_CACHED = 200;
  private final List<TemplateSource> sources;
  private final TemplateSource fallback;
  private final Template layout;
  private final Mustache.Compiler html =
      Mustache.compiler().nullValue("").emptyStringIsFalse(true).zeroIsFalse(false);
  private final Mustache.Compiler plain = html.escapeHTML(false);

  /** Compiled subjects and bodies by their text, so an edited template is compiled afresh. */
  private final Map<String, Template> compiledHtml = new ConcurrentHashMap<>();

  private final Map<String, Template> compiledPlain = new ConcurrentHashMap<>();

  /**
   * @param preferred sources tried first, in order (e.g. Notion); a miss or failure falls through
   * @param fallback the static templates, which must have every key
   */
  public TemplateRenderer(
      List<TemplateSource> preferred, TemplateSource fallback, ConfigFiles files) {
    this.sources = List.copyOf(preferred);
    this.fallback = fallback;
    this.layout = html.compile(layout(files));
  }

  /**
   * An overridden layout that inserts anything but the body unescaped is refused for the shipped
   * one.
   */
  private static String layout(ConfigFiles files) {
    String path = "templates/layout.mustache";
    String text = files.require(path).text();
    if (TemplateSafety.layoutIsSafe(text)) {
      return text;
    }
    org.slf4j.LoggerFactory.getLogger(TemplateRenderer.class)
        .warn("the layout in the config folder has an unescaped tag; the shipped layout applies");
    return files
        .findDefault(path)
        .orElseThrow(() -> new NurtureException("missing configuration file " + path))
        .text();
  }

  public RenderedEmail render(String key, Map<String, Object> model) {
    EmailTemplate template = resolve(key);
    Map<String, Object> values = new HashMap<>(model);
    String subject =
        compiled(compiledPlain, plain, template.subject())
            .execute(values)
            .replaceAll("[\\r\\n]+", " ")
            .trim();
    values.put("subject", subject);
    values.put("body", compiled(compiledHtml, html, template.htmlBody()).execute(values));
    return new RenderedEmail(key, subject, layout.execute(values), template.origin());
  }

  private static Template compiled(
      Map<String, Template> cache, Mustache.Compiler compiler, String text) {
    if (cache.size() > MAX_CACHED) {
      cache.clear(); // templates edited many times over: start afresh rather than grow
    }
    return cache.computeIfAbsent(text, compiler::compile);
  }

  private EmailTemplate resolve(String key) {
    for (TemplateSource source : sources) {
      Optional<EmailTemplate> found = source.find(key);
      if (found.isPresent()) {
        return found.get();
      }
    }
    return fallback.find(key).orElseThrow(() -> new NurtureException("no template named " + key));
  }
}
