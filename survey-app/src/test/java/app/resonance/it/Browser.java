package app.resonance.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver, with a fresh profile each time; no
 * test tool downloads a browser. Without Chromium the browser tests are skipped locally and fail in CI.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    static void requireChromium() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if ("true".equals(System.getenv("CI"))) {
            assertTrue(present, "CI needs Debian's chromium and chromium-driver (see .ci/run)");
        }
        Assumptions.assumeTrue(present, "chromium and chromium-driver are not installed");
    }

    /** A browser window of this size whose preferred language is {@code language}. */
    static Browser open(int width, int height, String language) {
        requireChromium();
        try {
            Path profile =
                    Files.createTempDirectory(Path.of(System.getProperty("resonance.it.tmp", "target")), "chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments(
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--no-first-run",
                    "--disable-quic",
                    "--user-data-dir=" + profile,
                    "--window-size=" + width + "," + height,
                    "--lang=" + language);
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
            if (width < 500) {
                // Desktop windows cannot be this narrow: emulate the phone's viewport instead.
                options.setExperimentalOption(
                        "mobileEmulation",
                        Map.of("deviceMetrics", Map.of("width", width, "height", height, "pixelRatio", 2.0)));
            }
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return new Browser(driver, profile);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    void go(String url) {
        driver.get(url);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    boolean present(String css) {
        return !driver.findElements(By.cssSelector(css)).isEmpty();
    }

    /** Clicks the label of a radio button or checkbox (the inputs of scales are drawn by their labels). */
    void choose(String inputId) {
        find("label[for='" + inputId + "']").click();
    }

    void type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
    }

    /** Sends the form and waits for the next page. */
    void submit() {
        WebElement page = find("html");
        find("main form button[type=submit]").click();
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(page));
    }

    /** Follows a link and waits for the next page. */
    void follow(String css) {
        WebElement page = find("html");
        find(css).click();
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(page));
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    void waitUntil(java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(condition::apply);
    }

    String text(String css) {
        return find(css).getText();
    }

    @Override
    public void close() {
        driver.quit();
        try (var paths = Files.walk(profile)) {
            paths.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // a leftover profile under target/ does no harm
        }
    }
}
