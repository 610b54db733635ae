package ca.businessx.nurture.console;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.support.Browser;
import ca.businessx.nurture.support.FlakySender;
import ca.businessx.nurture.support.TestApp;
import ca.businessx.nurture.support.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The console as an operator uses it, in headless Chromium against the whole service. */
class ConsoleBrowserTest {
  static final String TOKEN = "browser-test-token-long-enough-for-the-rule";
  @TempDir Path dir;

  @Test
  void anOperatorLogsInFindsALeadRetriesItsParkedEmailAndPreviewsATemplate() throws Exception {
    FlakySender sender = new FlakySender().refuse("rita@bouncy.example");
    try (TestApp t =
        new TestApp(
            dir.resolve("data"),
            TestDatabases.Kind.SQLITE,
            Map.of("ADMIN_TOKEN", TOKEN),
            b -> b.emailSender(sender))) {
      seed(t);
      ChromeDriver browser = Browser.start(dir.resolve("profile"));
      try {
        String base = "http://127.0.0.1:" + t.app.port();
        browser.get(base + "/console");
        assertThat(browser.getCurrentUrl()).endsWith("/console/login");
        browser.findElement(By.id("token")).sendKeys(TOKEN);
        browser.findElement(By.id("login")).click();
        waitForUrl(browser, "/console");
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Overview");
        assertThat(browser.findElement(By.cssSelector("#leads-total b")).getText()).isEqualTo("13");
        assertThat(browser.findElement(By.id("parked-count")).getText()).isEqualTo("1");
        screenshot(browser, Path.of("target", "screenshots", "overview.png"));

        browser.findElement(By.linkText("Leads")).click();
        waitForUrl(browser, "/console/leads");
        browser.findElement(By.id("q")).sendKeys("bouncy");
        browser.findElement(By.id("search")).click();
        waitForUrl(browser, "q=bouncy");
        assertThat(browser.findElements(By.cssSelector("#leads tbody tr"))).hasSize(1);
        browser.findElement(By.linkText("rita@bouncy.example")).click();
        waitForUrl(browser, "/console/leads/");

        assertThat(browser.findElement(By.id("timeline")).getText())
            .contains("Signed up", "Took the assessment", "Email parked, waiting for a person");
        WebElement state = browser.findElement(By.cssSelector("#emails .state"));
        assertThat(state.getText()).isEqualTo("PARKED");
        assertThat(browser.findElement(By.id("enrollment-state")).getText()).isEqualTo("PAUSED");

        sender.accept("rita@bouncy.example");
        browser.findElement(By.cssSelector("#emails button.retry")).click();
        waitForUrl(browser, "notice=");
        assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText()).contains("queued");
        assertThat(browser.findElement(By.cssSelector("#emails .state")).getText())
            .isEqualTo("PENDING");
        assertThat(browser.findElement(By.id("enrollment-state")).getText()).isEqualTo("ACTIVE");
        t.runDue();
        browser.navigate().refresh();
        assertThat(browser.findElement(By.cssSelector("#emails .state")).getText())
            .isEqualTo("SENT");
        assertThat(browser.findElement(By.id("emails")).getText()).contains("msg-nurture-");
        assertThat(browser.findElement(By.id("timeline")).getText())
            .contains("Retry requested", "Email sent");
        screenshot(browser, Path.of("target", "screenshots", "lead.png"));

        browser.findElement(By.linkText("Templates")).click();
        waitForUrl(browser, "/console/templates");
        new Select(browser.findElement(By.id("key"))).selectByValue("email_5b");
        new Select(browser.findElement(By.id("segment"))).selectByValue("URGENT");
        browser.findElement(By.id("preview")).click();
        waitForUrl(browser, "key=email_5b");
        assertThat(browser.findElement(By.id("template-key")).getText()).isEqualTo("email_5b");
        assertThat(browser.findElement(By.id("origin")).getText()).isIn("default", "config");
        assertThat(browser.findElement(By.id("subject")).getText()).isNotBlank();
        browser.switchTo().frame("preview-frame");
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("Sam");
        browser.switchTo().defaultContent();
        screenshot(browser, Path.of("target", "screenshots", "template.png"));
      } finally {
        browser.quit();
      }
    }
  }

  /** A believable week: leads in every segment at different points of the sequence. */
  private static void seed(TestApp t) {
    String[][] leads = {
      {"ana@tremblay.example", "3", "0"},
      {"ben@north.example", "0", "0"},
      {"cleo@maple.example", "1", "0"},
      {"dev@harbour.example", "2", "1"},
      {"eli@prairie.example", "0", "3"},
      {"fay@coast.example", "0", "1"},
    };
    for (String[] l : leads) {
      t.signup(l[0], l[0].substring(0, 1).toUpperCase() + l[0].substring(1, l[0].indexOf('@')));
      t.assess(l[0], Integer.parseInt(l[1]), Integer.parseInt(l[2]));
    }
    t.advance(Duration.ofDays(3), Duration.ofHours(6));
    String[][] later = {
      {"gus@rocky.example", "2", "0"},
      {"hana@lake.example", "0", "0"},
      {"ivy@river.example", "1", "2"},
      {"rita@bouncy.example", "0", "2"},
    };
    for (String[] l : later) {
      t.signup(l[0], l[0].substring(0, 1).toUpperCase() + l[0].substring(1, l[0].indexOf('@')));
      t.assess(l[0], Integer.parseInt(l[1]), Integer.parseInt(l[2]));
    }
    t.signup("jo@quiet.example", "Jo");
    t.signup("kai@late.example", "Kai");
    t.signup("lou@new.example", "Lou");
    t.advance(Duration.ofHours(2), Duration.ofHours(1));
  }

  /** Waits for the navigation a click started, so no element of the previous page is read. */
  private static void waitForUrl(ChromeDriver browser, String part) {
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains(part));
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(
            d ->
                "complete"
                    .equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
  }

  private static void screenshot(ChromeDriver browser, Path target) throws Exception {
    Files.createDirectories(target.getParent());
    Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
  }
}
