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
    Optional<EmailTemplate> found =
        files
            .find(path)
            .map(
                f -> {
                  if (TemplateText.hasMalformedVariant(f.text())
                      && malformedSeen.add(path + "\n" + f.text())) {
                    log.warn(
                        "template {} has a subject_b line that cannot be used (it needs"
                            + " 'subject_b: <text>'); it goes out with its single subject",
                        key);
                    fallbacks.accept(key);
                  }
                  return TemplateText.parse(key, f.text(), f.origin());
                });
    if (found.isPresent() && !"default".equals(found.get().origin()) && unsafe(found.get())) {
      log.warn(
          "template {} in the config folder inserts a value unescaped or changes the"
              + " delimiters; the shipped template applies",
          key);
      fallbacks.accept(key);
      return files.findDefault(path).map(f -> TemplateText.parse(key, f.text(), f.origin()));
    }
    return found;
  }

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
