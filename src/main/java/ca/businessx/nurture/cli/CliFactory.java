package ca.businessx.nurture.cli;

import java.lang.reflect.Constructor;
import java.util.Map;
import picocli.CommandLine;

/**
 * Builds commands with a given environment instead of the process's, so tests run the real command
 * line in-process against their own database.
 */
public final class CliFactory implements CommandLine.IFactory {
  private final Map<String, String> env;

  public CliFactory(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  @Override
  public <K> K create(Class<K> cls) throws Exception {
    try {
      Constructor<K> withEnv = cls.getDeclaredConstructor(Map.class);
      withEnv.setAccessible(true);
      return withEnv.newInstance(env);
    } catch (NoSuchMethodException plain) {
      return CommandLine.defaultFactory().create(cls);
    }
  }
}
