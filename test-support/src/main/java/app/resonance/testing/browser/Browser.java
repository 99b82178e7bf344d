package app.resonance.testing.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The one browser helper of every module's tests: Debian's headless Chromium driven through Debian's
 * chromedriver (never a browser a test tool downloads), a fresh profile each time, and waits that look
 * again when a page replaces the element they were reading.
 *
 * <p>Without Chromium the browser tests are skipped on a developer's machine and fail in CI. The first
 * browser of a test run logs the versions of Chromium, ChromeDriver and Selenium ({@link BrowserVersions}).
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    /** How long a wait looks before it fails. */
    public static final Duration WAIT = Duration.ofSeconds(20);

    private final ChromeDriver driver;
    private final Path profile;
    private final Path downloads;
    private final String base;

    private Browser(ChromeDriver driver, Path profile, Path downloads, String base) {
        this.driver = driver;
        this.profile = profile;
        this.downloads = downloads;
        this.base = base;
    }

    /** Skips the calling test where Chromium is not installed, and fails it in CI ({@code CI=true}). */
    public static void requireChromium() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if ("true".equals(System.getenv("CI"))) {
            assertTrue(present, "CI needs Debian's chromium and chromium-driver (see .ci/run)");
        }
        Assumptions.assumeTrue(present, "chromium and chromium-driver are not installed");
    }

    /** A browser window of this size whose preferred language is {@code language}. */
    public static Browser open(int width, int height, String language) {
        return start(width, height, language, null);
    }

    /**
     * A desktop browser (1400 x 1000, English) for the application at {@code base}, whose {@link #open(String)}
     * takes paths below it, and whose downloads land in its profile ({@link #downloaded(String)}).
     */
    public static Browser at(URL base) {
        // Payara Micro reports the machine's address, not always reachable in a sandbox; it listens on all.
        String url = base.getProtocol() + "://127.0.0.1:" + base.getPort() + base.getFile();
        return start(1400, 1000, "en-US", url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }

    private static Browser start(int width, int height, String language, String base) {
        requireChromium();
        BrowserVersions.logOnce();
        try {
            Path profile = Files.createTempDirectory(
                            Path.of(System.getProperty("resonance.it.tmp", "target")), "chromium")
                    .toAbsolutePath();
            Path downloads = Files.createDirectories(profile.resolve("downloads"));
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
            Map<String, Object> prefs = new HashMap<>();
            prefs.put("intl.accept_languages", language);
            prefs.put("download.default_directory", downloads.toString());
            prefs.put("download.prompt_for_download", false);
            options.setExperimentalOption("prefs", prefs);
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
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            return new Browser(driver, profile, downloads, base);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** The application's address without a trailing slash (for browsers made with {@link #at(URL)}). */
    public String base() {
        return base;
    }

    /** Opens a path below the application's address. */
    public void open(String path) {
        driver.get(base + path);
    }

    /** Opens a whole address. */
    public void go(String url) {
        driver.get(url);
    }

    /**
     * Waits until the condition gives a value other than null or false. An element that the page replaced
     * while the condition read it ({@link StaleElementReferenceException}), or that is not there yet, makes
     * the wait look again instead of failing the test.
     */
    public <T> T waitFor(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT)
                .ignoring(StaleElementReferenceException.class)
                .ignoring(NoSuchElementException.class)
                .until(condition);
    }

    /** The same wait for a plain yes-or-no condition. */
    public void waitUntil(Function<WebDriver, Boolean> condition) {
        waitFor(condition);
    }

    /** The first visible element that matches, once there is one. */
    public WebElement find(By by) {
        return waitFor(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** The element that matches the CSS selector now (no wait). */
    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public boolean present(String css) {
        return !driver.findElements(By.cssSelector(css)).isEmpty();
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

    public void type(String css, String text) {
        type(By.cssSelector(css), text);
    }

    public void click(By by) {
        waitFor(ExpectedConditions.elementToBeClickable(by)).click();
    }

    public String text(By by) {
        return find(by).getText();
    }

    public String text(String css) {
        return find(css).getText();
    }

    /** Clicks the label of a radio button or checkbox (the inputs of scales are drawn by their labels). */
    public void choose(String inputId) {
        find("label[for='" + inputId + "']").click();
    }

    /** Sends the page's form and waits for the next page. */
    public void submit() {
        clickAndWaitForNextPage("main form button[type=submit]");
    }

    /** Follows a link and waits for the next page. */
    public void follow(String css) {
        clickAndWaitForNextPage(css);
    }

    /** Marks the current document, clicks, and waits until a new, fully loaded document replaced it. */
    public void clickAndWaitForNextPage(String css) {
        clickAndWaitForNextPage(By.cssSelector(css));
    }

    /**
     * For a button or link that posts or loads a whole page: clicks it once it can be clicked and waits until
     * the answer's document replaced this one, so that nothing is read from the page before the answer came.
     */
    public void clickAndWaitForNextPage(By by) {
        WebElement target = waitFor(ExpectedConditions.elementToBeClickable(by));
        markPage();
        target.click();
        waitForNextPage();
    }

    /** Waits until a new, fully loaded document replaced one marked by {@link #markPage()}. */
    public void waitForNextPage() {
        waitUntil(d -> Boolean.TRUE.equals(
                script("return window.resonanceOldPage === undefined && document.readyState === 'complete'")));
    }

    /** Marks the current document, so that {@link #waitForNextPage()} can tell when another replaced it. */
    public void markPage() {
        script("window.resonanceOldPage = true");
    }

    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** A file the browser downloaded, once it is complete (at most 30 s). */
    public Path downloaded(String name) {
        Path file = downloads.resolve(name);
        Path partial = downloads.resolve(name + ".crdownload");
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(d -> Files.isRegularFile(file) && !Files.exists(partial));
        return file;
    }

    @Override
    public void close() {
        driver.quit();
        try (var paths = Files.walk(profile)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // a leftover profile under target/ does no harm
        }
    }
}
