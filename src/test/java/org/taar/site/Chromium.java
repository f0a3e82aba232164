package org.taar.site;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium for the browser tests. Skips a test when Chromium is not installed,
 * except under CI=true, where that is a failure (.ci/run installs it).
 */
final class Chromium {
    static final File BINARY = new File("/usr/bin/chromium");
    static final File DRIVER = new File("/usr/bin/chromedriver");
    private static final Logger CDP_LOG = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    private Chromium() {}

    static void require() {
        // With the driver given explicitly Selenium never runs Selenium Manager; these keep it so.
        System.setProperty("webdriver.chrome.driver", DRIVER.getPath());
        System.setProperty("SE_AVOID_STATS", "true");
        // Selenium warns that it has no CDP classes for this Chromium; the tests use none of them.
        CDP_LOG.setLevel(Level.SEVERE);
        if (BINARY.canExecute() && DRIVER.canExecute()) return;
        String message = "Chromium browser test needs " + BINARY + " and " + DRIVER
                + " (Debian: apt-get install chromium chromium-driver)";
        if ("true".equals(System.getenv("CI"))) Assertions.fail(message + "; CI=true, so this is a failure");
        Assumptions.abort(message + "; skipped");
    }

    /**
     * A fresh headless session with its own profile under {@code dir}, a window of the given size,
     * JavaScript on or off, and the browser's console log kept (failed loads are logged there).
     */
    static ChromeDriver start(Path dir, String profile, boolean javascript, int width, int height) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY);
        try {
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                    "--window-size=" + width + "," + height,
                    "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium-" + profile)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Desktop Chromium will not make a window narrower than 500 px: a phone is emulated.
        if (width < 500) {
            options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                    Map.of("width", width, "height", height, "pixelRatio", 2.0, "touch", true, "mobile", true)));
        }
        if (!javascript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(10));
        return driver;
    }
}
