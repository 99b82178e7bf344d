package app.resonance.console.pages;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium with its chromedriver (never downloaded by Selenium Manager), a fresh
 * profile per browser, and waits for what a user would wait for.
 */
public final class Browser implements AutoCloseable {

    private final WebDriver driver;
    private final String base;
    private final Path profile;
    private final Path downloads;

    public Browser(URL base) {
        // Payara Micro reports the machine's address, not always reachable in a sandbox; it listens on all.
        String url = base.getProtocol() + "://127.0.0.1:" + base.getPort() + base.getFile();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        try {
            profile = Files.createTempDirectory(Path.of("target"), "chromium-profile");
            downloads = Files.createDirectories(profile.resolve("downloads"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1400,1000",
                "--lang=en-US",
                "--user-data-dir=" + profile.toAbsolutePath());
        options.setExperimentalOption(
                "prefs",
                java.util.Map.of(
                        "download.default_directory",
                        downloads.toAbsolutePath().toString(),
                        "download.prompt_for_download",
                        false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String path) {
        driver.get(base + path);
    }

    public String base() {
        return base;
    }

    public WebElement find(By by) {
        return waitFor(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** A file the browser downloaded, once it is complete (at most 30 s). */
    public Path downloaded(String name) {
        Path file = downloads.resolve(name);
        Path partial = downloads.resolve(name + ".crdownload");
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(d -> Files.isRegularFile(file) && !Files.exists(partial));
        return file;
    }

    public <T> T waitFor(Function<WebDriver, T> condition) {
        // an element read while the next page replaces the document is stale: look again
        return new WebDriverWait(driver, Duration.ofSeconds(20))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition);
    }

    /** Waits until the element's text contains the given text. */
    public void waitForText(By by, String text) {
        waitFor(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    public void type(By by, String text) {
        WebElement element = find(by);
        element.clear();
        element.sendKeys(text);
    }

    public void click(By by) {
        waitFor(ExpectedConditions.elementToBeClickable(by)).click();
    }

    public String text(By by) {
        return find(by).getText();
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // a leftover profile directory under target/ is harmless
        }
    }
}
