package ca.businessx.nurture.support;

import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium from the machine's packages (Debian's chromium and chromium-driver), never a
 * downloaded driver. Missing packages skip the browser tests with a reason, except under CI=true,
 * where they fail: CI installs them (.ci/run).
 */
public final class Browser {
  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private Browser() {}

  public static ChromeDriver start(Path profileDir) {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      String message =
          "browser tests need "
              + CHROMIUM
              + " and "
              + CHROMEDRIVER
              + " (apt-get install -y chromium chromium-driver)";
      if ("true".equals(System.getenv("CI"))) {
        throw new IllegalStateException(message + "; CI requires them");
      }
      System.err.println("SKIPPED browser tests: " + message);
      abort(message);
    }
    try {
      Files.createDirectories(profileDir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--user-data-dir=" + profileDir.toAbsolutePath(),
        "--window-size=1280,1400");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    return driver;
  }
}
