package org.taar.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.taar.App;
import org.taar.TestEngines;

/**
 * The article page as a reader's browser shows it: Debian's headless Chromium, driven by Selenium,
 * against the app on SQLite. Checks the anatomy that CONTRACT.md ("The article page") requires,
 * that Devanagari is really shaped by a font (not tofu), and that read-more works with JavaScript
 * off. Skips when Chromium is not installed, except under CI=true, where that is a failure.
 */
class ArticlePageBrowserTest {
    private static final String DATELINE = "वाशिंगटन, 12 जुलाई (आईएएनएस)। ";
    private static final String HEADLINE = "अमेरिका और भारत के बीच व्यापार समझौते पर बातचीत आगे बढ़ी";
    private static final String SUMMARY = "दोनों देशों के अधिकारियों ने शुल्क घटाने के प्रस्ताव पर सहमति जताई।";
    private static final Pattern SHOWN_TIME = Pattern.compile("\\d{1,2} [A-Z][a-z]+ \\d{4} \\d{2}:\\d{2} (AM|PM) IST");

    // Each test has its own App, data folder and browser profiles, so any order, or one test alone, passes.
    @TempDir Path dir;
    private App app;
    private String base;
    private String articlePath;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        Chromium.require();
        var config = TestEngines.config(TestEngines.SQLITE, dir);
        config = new org.taar.config.Config(config.dataDir(), null, 0, 64 * 1024, config.site(), config.sources());
        app = new App(config, Clock.systemUTC());
        String key = app.pushKeys.create("ians");
        base = "http://127.0.0.1:" + app.serve("127.0.0.1", 0, false);

