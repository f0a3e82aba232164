package org.taar.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.taar.App;
import org.taar.Fixtures;
import org.taar.TestEngines;
import org.taar.story.Outcome;

/**
 * An Urdu story in headless Chromium: its headline, summary and body compute to direction rtl and
 * sit against the right edge, on the article page, the listings, the search results and the desk's
 * queue and story page, while the navigation, labels and dates stay left to right.
 */
class RightToLeftBrowserTest {
    @TempDir Path dir;

    /** Direction and alignment as laid out: where the element's text sits inside its own box. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> layout(ChromeDriver d, WebElement e) {
        return (Map<String, Object>) d.executeScript("""
                const e = arguments[0], s = getComputedStyle(e), box = e.getBoundingClientRect();
                const r = document.createRange(); r.selectNodeContents(e);
                const rects = [...r.getClientRects()];
                const text = {left: Math.min(...rects.map(x => x.left)), right: Math.max(...rects.map(x => x.right))};
                return {direction: s.direction,
                        left: text.left - box.left - parseFloat(s.paddingLeft),
                        right: box.right - text.right - parseFloat(s.paddingRight)};
                """, e);
    }

    private static double gap(Map<String, Object> l, String side) {
        return ((Number) l.get(side)).doubleValue();
    }

    /** Runs right to left and sits against the right edge, with room to spare on the left. */
    private static void rightToLeft(ChromeDriver d, WebElement e, String what) {
        Map<String, Object> l = layout(d, e);
        assertThat(l.get("direction")).as(what + " " + l).isEqualTo("rtl");
        assertThat(gap(l, "right")).as(what + ": text against the right edge " + l).isLessThan(2);
        assertThat(gap(l, "left")).as(what + ": room on the left " + l).isGreaterThan(20);
    }

    private static void leftToRight(ChromeDriver d, WebElement e, String what) {
        Map<String, Object> l = layout(d, e);
        assertThat(l.get("direction")).as(what + " " + l).isEqualTo("ltr");
        assertThat(gap(l, "left")).as(what + ": text against the left edge " + l).isLessThan(2);
    }

    private static WebElement holding(ChromeDriver d, String css, String text) {
        return d.findElements(By.cssSelector(css)).stream().filter(e -> e.getText().contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + css + " with " + text + " on " + d.getCurrentUrl()));
    }

    @Test
    void anUrduStoryReadsRightToLeftWhileTheFurnitureStaysLeftToRight() throws Exception {
        Chromium.require();
        try (App app = new App(TestEngines.config(TestEngines.SQLITE, dir), Clock.systemUTC())) {
            assertThat(app.accounts.add("asha", "editor", "correct horse battery")).isNull();
            String base = "http://127.0.0.1:" + app.serve("127.0.0.1", 0, false);
            Fixtures.publish(app, Fixtures.wire("urn:rtl:hi", 1, null, "दिल्ली में बारिश", "देश"));
            Outcome urdu = Fixtures.publish(app, UrduStory.wire("urn:rtl:ur", "ur"));
            app.indexer().catchUp();
            ChromeDriver d = Chromium.start(dir, "rtl", true, 1200, 900);
            try {
                d.get(base + urdu.url());
                rightToLeft(d, d.findElement(By.cssSelector("article h1")), "headline");
                rightToLeft(d, d.findElement(By.cssSelector("[data-role=summary]")), "summary");
                for (WebElement p : d.findElements(By.cssSelector("[data-role=body] p"))) rightToLeft(d, p, "paragraph");
                leftToRight(d, d.findElement(By.cssSelector("nav.sections ul")), "navigation");
                leftToRight(d, d.findElement(By.cssSelector("[data-role=created]")), "date");
                leftToRight(d, d.findElement(By.cssSelector("[data-role=section]")), "section label");
                assertThat(Chromium.accessibility(d)).as("accessibility of the Urdu article").isEmpty();

                for (String path : new String[] {"/", "/india/"}) {
                    d.get(base + path);
                    rightToLeft(d, holding(d, "ol.stories h2, ol.stories h3", UrduStory.HEADLINE), path + " headline");
                    rightToLeft(d, holding(d, "ol.stories p", UrduStory.SUMMARY), path + " summary");
                    leftToRight(d, holding(d, "ol.stories h2, ol.stories h3", "दिल्ली में बारिश"), path + " Hindi headline");
                    leftToRight(d, d.findElement(By.cssSelector("nav.sections ul")), path + " navigation");
                }

                d.get(base + "/search?q=" + URLEncoder.encode(UrduStory.WORD, StandardCharsets.UTF_8));
                rightToLeft(d, d.findElement(By.cssSelector("[data-role=results] h2")), "search result");
                leftToRight(d, d.findElement(By.cssSelector("h1")), "search heading");

                d.get(base + "/desk/");
                d.findElement(By.name("username")).sendKeys("asha");
                d.findElement(By.name("password")).sendKeys("correct horse battery");
                d.findElement(By.cssSelector("form.signin button[type=submit]")).click();
                new WebDriverWait(d, Duration.ofSeconds(5)).until(x -> !x.findElements(By.cssSelector("table.queue")).isEmpty());
                rightToLeft(d, holding(d, "table.queue td.headline", UrduStory.HEADLINE), "queue row");
                leftToRight(d, holding(d, "table.queue td.headline", "दिल्ली में बारिश"), "Hindi queue row");
                holding(d, "table.queue td.headline a", UrduStory.HEADLINE).click();
                new WebDriverWait(d, Duration.ofSeconds(5)).until(x -> !x.findElements(By.cssSelector(".story-file")).isEmpty());
                rightToLeft(d, d.findElement(By.cssSelector(".story-file h1")), "desk story headline");
                rightToLeft(d, d.findElement(By.cssSelector(".preview .preview-headline")), "desk preview");
                assertThat(layout(d, d.findElement(By.id("e-body"))).get("direction")).isEqualTo("rtl");
                leftToRight(d, d.findElement(By.id("preview-h")), "desk heading");
            } finally {
                d.quit();
            }
        }
    }
}
