package org.taar.site;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
public final class Chromium {
    static final File BINARY = new File("/usr/bin/chromium");
    static final File DRIVER = new File("/usr/bin/chromedriver");
    private static final Logger CDP_LOG = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    private Chromium() {}

    public static void require() {
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
    public static ChromeDriver start(Path dir, String profile, boolean javascript, int width, int height) {
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

    /**
     * The checks of WCAG 2.1 AA that can be decided from the DOM: page language, landmarks, one
     * h1 and no skipped heading levels, names for links, images and fields, unique ids, and a
     * contrast ratio of at least 4.5:1 (3:1 for large text) for every visible run of text.
     */
    @SuppressWarnings("unchecked")
    public static List<String> accessibility(ChromeDriver d) {
        return (List<String>) d.executeScript("""
                const problems = [];
                const lang = document.documentElement.lang;
                if (!/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(lang)) problems.push('html lang is "' + lang + '"');
                const count = s => document.querySelectorAll(s).length;
                if (count('main') !== 1) problems.push(count('main') + ' main landmarks');
                if (count('body > header') !== 1) problems.push('no banner header');
                if (count('body > footer') !== 1) problems.push('no contentinfo footer');
                for (const n of document.querySelectorAll('nav'))
                  if (!n.getAttribute('aria-label') && !n.getAttribute('aria-labelledby')) problems.push('nav without a label');
                if (count('h1') !== 1) problems.push(count('h1') + ' h1 elements');
                let level = 0;
                for (const h of document.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
                  const l = +h.tagName[1];
                  if (l > level + 1) problems.push('heading ' + h.tagName + ' "' + h.textContent.trim() + '" skips a level after h' + level);
                  level = l;
                }
                const visible = e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
                for (const a of document.querySelectorAll('a[href]'))
                  if (visible(a) && !(a.textContent.trim() || a.getAttribute('aria-label') || a.querySelector('img[alt]:not([alt=""])')))
                    problems.push('link without a name: ' + a.getAttribute('href'));
                for (const i of document.querySelectorAll('img')) if (!i.hasAttribute('alt')) problems.push('img without alt: ' + i.src);
                for (const f of document.querySelectorAll('input:not([type=hidden]):not([type=submit]), select, textarea'))
                  if (!(f.labels && f.labels.length) && !f.getAttribute('aria-label')) problems.push('field without a label: ' + f.name);
                const ids = {};
                for (const e of document.querySelectorAll('[id]')) { if (ids[e.id]) problems.push('duplicate id ' + e.id); ids[e.id] = 1; }

                const rgba = c => { const m = c.match(/[\\d.]+/g).map(Number); return {r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1}; };
                const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
                  return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
                const background = e => {
                  for (; e; e = e.parentElement) { const c = rgba(getComputedStyle(e).backgroundColor); if (c.a > 0) return c; }
                  return {r: 255, g: 255, b: 255, a: 1};
                };
                const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                const seen = new Set();
                for (let t = walker.nextNode(); t; t = walker.nextNode()) {
                  const e = t.parentElement;
                  if (!t.textContent.trim() || seen.has(e) || !visible(e) || e.closest('script, style, noscript')) continue;
                  seen.add(e);
                  const s = getComputedStyle(e);
                  const fg = rgba(s.color), bg = background(e);
                  const L1 = lum(fg), L2 = lum(bg);
                  const ratio = (Math.max(L1, L2) + 0.05) / (Math.min(L1, L2) + 0.05);
                  const size = parseFloat(s.fontSize), bold = +s.fontWeight >= 700;
                  const need = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
                  if (ratio < need) problems.push('contrast ' + ratio.toFixed(2) + ' < ' + need + ' for "' + t.textContent.trim().slice(0, 40) + '"');
                }
                return problems;
                """);
    }

}
