package ca.businessx.nurture.platform;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.support.TestApp;
import ca.businessx.nurture.support.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lead data and the link-signing key are readable by the service's user only. */
class DataDirectoryPermissionsTest {
  @TempDir Path dir;

  @Test
  void aFreshDataDirectoryIs0700AndTheDatabase0600() throws IOException {
    Path data = dir.resolve("data");
    try (TestApp t = new TestApp(data, TestDatabases.Kind.SQLITE, Map.of())) {
      t.signup("ana@example.ca", "Ana");
      assertThat(permissions(data)).isEqualTo("rwx------");
      try (var files = Files.list(data)) {
        assertThat(files.filter(f -> f.getFileName().toString().startsWith("nurture.db")))
            .isNotEmpty()
            .allSatisfy(f -> assertThat(permissions(f)).as(f.toString()).isEqualTo("rw-------"));
      }
    }
  }

  @Test
  void anExistingOpenDirectoryAndDatabaseAreTightened() throws IOException {
    Path data = Files.createDirectories(dir.resolve("old"));
    Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
    try (TestApp t = new TestApp(data, TestDatabases.Kind.SQLITE, Map.of())) {
      t.signup("ana@example.ca", "Ana");
    }
    Files.setPosixFilePermissions(
        data.resolve("nurture.db"), PosixFilePermissions.fromString("rw-r--r--"));
    try (TestApp t = new TestApp(data, TestDatabases.Kind.SQLITE, Map.of())) {
      assertThat(permissions(data)).isEqualTo("rwx------");
      assertThat(permissions(data.resolve("nurture.db"))).isEqualTo("rw-------");
    }
  }

  static String permissions(Path p) {
    try {
      return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