        // "Next" points to the older story, so the second story goes in first.
        String older = push(key, story("urn:browser:older", 1, "न्यूयॉर्क में बारिश से यातायात प्रभावित", 2, ""));
        caughtUp(older, "न्यूयॉर्क");
        articlePath = push(key, story("urn:browser:long", 1, HEADLINE, 8, ""));
        caughtUp(articlePath, HEADLINE);
        String v2 = push(key, story("urn:browser:long", 2, HEADLINE, 8, " (अद्यतन)"));
        assertThat(v2).isEqualTo(articlePath);
        caughtUp(articlePath, "data-role=\"updated\"");
    }

    @AfterEach
    void stop() {
        if (app != null) app.close();
    }

    @Test
    void articlePageShowsTheContractAnatomyWithJavaScript() throws Exception {
        ChromeDriver d = chromium(true, "js-on");
        try {
            articleAnatomy(d);
        } finally {
            d.quit();
        }
    }

    private void articleAnatomy(ChromeDriver d) throws Exception {
        d.get(base + articlePath);

        List<WebElement> h1s = d.findElements(By.tagName("h1"));
        assertThat(h1s).as("exactly one h1").hasSize(1);
        WebElement h1 = h1s.get(0);
        assertThat(h1.getText()).isEqualTo(HEADLINE);
        assertThat(h1.isDisplayed()).isTrue();

        WebElement section = d.findElement(By.cssSelector("article [data-role=section]"));
        assertThat(section.isDisplayed()).isTrue();
        assertThat(section.getText()).isEqualTo("विदेश");
        WebElement summary = d.findElement(By.cssSelector("[data-role=summary]"));
        assertThat(summary.isDisplayed()).isTrue();
        assertThat(summary.getText()).isEqualTo(SUMMARY);

        List<WebElement> paragraphs = d.findElements(By.cssSelector("[data-role=body] p"));
        assertThat(paragraphs).hasSize(8);
        assertThat(paragraphs.get(0).isDisplayed()).isTrue();
        assertThat(paragraphs.get(0).getText()).startsWith(DATELINE.strip());

        WebElement disclaimer = d.findElement(By.cssSelector("[data-role=disclaimer]"));
        assertThat(disclaimer.isDisplayed()).as("disclaimer displayed").isTrue();
        assertThat(disclaimer.getText()).isNotBlank();

        WebElement created = d.findElement(By.cssSelector("[data-role=created]"));
        WebElement updated = d.findElement(By.cssSelector("[data-role=updated]"));
        assertThat(created.isDisplayed()).isTrue();
        assertThat(updated.isDisplayed()).isTrue();
        assertThat(created.getText()).startsWith("Created On").containsPattern(SHOWN_TIME);
        assertThat(updated.getText()).startsWith("Updated On").containsPattern(SHOWN_TIME);

        List<WebElement> tags = d.findElements(By.cssSelector("[data-role=tags] a"));
        assertThat(tags).extracting(WebElement::getText).containsExactly("अमेरिका", "भारत");
        for (WebElement t : tags) {
            assertThat(URI.create(t.getAttribute("href")).getPath()).matches("/tag/[^/]+/");
        }
        String tagHref = tags.get(0).getAttribute("href");

        WebElement next = d.findElement(By.cssSelector("a[rel=next]"));
        assertThat(next.isDisplayed()).isTrue();
        assertThat(next.getText()).contains("न्यूयॉर्क");

        // The head.
        assertThat(d.findElement(By.cssSelector("link[rel=canonical]")).getAttribute("href")).endsWith(articlePath);
        assertThat(d.findElement(By.cssSelector("meta[property='og:title']")).getAttribute("content")).isEqualTo(HEADLINE);
        List<WebElement> lds = d.findElements(By.cssSelector("script[type='application/ld+json']"));
        JsonNode ld = null;
        for (WebElement block : lds) {
            JsonNode node = new ObjectMapper().readTree((String) d.executeScript("return arguments[0].textContent;", block));
            if (node.path("@type").asText().equals("NewsArticle")) ld = node;
        }
        assertThat(ld).as("a NewsArticle JSON-LD block").isNotNull();
        assertThat(ld.path("@type").asText()).isEqualTo("NewsArticle");
        assertThat(ld.path("headline").asText()).isEqualTo(HEADLINE);
        assertThat(ld.path("datePublished").asText()).isNotBlank();
        assertThat(ld.path("dateModified").asText()).isNotBlank().isNotEqualTo(ld.path("datePublished").asText());
        assertThat(ld.path("articleSection").asText()).isEqualTo("विदेश");
        assertThat(ld.path("keywords").asText()).contains("अमेरिका").contains("भारत");

        assertDevanagariIsShaped(d, h1);

        // Following a tag link answers a tag page listing the story.
        assertThat(get(URI.create(tagHref).getPath()).statusCode()).isEqualTo(200);
        tags.get(0).click();
        new WebDriverWait(d, Duration.ofSeconds(5)).until(x -> URI.create(x.getCurrentUrl()).getPath()
                .equals(URI.create(tagHref).getPath()));
        assertThat(d.findElement(By.tagName("h1")).getText()).contains("अमेरिका");
        assertThat(d.findElement(By.tagName("main")).getText()).contains(HEADLINE);
    }

    @Test
    void readMoreOpensAndClosesWithoutJavaScript() {
        ChromeDriver d = chromium(false, "js-off");
        try {
            readMore(d);
        } finally {
            d.quit();
        }
    }

    private void readMore(ChromeDriver d) {
        // JavaScript is really off: this page's own script would retitle it.
        d.get("data:text/html,<title>off</title><script>document.title='on'</script>");
        assertThat(d.getTitle()).as("page scripts must not run in this session").isEqualTo("off");

        d.get(base + articlePath);

        WebElement details = d.findElement(By.cssSelector("details.more[data-role=read-more]"));
        List<WebElement> paragraphs = d.findElements(By.cssSelector("[data-role=body] p"));
        assertThat(paragraphs).hasSize(8);
        assertThat(paragraphs.subList(0, 3)).allMatch(WebElement::isDisplayed);
        WebElement seventh = paragraphs.get(6);
        assertThat(details.findElements(By.tagName("p"))).contains(seventh);
        assertThat(seventh.isDisplayed()).as("7th paragraph hidden before read-more").isFalse();
        WebElement toggle = details.findElement(By.tagName("summary"));
        assertThat(toggle.getText()).contains("और पढ़ें").doesNotContain("कम पढ़ें");

        toggle.click();
        assertThat(details.getAttribute("open")).isNotNull();
        assertThat(seventh.isDisplayed()).as("7th paragraph shown after read-more").isTrue();
        assertThat(seventh.getText()).startsWith("सातवां अनुच्छेद");
        assertThat(toggle.getText()).contains("कम पढ़ें").doesNotContain("और पढ़ें");

        toggle.click();
        assertThat(seventh.isDisplayed()).as("7th paragraph hidden again after read-less").isFalse();
        assertThat(toggle.getText()).contains("और पढ़ें");
    }

    /**
     * A font with Devanagari makes क्ष a conjunct, but with a ZWNJ after the virama it keeps a
     * half form: the two widths differ. Without such a font both are the same row of tofu boxes.
     */
    private void assertDevanagariIsShaped(ChromeDriver d, WebElement h1) throws Exception {
        assertThat(h1.getRect().getWidth()).isPositive();
        assertThat(h1.getRect().getHeight()).isPositive();
        @SuppressWarnings("unchecked")
        Map<String, Object> w = (Map<String, Object>) d.executeScript("""
                const font = getComputedStyle(arguments[0]).font;
                const span = t => { const s = document.createElement('span'); s.textContent = t;
                  s.style.font = font; s.style.whiteSpace = 'pre'; document.body.appendChild(s);
                  const w = s.getBoundingClientRect().width; s.remove(); return w; };
                return {conjunct: span('क्ष'), zwnj: span('क्\u200Cष'), ka: span('क')};
                """, h1);
        double conjunct = ((Number) w.get("conjunct")).doubleValue();
        double zwnj = ((Number) w.get("zwnj")).doubleValue();
        assertThat(((Number) w.get("ka")).doubleValue()).isPositive();
        assertThat(Math.abs(conjunct - zwnj))
                .as("Chromium did not shape Devanagari (क्ष %s px, क्‌ष %s px); fonts used by the h1: %s. "
                        + "Install a Devanagari font, e.g. Debian's fonts-noto-core (Noto Sans Devanagari) "
                        + "or fonts-lohit-deva; `fc-list :lang=hi` must list one", conjunct, zwnj, platformFonts(d))
                .isGreaterThan(0.5);

        // And the headline actually paints: dark pixels in its box.
        BufferedImage shot = ImageIO.read(new ByteArrayInputStream(h1.getScreenshotAs(OutputType.BYTES)));
        int dark = 0;
        for (int y = 0; y < shot.getHeight(); y++) {
            for (int x = 0; x < shot.getWidth(); x++) {
                int rgb = shot.getRGB(x, y);
                int lum = ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3;
                if (lum < 128) dark++;
            }
        }
        assertThat(dark).as("dark pixels in the h1 screenshot").isGreaterThan(200);
    }

    /** The font families Chromium used for the h1's text, for the failure message only. */
    private static String platformFonts(ChromeDriver d) {
        try {
            d.executeCdpCommand("DOM.enable", Map.of());
            d.executeCdpCommand("CSS.enable", Map.of());
            Map<String, Object> doc = d.executeCdpCommand("DOM.getDocument", Map.of());
            Object root = ((Map<?, ?>) doc.get("root")).get("nodeId");
            Object h1 = d.executeCdpCommand("DOM.querySelector", Map.of("nodeId", root, "selector", "h1")).get("nodeId");
            return String.valueOf(d.executeCdpCommand("CSS.getPlatformFontsForNode", Map.of("nodeId", h1)).get("fonts"));
        } catch (RuntimeException e) {
            return "unknown (" + e.getMessage().lines().findFirst().orElse("") + ")";
        }
    }

    private ChromeDriver chromium(boolean javascript, String profile) {
        return Chromium.start(dir, profile, javascript, 1200, 900);
    }

    /** A wire-text story with {@code paragraphs} paragraphs, the first one opening with the dateline. */
    private static byte[] story(String uri, int version, String headline, int paragraphs, String change) {
        String[] ordinal = {"पहला", "दूसरा", "तीसरा", "चौथा", "पांचवां", "छठा", "सातवां", "आठवां"};
        StringBuilder b = new StringBuilder()
                .append("Headline: ").append(headline).append('\n')
                .append("Summary: ").append(uri.endsWith("long") ? SUMMARY : "सारांश: " + headline).append('\n')
                .append("Section: विदेश\n")
                .append("Tags: अमेरिका, भारत\n")
                .append("Agency: IANS\n")
                .append("URI: ").append(uri).append('\n')
                .append("Version: ").append(version).append("\n\n");
        for (int i = 0; i < paragraphs; i++) {
            if (i == 0) b.append(DATELINE).append(headline).append("। ");
            b.append(ordinal[i]).append(" अनुच्छेद: वार्ता में शामिल अधिकारियों ने क्षेत्रीय सहयोग पर चर्चा की")
                    .append(i == paragraphs - 1 ? change : "").append("।\n\n");
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private String push(String key, byte[] body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/ingest"))
                .header("Authorization", "Bearer " + key)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as("ingest answer %s", r.body()).isEqualTo(202);
        return new ObjectMapper().readTree(r.body()).path("url").asText();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Once the publisher has applied every event written so far, the page answers 200 with {@code marker}. */
    private void caughtUp(String path, String marker) throws Exception {
        app.publisher.catchUp();
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        assertThat(r.body()).as(path).contains(marker);
    }
}
