package ca.businessx.nurture.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings of a systemd unit file, and the environment systemd would give its service: the
 * {@code Environment=} lines, then the {@code EnvironmentFile=}'s assignments, which win.
 */
record ServiceUnit(Map<String, List<String>> settings) {
  static ServiceUnit read(Path file) throws IOException {
    Map<String, List<String>> settings = new LinkedHashMap<>();
    String section = "";
    for (String raw : Files.readAllLines(file)) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
        continue;
      }
      if (line.startsWith("[")) {
        section = line.substring(1, line.length() - 1) + ".";
        continue;
      }
      int eq = line.indexOf('=');
      settings
          .computeIfAbsent(section + line.substring(0, eq).strip(), k -> new ArrayList<>())
          .add(line.substring(eq + 1).strip());
    }
    return new ServiceUnit(settings);
  }

  /** The last value of a setting of the {@code [Service]} section, or "" when unset. */
  String service(String key) {
    List<String> values = settings.getOrDefault("Service." + key, List.of());
    return values.isEmpty() ? "" : values.getLast();
  }

  Map<String, String> environment() throws IOException {
    Map<String, String> env = new LinkedHashMap<>();
    for (String assignment : settings.getOrDefault("Service.Environment", List.of())) {
      put(env, assignment);
    }
    for (String file : settings.getOrDefault("Service.EnvironmentFile", List.of())) {
      for (String line : Files.readAllLines(Path.of(file.replaceFirst("^-", "")))) {
        if (!line.isBlank() && !line.strip().startsWith("#")) {
          put(env, line.strip());
        }
      }
    }
    return env;
  }

  private static void put(Map<String, String> env, String assignment) {
    int eq = assignment.indexOf('=');
    env.put(assignment.substring(0, eq), assignment.substring(eq + 1));
  }
}
