package org.taar.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.taar.App;
import org.taar.Eventually;
import org.taar.TestEngines;

/**
 * The demo site as a reader's browser shows it (Debian's headless Chromium): the home, section,
 * article, tag and search pages load without a failed request or console error, every link and
 * stylesheet on them answers, they pass the accessibility checks a reviewer would make by hand
 * (language, landmarks, heading order, names of links and fields, text contrast, visible focus),
 * and an article page fits a phone. Screenshots of the article page go to target/screenshots/.
 */
class SiteBrowserTest {
    private static final Pattern ARTICLE_HREF = Pattern.compile("href=\"(/[a-z0-9-]+/[a-z0-9-]+-[0-9]+)\"");
    private static final Pattern TAG_HREF = Pattern.compile("href=\"(/tag/[^\"/]+/)\"");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    // Each test has its own App, data folder and browser profiles, so no test sees what another
    // left behind (open /events streams, a profile's cache) and any order, or one test alone, passes.
    @TempDir Path dir;
    private App app;
    private String base;
    private final Map<String, String> pages = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    @BeforeEach
    void start() throws Exception {
        Chromium.require();
        app = new App(TestEngines.config(TestEngines.SQLITE, dir), Clock.systemUTC());
        base = "http://127.0.0.1:" + app.serve("127.0.0.1", 0, true);

        String home = get("/").body();
        Matcher article = ARTICLE_HREF.matcher(home);
        assertThat(article.find()).as("the demo home page links to an article").isTrue();
        String articlePath = article.group(1);
        String articleHtml = get(articlePath).body();
        Matcher tag = TAG_HREF.matcher(articleHtml);
        assertThat(tag.find()).as("the demo article %s links to a tag", articlePath).isTrue();
        String headline = articleHtml.replaceAll("(?s).*<h1>([^<]+)</h1>.*", "$1");
        String word = headline.split(" ")[0];

        pages.put("home", "/");
        pages.put("section", articlePath.substring(0, articlePath.indexOf('/', 1) + 1));
        pages.put("article", articlePath);
        pages.put("tag", tag.group(1));
        pages.put("search", "/search?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        if (app != null) app.close();
    }

    @Test
    void everyPageLoadsWithoutFailuresAndPassesAccessibilityChecks() throws Exception {
        ChromeDriver d = Chromium.start(dir, "site", true, 1200, 900);
        recordPolicyViolations(d);
        Set<String> checkedLinks = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        try {
            for (var page : pages.entrySet()) {
                String name = page.getKey();
                d.get(base + page.getValue());
                problems.addAll(prefixed(name, policyViolations(d)));
                problems.addAll(prefixed(name, failedLoads(d)));
                problems.addAll(prefixed(name, brokenLinks(d, checkedLinks)));
                problems.addAll(prefixed(name, Chromium.accessibility(d)));
            }
        } finally {
            d.quit();
        }
        assertThat(checkedLinks).as("links followed").hasSizeGreaterThan(20);
        assertThat(problems).isEmpty();
    }

    @Test
    void theContentSecurityPolicyIsInForceAndTheLiveScriptStillRuns() throws Exception {
        ChromeDriver d = Chromium.start(dir, "csp", true, 1200, 900);
        recordPolicyViolations(d);
        try {
            d.get(base + "/");
            // The page's own inline script ran (it opened /events) without a violation ...
            // This App is the test's own: the only stream it can count is this page's.
            assertThat(Eventually.value(Duration.ofSeconds(5), () -> app.liveEvents().clients(), n -> n >= 1))
                    .as("the live-update script opened /events").isGreaterThanOrEqualTo(1);
            assertThat(policyViolations(d)).isEmpty();
            // ... while a script smuggled into the page, as a story body might try, is refused.
            d.executeScript("var s = document.createElement('script'); s.textContent = 'window.smuggled = 1';"
                    + "document.body.appendChild(s);");
            // The browser reports the violation as an event after the refusal: wait for the report, not a time.
            List<String> violations = Eventually.value(Duration.ofSeconds(5), () -> policyViolations(d), v -> !v.isEmpty());
            assertThat(violations).anySatisfy(v -> assertThat(v).contains("script-src"));
            assertThat(d.executeScript("return window.smuggled === undefined")).isEqualTo(true);
        } finally {
            d.quit();
        }
    }

    /** From the next page load on, the page keeps every Content-Security-Policy violation it reports. */
    private static void recordPolicyViolations(ChromeDriver d) {
        d.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "window.__violations = [];document.addEventListener('securitypolicyviolation',"
                        + " e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));"));
    }

    @SuppressWarnings("unchecked")
    private static List<String> policyViolations(ChromeDriver d) {
        Object v = d.executeScript("return window.__violations || ['no violation recorder on this page']");
        return ((List<Object>) v).stream().map(o -> "CSP violation: " + o).toList();
    }

    @Test
    void keyboardFocusIsVisibleAndTheSkipLinkLeadsToTheContent() {
        ChromeDriver d = Chromium.start(dir, "keys", true, 1200, 900);
        try {
            d.get(base + pages.get("article"));
            new Actions(d).sendKeys(Keys.TAB).perform();
            var skip = d.switchTo().activeElement();
            assertThat(skip.getAttribute("class")).isEqualTo("skip");
            assertThat(skip.getAttribute("href")).endsWith("#main");
            assertThat(skip.getRect().getX()).as("the focused skip link is on screen").isGreaterThanOrEqualTo(0);
            new Actions(d).sendKeys(Keys.TAB).perform();
            var brand = d.switchTo().activeElement();
            assertThat(brand.getTagName()).isEqualTo("a");
            assertThat(brand.getCssValue("outline-style")).as("focus outline of %s", brand.getText()).isNotEqualTo("none");
            assertThat(Double.parseDouble(brand.getCssValue("outline-width").replace("px", ""))).isGreaterThanOrEqualTo(2);
        } finally {
            d.quit();
        }
    }

    @Test
    void articleFitsAPhoneAndADesktopAndIsPhotographedForReview() throws Exception {
        Files.createDirectories(SCREENSHOTS);
        for (var size : Map.of("phone", new int[] {390, 844}, "desktop", new int[] {1366, 900}).entrySet()) {
            ChromeDriver d = Chromium.start(dir, "shot-" + size.getKey(), true, size.getValue()[0], size.getValue()[1]);
            try {
                d.get(base + pages.get("article"));
                long viewport = ((Number) d.executeScript("return document.documentElement.clientWidth")).longValue();
                long content = ((Number) d.executeScript("return document.documentElement.scrollWidth")).longValue();
                assertThat(viewport).as("%s viewport", size.getKey()).isLessThanOrEqualTo(size.getValue()[0]);
                assertThat(content).as("%s: nothing wider than the screen", size.getKey()).isLessThanOrEqualTo(viewport);
                var h1 = d.findElement(By.tagName("h1"));
                assertThat(h1.getRect().getX() + h1.getRect().getWidth()).isLessThanOrEqualTo((int) viewport);
                double bodyFont = Double.parseDouble(d.findElement(By.cssSelector("[data-role=body] p"))
                        .getCssValue("font-size").replace("px", ""));
                assertThat(bodyFont).as("body text size on %s", size.getKey()).isGreaterThanOrEqualTo(16);

                byte[] png = d.getScreenshotAs(OutputType.BYTES);
                Path file = SCREENSHOTS.resolve("article-" + size.getKey() + ".png");
                Files.write(file, png);
                BufferedImage shot = ImageIO.read(new ByteArrayInputStream(png));
                assertThat(shot.getWidth()).isGreaterThanOrEqualTo((int) viewport);
                assertThat(distinctColours(shot)).as("%s is not a blank screenshot", file).isGreaterThan(50);
            } finally {
                d.quit();
            }
        }
    }

    /** Failed requests and console errors: the page's own status, every resource's status, SEVERE log lines. */
    private List<String> failedLoads(ChromeDriver d) {
        List<String> problems = new ArrayList<>();
        Object status = d.executeScript("return performance.getEntriesByType('navigation')[0].responseStatus");
        if (((Number) status).intValue() != 200) problems.add("page answered " + status);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> resources = (List<Map<String, Object>>) d.executeScript(
                "return performance.getEntriesByType('resource').map(e => ({name: e.name, status: e.responseStatus}))");
        for (Map<String, Object> r : resources) {
            String url = (String) r.get("name");
            int s = ((Number) r.get("status")).intValue();
            // No third-party hosts: the site must work without them.
            if (!url.startsWith(base)) problems.add("loads from another host: " + url);
            // A stream such as /events reports 0 while still open.
            else if (s >= 400 || (s == 0 && !url.endsWith("/events"))) problems.add("resource " + url + " answered " + s);
        }
        for (LogEntry e : d.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) problems.add("console: " + e.getMessage());
        }
        return problems;
    }

    /** Every same-site link and stylesheet on the page answers below 400 (each checked once per run). */
    private List<String> brokenLinks(ChromeDriver d, Set<String> checked) throws Exception {
        List<String> problems = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<String> hrefs = (List<String>) d.executeScript(
                "return [...document.querySelectorAll('a[href], link[href]')].map(a => a.href)");
        for (String href : hrefs) {
            String url = href.replaceAll("#.*", "");
            if (!url.startsWith(base) || !checked.add(url)) continue;
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 400) problems.add("link " + url + " answered " + r.statusCode());
        }
        return problems;
    }

    private List<String> prefixed(String page, List<String> problems) {
        return problems.stream().map(p -> page + " " + pages.get(page) + ": " + p).toList();
    }

    private static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) colours.add(image.getRGB(x, y));
        }
        return colours.size();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
