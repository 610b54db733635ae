package ca.businessx.nurture.template;

import ca.businessx.nurture.contact.Language;
import ca.businessx.nurture.contact.LeadLocale;
import ca.businessx.nurture.contact.LocaleDefaults;
import ca.businessx.nurture.platform.ConfigFiles;
import ca.businessx.nurture.platform.NurtureException;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders an email: the first source that has the template wins (a CRM, then the static files), and
 * the result is wrapped in the shared layout. Contact data is HTML-escaped in the body; the subject
 * is plain text with line breaks removed so no header can be injected. The language is the lead's
 * (see {@link LocaleDefaults}), chosen at each render so a lead that changes language gets the next
 * email in the new one; a French email is French throughout, its layout included, and never falls
 * back to English text.
 */
public final class TemplateRenderer {
  private final List<TemplateSource> sources;
  private final TemplateSource fallback;
  private final Map<Language, Template> layouts = new EnumMap<>(Language.class);
  private final Map<Language, String> layoutTexts = new EnumMap<>(Language.class);
  private final LocaleDefaults locales;
  private final Mustache.Compiler html =
      Mustache.compiler().nullValue("").emptyStringIsFalse(true).zeroIsFalse(false);
  private final Mustache.Compiler plain = html.escapeHTML(false);

  /** Compiled subjects and bodies by their text, so an edited template is compiled afresh. */
  private final TextCache<String, Template> compiledHtml = new TextCache<>();

  private final TextCache<String, Template> compiledPlain = new TextCache<>();

  private final TextCache<Source, String> sourceHashes = new TextCache<>();

  /**
   * @param preferred sources tried first, in order (e.g. Notion); a miss or failure falls through
   * @param fallback the static templates, which must have every key
   */
  public TemplateRenderer(
      List<TemplateSource> preferred, TemplateSource fallback, ConfigFiles files) {
    this(preferred, fallback, files, LocaleDefaults.CANADA);
  }

  /**
   * @param locales how a lead that did not say is given a language
   */
  public TemplateRenderer(
      List<TemplateSource> preferred,
      TemplateSource fallback,
      ConfigFiles files,
      LocaleDefaults locales) {
    this.sources = List.copyOf(preferred);
    this.fallback = fallback;
    this.locales = locales;
    for (Language language : Language.values()) {
      String text = layout(files, language);
      layoutTexts.put(language, text);
      layouts.put(language, html.compile(text));
    }
  }

  /** The language a model's lead reads ({@link TemplateModel#LOCALE}); the default without one. */
  public Language languageOf(Map<String, Object> model) {
    return model.get(TemplateModel.LOCALE) instanceof LeadLocale l
        ? locales.languageOf(l)
        : locales.languageOf(LeadLocale.UNKNOWN);
  }

  /**
   * An overridden layout that inserts anything but the body unescaped is refused for the shipped
   * one.
   */
  private static String layout(ConfigFiles files, Language language) {
    String path = StaticTemplates.path("layout", language);
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

  /** Renders in the language of the model's lead. */
  public RenderedEmail render(String key, Map<String, Object> model) {
    return render(key, languageOf(model), model);
  }

  public RenderedEmail render(String key, Language language, Map<String, Object> model) {
    EmailTemplate template = resolve(key, language);
    Map<String, Object> values = TemplateModel.inLanguage(model, language);
    String subject =
        compiledPlain
            .get(template.subject(), plain::compile)
            .execute(values)
            .transform(TemplateRenderer::oneLine)
            .trim();
    values.put("subject", subject);
    values.put(
        "preheader",
        compiledPlain
            .get(template.preheader(), plain::compile)
            .execute(values)
            .transform(TemplateRenderer::oneLine)
            .trim());
    values.put("body", compiledHtml.get(template.htmlBody(), html::compile).execute(values));
    String email = layouts.get(language).execute(values);
    if (!template.hasSubjectB()) {
      return new RenderedEmail(key, subject, email, template.origin(), language)
          .withSourceHash(sourceHash(template, language));
    }
    String subjectB =
        compiledPlain
            .get(template.subjectB(), plain::compile)
            .execute(values)
            .transform(TemplateRenderer::oneLine)
            .trim();
    values.put("subject", subjectB);
    return new RenderedEmail(
        key,
        subject,
        email,
        template.origin(),
        language,
        subjectB,
        layouts.get(language).execute(values),
        sourceHash(template, language));
  }

  /** The template text an email is rendered from, hashed: a later edit shows as another hash. */
  private String sourceHash(EmailTemplate t, Language language) {
    return sourceHashes.get(new Source(language, t), s -> hash(t, language));
  }

  private record Source(Language language, EmailTemplate template) {}

  private String hash(EmailTemplate t, Language language) {
    try {
      java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
      for (String part :
          List.of(
              layoutTexts.get(language), t.subject(), t.subjectB(), t.preheader(), t.htmlBody())) {
        sha.update(part.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      return java.util.HexFormat.of().formatHex(sha.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static final java.util.regex.Pattern LINE_BREAKS =
      java.util.regex.Pattern.compile("[\\r\\n]+");

  private static String oneLine(String text) {
    return LINE_BREAKS.matcher(text).replaceAll(" ");
  }

  private EmailTemplate resolve(String key, Language language) {
    for (TemplateSource source : sources) {
      Optional<EmailTemplate> found = source.find(key, language);
      if (found.isPresent()) {
        return found.get();
      }
    }
    return fallback
        .find(key, language)
        .orElseThrow(
            () -> new NurtureException("no template named " + key + " in " + language.code()));
  }
}
