package app.resonance.testing.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.BuildInfo;

/**
 * Names the Chromium, ChromeDriver and Selenium versions in the test log once per test run, and says
 * plainly when Selenium does not know the installed Chromium's DevTools protocol, so that the next time
 * Debian's Chromium moves on the cause is clear in a minute.
 */
public final class BrowserVersions {

    private static final Pattern MAJOR = Pattern.compile("(\\d+)\\.\\d+\\.\\d+\\.\\d+");
    private static volatile String summary;

    private BrowserVersions() {}

    /** The versions in one line, as logged. */
    public static synchronized String logOnce() {
        if (summary == null) {
            String chromium = versionOf(Browser.CHROMIUM.toString());
            String driver = versionOf(Browser.CHROMEDRIVER.toString());
            String selenium = new BuildInfo().getReleaseLabel();
            StringBuilder line = new StringBuilder("[browser] ")
                    .append(chromium)
                    .append(" | ")
                    .append(driver)
                    .append(" | Selenium ")
                    .append(selenium);
            String chromiumMajor = major(chromium);
            String driverMajor = major(driver);
            if (chromiumMajor != null && driverMajor != null && !chromiumMajor.equals(driverMajor)) {
                line.append(" | WARNING: Chromium ")
                        .append(chromiumMajor)
                        .append(" and ChromeDriver ")
                        .append(driverMajor)
                        .append(" differ: install both from the same Debian release");
            }
            if (chromiumMajor != null && !seleniumKnowsCdp(chromiumMajor)) {
                line.append(" | WARNING: Selenium ")
                        .append(selenium)
                        .append(" has no DevTools support for Chromium ")
                        .append(chromiumMajor)
                        .append(": raise selenium.version in the root pom");
            }
            summary = line.toString();
            System.out.println(summary);
        }
        return summary;
    }

    /** Whether Selenium ships the DevTools (CDP) bindings of this Chromium major version. */
    static boolean seleniumKnowsCdp(String major) {
        return BrowserVersions.class.getClassLoader().getResource("org/openqa/selenium/devtools/v" + major + "/")
                != null;
    }

    static String major(String versionLine) {
        Matcher m = MAJOR.matcher(versionLine);
        return m.find() ? m.group(1) : null;
    }

    private static String versionOf(String executable) {
        try {
            // Debian's launcher script may complain on standard error before Chromium answers: read the answer.
            Process process = new ProcessBuilder(executable, "--version")
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return executable + " (no answer to --version)";
            }
            return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return executable + " (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return executable + " (interrupted)";
        }
    }
}
