package ca.businessx.nurture.platform;

import java.util.List;

/** The configuration is invalid; {@link #problems()} holds one plain line per problem. */
public class ConfigException extends NurtureException {
  private final List<String> problems;

  public ConfigException(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
