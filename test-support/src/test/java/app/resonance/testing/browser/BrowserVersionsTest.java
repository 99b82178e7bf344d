package app.resonance.testing.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BrowserVersionsTest {

    @Test
    void readsTheMajorVersionOfChromiumAndChromeDriverLines() {
        assertEquals("156", BrowserVersions.major("Chromium 156.0.8078.114 built on Debian GNU/Linux 12 (bookworm)"));
        assertEquals(
                "156",
                BrowserVersions.major("ChromeDriver 156.0.8078.114 (4a6f8d3c1b2e-refs/branch-heads/7801@{#1234})"));
        assertNull(BrowserVersions.major("/usr/bin/chromium (No such file or directory)"));
    }

    @Test
    void knowsWhichChromiumDevToolsTheSeleniumOnTheClassPathSupports() {
        // Selenium 4.52 ships the DevTools bindings of Chromium 154 to 156, and none of Chromium 100.
        assertTrue(BrowserVersions.seleniumKnowsCdp("156"), "raise selenium.version: Debian serves Chromium 156");
        assertFalse(BrowserVersions.seleniumKnowsCdp("100"));
    }
}
