package ca.businessx.nurture.platform;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads typed settings from an environment map and collects one line per invalid value, so that a
 * misconfigured service names every problem at once instead of the first one.
 */
public final class EnvReader {
  private final Map<String, String> env;
  private final List<String> problems = new ArrayList<>();

  public EnvReader(Map<String, String> env) {
    this.env = env;
  }

  public Optional<String> string(String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  public String string(String name, String fallback) {
    return string(name).orElse(fallback);
  }

  public int integer(String name, int fallback, int min, int max) {
    Optional<String> raw = string(name);
    if (raw.isEmpty()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(raw.get());
      if (value < min || value > max) {
        problems.add(name + " must be between " + min + " and " + max + ", got " + value);
        return fallback;
      }
      return value;
    } catch (NumberFormatException e) {
      problems.add(name + " must be a whole number, got '" + raw.get() + "'");
      return fallback;
    }
  }

  public double decimal(String name, double fallback, double min, double max) {
    Optional<String> raw = string(name);
    if (raw.isEmpty()) {
      return fallback;
    }
    try {
      double value = Double.parseDouble(raw.get());
      if (!(value >= min && value <= max)) {
        problems.add(name + " must be between " + min + " and " + max + ", got " + raw.get());
        return fallback;
      }
      return value;
    } catch (NumberFormatException e) {
      problems.add(name + " must be a number, got '" + raw.get() + "'");
      return fallback;
    }
  }

  public boolean bool(String name, boolean fallback) {
    Optional<String> raw = string(name);
    if (raw.isEmpty()) {
      return fallback;
    }
    switch (raw.get().toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes", "on" -> {
        return true;
      }
      case "false", "0", "no", "off" -> {
        return false;
      }
      default -> {
        problems.add(name + " must be true or false, got '" + raw.get() + "'");
        return fallback;
      }
    }
  }

  public Duration duration(String name, Duration fallback) {
    Optional<String> raw = string(name);
    if (raw.isEmpty()) {
      return fallback;
    }
    return parseDuration(name, raw.get()).orElse(fallback);
  }

  /** A comma-separated list of ISO-8601 durations, e.g. {@code PT2S,PT2S}. */
  public Optional<List<Duration>> durations(String name) {
    Optional<String> raw = string(name);
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    List<Duration> values = new ArrayList<>();
    for (String part : raw.get().split(",")) {
      Optional<Duration> parsed = parseDuration(name, part.trim());
      if (parsed.isEmpty()) {
        return Optional.empty();
      }
      values.add(parsed.get());
    }
    return Optional.of(List.copyOf(values));
  }

  public Path path(String name, String fallback) {
    return Path.of(string(name, fallback));
  }

  public Optional<URI> uri(String name) {
    Optional<String> raw = string(name);
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    try {
      URI uri = URI.create(raw.get());
      if (uri.getScheme() == null || uri.getHost() == null) {
        problems.add(name + " must be an absolute http(s) URL");
        return Optional.empty();
      }
      return Optional.of(uri);
    } catch (IllegalArgumentException e) {
      problems.add(name + " is not a valid URL");
      return Optional.empty();
    }
  }

  public void problem(String line) {
    problems.add(line);
  }

  public List<String> problems() {
    return List.copyOf(problems);
  }

  private Optional<Duration> parseDuration(String name, String raw) {
    try {
      Duration value = Duration.parse(raw);
      if (value.isNegative()) {
        problems.add(name + " must not be negative, got '" + raw + "'");
        return Optional.empty();
      }
      return Optional.of(value);
    } catch (DateTimeParseException e) {
      problems.add(name + " must be ISO-8601 durations such as PT2S or PT24H, got '" + raw + "'");
      return Optional.empty();
    }
  }
}
