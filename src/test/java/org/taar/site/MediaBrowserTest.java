package org.taar.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
import org.taar.Fixtures;
import org.taar.MediaFixture;
import org.taar.TestEngines;

/**
 * An article with a picture in Debian's headless Chromium, on a phone (390 px, 2x) and a desktop
 * (1280 px): the picture is as wide as the text, at its own aspect ratio, the page does not move
 * when it loads (no layout shift), caption and credit are readable. Screenshots go to
 * target/screenshots/. JPEG renditions only: the JDK writes no WebP, and the page must cope.
 */
class MediaBrowserTest {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String CAPTION = "नई दिल्ली में संसद भवन के बाहर सुबह का दृश्य";
    private static final String CREDIT = "IANS/फ़ोटो";

    @TempDir Path dir;
    private App app;
    private String base;
    private String article;

    @BeforeEach
    void start() throws Exception {
        Chromium.require();
        app = new App(TestEngines.config(TestEngines.SQLITE, dir), Clock.systemUTC());
        base = "http://127.0.0.1:" + app.serve("127.0.0.1", 0, false);
        article = Fixtures.publish(app, Fixtures.wire("urn:browser:pic", 1, null, "संसद के शीतकालीन सत्र का पहला दिन", "देश")).url();
        MediaFixture media = new MediaFixture(app);
        long picture = media.picture("urn:p:browser", 1600, 900, CAPTION, CREDIT, null, false, 11);
        media.show(MediaFixture.id(article), picture, 0);
        media.changed(MediaFixture.id(article));
        app.publisher.catchUp();
    }

    @AfterEach
    void stop() {
        if (app != null) app.close();
    }

    @Test
    void theLeadPictureFitsAPhoneWithoutMovingThePage() throws Exception {
        check("phone", 390, 844, 390 - 32);
    }

    @Test
    void theLeadPictureFitsADesktopWithoutMovingThePage() throws Exception {
        // main is 46rem (736 px) wide with 1rem of padding each side.
        check("desktop", 1280, 900, 736 - 32);
    }

    private void check(String name, int width, int height, int column) throws Exception {
        ChromeDriver d = Chromium.start(dir, name, true, width, height);
        try {
            d.get(base + article);
            WebElement img = d.findElement(By.cssSelector("figure[data-role=lead-picture] img"));
            new WebDriverWait(d, Duration.ofSeconds(10)).until(x -> (Boolean) d.executeScript(
                    "return arguments[0].complete && arguments[0].naturalWidth > 0;", img));
            @SuppressWarnings("unchecked")
            Map<String, Object> shown = (Map<String, Object>) d.executeScript("""
                    const i = arguments[0], r = i.getBoundingClientRect(), path = new URL(i.currentSrc).pathname;
                    // naturalWidth is scaled by the srcset's density; the chosen candidate's w descriptor is the file's width.
                    const chosen = i.srcset.split(',').map(c => c.trim().split(/\\s+/)).find(c => c[0] === path);
                    return {w: r.width, h: r.height, natural: chosen ? parseInt(chosen[1]) : 0, src: i.currentSrc,
                            dpr: window.devicePixelRatio};""",
                    img);
            double w = ((Number) shown.get("w")).doubleValue();
            double h = ((Number) shown.get("h")).doubleValue();
            assertThat(w).as(name + ": as wide as the text column").isCloseTo(column, org.assertj.core.data.Offset.offset(1.0));
            assertThat(h).as(name + ": at the picture's own 16:9").isCloseTo(w * 9 / 16, org.assertj.core.data.Offset.offset(1.5));
            assertThat((String) shown.get("src")).contains("/media/").endsWith(".jpg");
            assertThat(((Number) shown.get("natural")).doubleValue()).as(name + ": sharp enough for the screen")
                    .isGreaterThanOrEqualTo(w * Math.min(2, ((Number) shown.get("dpr")).doubleValue()) * 0.85);

            Object shift = d.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    let sum = 0;
                    new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) sum += e.value; })
                        .observe({type: 'layout-shift', buffered: true});
                    setTimeout(() => done(sum), 500);""");
            assertThat(((Number) shift).doubleValue()).as(name + ": cumulative layout shift").isEqualTo(0.0);

            WebElement caption = d.findElement(By.cssSelector("figure[data-role=lead-picture] [data-role=caption]"));
            WebElement credit = d.findElement(By.cssSelector("figure[data-role=lead-picture] [data-role=credit]"));
            assertThat(caption.isDisplayed()).isTrue();
            assertThat(credit.isDisplayed()).isTrue();
            assertThat(caption.getText()).isEqualTo(CAPTION);
            assertThat(credit.getText()).isEqualTo(CREDIT);
            assertThat(Double.parseDouble(credit.getCssValue("font-size").replace("px", ""))).isGreaterThanOrEqualTo(12);
            List<String> problems = Chromium.accessibility(d);
            assertThat(problems).as(name + ": accessibility").isEmpty();
            assertThat((Boolean) d.executeScript("return document.documentElement.scrollWidth <= window.innerWidth;"))
                    .as(name + ": nothing wider than the screen").isTrue();

            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve("media-article-" + name + ".png"), d.getScreenshotAs(OutputType.BYTES));
            d.get(base + "/");
            WebElement lead = d.findElement(By.cssSelector("main li.lead picture img"));
            new WebDriverWait(d, Duration.ofSeconds(10)).until(x -> (Boolean) d.executeScript(
                    "return arguments[0].complete && arguments[0].naturalWidth > 0;", lead));
            Files.write(SCREENSHOTS.resolve("media-home-" + name + ".png"), d.getScreenshotAs(OutputType.BYTES));
        } finally {
            d.quit();
        }
    }
}
