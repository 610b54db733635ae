package ca.businessx.nurture.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds a configuration file by name: the override folder first ({@code config/} or {@code
 * NURTURE_CONFIG_DIR}), then the defaults shipped inside the jar. Files override one by one.
 */
public final class ConfigFiles {
  public record Found(String text, String origin) {}

  private final Optional<Path> overrideDir;

  /** The jar's files do not change while it runs; a send reads its templates once per email. */
  private final Map<String, Optional<Found>> defaults = new ConcurrentHashMap<>();

  public ConfigFiles(Optional<Path> overrideDir) {
    this.overrideDir = overrideDir;
  }

  public Optional<Found> find(String relativePath) {
    if (overrideDir.isPresent()) {
      Path file = overrideDir.get().resolve(relativePath);
      if (Files.isRegularFile(file)) {
        try {
          return Optional.of(new Found(Files.readString(file, StandardCharsets.UTF_8), "config"));
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read " + file, e);
        }
      }
    }
    return findDefault(relativePath);
  }

  /** The file as shipped inside the jar, whatever the override folder holds. */
  public Optional<Found> findDefault(String relativePath) {
    return defaults.computeIfAbsent(relativePath, ConfigFiles::readDefault);
  }

  private static Optional<Found> readDefault(String relativePath) {
    try (InputStream in = ConfigFiles.class.getResourceAsStream("/defaults/" + relativePath)) {
      if (in == null) {
        return Optional.empty();
      }
      return Optional.of(
          new Found(new String(in.readAllBytes(), StandardCharsets.UTF_8), "default"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the default " + relativePath, e);
    }
  }

  public Found require(String relativePath) {
    return find(relativePath)
        .orElseThrow(() -> new NurtureException("missing configuration file " + relativePath));
  }
}
