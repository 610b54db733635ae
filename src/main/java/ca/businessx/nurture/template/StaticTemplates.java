package ca.businessx.nurture.template;

import ca.businessx.nurture.platform.ConfigFiles;
import java.util.Optional;

/** The templates shipped in the jar, each overridable by a file in the config folder. */
public final class StaticTemplates implements TemplateSource {
  private final ConfigFiles files;

  public StaticTemplates(ConfigFiles files) {
    this.files = files;
  }

  @Override
  public Optional<EmailTemplate> find(String key) {
    if (!key.matches("[a-z0-9_]{1,50}")) {
      return Optional.empty();
    }
    return files
        .find("templates/" + key + ".mustache")
        .map(found -> TemplateText.parse(key, found.text(), found.origin()));
  }
}
