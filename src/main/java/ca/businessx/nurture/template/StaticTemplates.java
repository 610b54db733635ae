package ca.businessx.nurture.template;

import ca.businessx.nurture.contact.Language;
import ca.businessx.nurture.platform.ConfigFiles;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The templates shipped in the jar, each overridable by a file in the config folder. An override
 * with an unescaped tag is refused: the shipped template applies and the fallback is counted.
 */
public final class StaticTemplates implements TemplateSource {
  private static final Logger log = LoggerFactory.getLogger(StaticTemplates.class);
  private static final java.util.regex.Pattern KEY =
      java.util.regex.Pattern.compile("[a-z0-9_]{1,50}");
  private final ConfigFiles files;
  private final TextCache<Source, Checked> parsed = new TextCache<>();
  private final Consumer<String> fallbacks;
  private final java.util.Set<String> malformedSeen =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  public StaticTemplates(ConfigFiles files) {
    this(files, key -> {});
  }

  /**
   * @param fallbacks told the key of each override refused
   */
  public StaticTemplates(ConfigFiles files, Consumer<String> fallbacks) {
    this.files = files;
    this.fallbacks = fallbacks;
  }

  @Override
  public Optional<EmailTemplate> find(String key) {
    return find(key, Language.EN);
  }

  /** English is {@code templates/KEY.mustache}, French {@code templates/KEY.fr.mustache}. */
  @Override
  public Optional<EmailTemplate> find(String key, Language language) {
    if (!KEY.matcher(key).matches()) {
      return Optional.empty();
    }
    String path = path(key, language);
    Optional<Checked> found = files.find(path).map(f -> checked(key, path, f));
    if (found.isPresent() && found.get().refused()) {
      log.warn(
          "template {} in the config folder inserts a value unescaped or changes the"
              + " delimiters; the shipped template applies",
          key);
      fallbacks.accept(key);
      return files.findDefault(path).map(f -> checked(key, path, f).template());
    }
    return found.map(Checked::template);
  }

  /**
   * Parsed once per text: every email of a batch reads the same file, and an edited file is parsed
   * afresh at its next use.
   */
  private Checked checked(String key, String path, ConfigFiles.Found file) {
    return parsed.get(new Source(path, file), p -> check(key, path, file));
  }

  private Checked check(String key, String path, ConfigFiles.Found file) {
    if (TemplateText.hasMalformedVariant(file.text())
        && malformedSeen.add(path + "\n" + file.text())) {
      log.warn(
          "template {} has a subject_b line that cannot be used (it needs"
              + " 'subject_b: <text>'); it goes out with its single subject",
          key);
      fallbacks.accept(key);
    }
    EmailTemplate t = TemplateText.parse(key, file.text(), file.origin());
    return new Checked(t, !"default".equals(t.origin()) && unsafe(t));
  }

  private record Source(String path, ConfigFiles.Found file) {}

  /** A template as parsed, and whether it is refused for the shipped one. */
  private record Checked(EmailTemplate template, boolean refused) {}

  static String path(String key, Language language) {
    return "templates/"
        + key
        + (language == Language.EN ? "" : "." + language.code())
        + ".mustache";
  }

  private static boolean unsafe(EmailTemplate t) {
    return TemplateSafety.hasUnescapedTag(t.subject())
        || TemplateSafety.hasUnescapedTag(t.subjectB())
        || TemplateSafety.hasUnescapedTag(t.preheader())
        || TemplateSafety.hasUnescapedTag(t.htmlBody());
  }
}
