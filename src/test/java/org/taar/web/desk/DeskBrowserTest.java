package org.taar.web.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.taar.App;
import org.taar.Fixtures;
import org.taar.TestEngines;
import org.taar.story.Outcome;
import org.taar.site.Chromium;

/**
 * The desk in headless Chromium: signing in through the form, a pushed story that a rule holds
 * appearing in the open queue without a reload, the keyboard, the accessibility checks the site's
 * pages pass, and screenshots at phone and desktop sizes in target/screenshots/.
 */
class DeskBrowserTest {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    @TempDir Path dir;
    private final HttpClient http = HttpClient.newHttpClient();

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void aHeldStoryPushedWhileTheQueueIsOpenAppearsLiveAndOpens(String engine) throws Exception {
        Chromium.require();
        try (App app = new App(TestEngines.config(engine, dir), Clock.systemUTC())) {
            assertThat(app.accounts.add("asha", "editor", "correct horse battery")).isNull();
            String key = app.pushKeys.create("ians");
            String base = "http://127.0.0.1:" + app.serve("127.0.0.1", 0, false);
            push(base, key, Fixtures.wire("urn:desk:first", 1, null, "पहले से आई ख़बर", "देश"));
            ChromeDriver d = Chromium.start(dir, "desk-" + engine, true, 1280, 900);
            try {
                d.get(base + "/desk/");
                assertThat(d.getCurrentUrl()).contains("/desk/login");
                d.findElement(By.name("username")).sendKeys("asha");
                d.findElement(By.name("password")).sendKeys("correct horse battery");
                d.findElement(By.cssSelector("form.signin button[type=submit]")).click();
                new WebDriverWait(d, Duration.ofSeconds(5)).until(x -> x.findElements(By.cssSelector("table.queue")).size() == 1);
                assertThat(d.findElement(By.cssSelector("table.queue")).getText()).contains("पहले से आई ख़बर");

                // A story the profanity rule holds, pushed while the queue is open, appears without a reload.
                long pushed = System.nanoTime();
                push(base, key, Fixtures.wire("urn:desk:held", 1, null, "विधायक बोले- सब चूतिया हैं", "देश"));
                new WebDriverWait(d, Duration.ofSeconds(5), Duration.ofMillis(20)).until(x ->
                        x.findElement(By.cssSelector("table.queue tbody")).getText().contains("विधायक बोले"));
                long millis = (System.nanoTime() - pushed) / 1_000_000;
                assertThat(millis).as("appeared live, in ms").isLessThan(3_000);
                assertThat(d.findElement(By.cssSelector("[data-count=held]")).getText()).as("the held count follows").isEqualTo("1");
                assertThat(d.findElement(By.cssSelector("[data-role=attention] a[data-held]")).isDisplayed())
                        .as("a held story cannot be missed").isTrue();
                String first = d.findElement(By.cssSelector("table.queue tbody tr")).getText();
                assertThat(first).contains("विधायक बोले").containsAnyOf("held", "रोकी गई");

                List<String> problems = new ArrayList<>(Chromium.accessibility(d));
                assertThat(problems).as("accessibility of the queue").isEmpty();
                screenshot(d, "desk-queue-desktop-" + engine);

                // The keyboard: j selects the first row, o opens it.
                d.findElement(By.tagName("body")).sendKeys("j");
                assertThat(d.findElements(By.cssSelector("table.queue tr.selected"))).hasSize(1);
                d.findElement(By.tagName("body")).sendKeys("o");
                new WebDriverWait(d, Duration.ofSeconds(5)).until(x -> x.getCurrentUrl().contains("/desk/stories/"));
            } finally {
                d.quit();
            }
            ChromeDriver phone = Chromium.start(dir, "desk-phone-" + engine, true, 390, 844);
            try {
                phone.get(base + "/desk/login");
                phone.findElement(By.name("username")).sendKeys("asha");
                phone.findElement(By.name("password")).sendKeys("correct horse battery");
                phone.findElement(By.cssSelector("form.signin button[type=submit]")).click();
                new WebDriverWait(phone, Duration.ofSeconds(5)).until(x -> x.findElements(By.cssSelector("table.queue")).size() == 1);
                Object overflow = phone.executeScript(
                        "return document.documentElement.scrollWidth > document.documentElement.clientWidth + 1");
                assertThat(overflow).as("the queue fits a phone's width").isEqualTo(false);
                assertThat(Chromium.accessibility(phone)).as("accessibility on a phone").isEmpty();
                screenshot(phone, "desk-queue-phone-" + engine);
            } finally {
                phone.quit();
            }
        }
    }

    /**
     * An admin's day in Chromium: release a held story (its page answers 200), kill another with a
     * reason (410, the audit names the user), edit a headline (the old address answers 301), try a
     * rule change as a dry run, add and pause a source; a form without its CSRF token changes
     * nothing. Story pages pass the accessibility checks and are photographed at both sizes.
     */
    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void anAdminReleasesKillsEditsTriesARuleAndPausesASource(String engine) throws Exception {
        Chromium.require();
        try (App app = new App(TestEngines.config(engine, dir), Clock.systemUTC())) {
            assertThat(app.accounts.add("meera", "admin", "correct horse battery")).isNull();
            String base = "http://127.0.0.1:" + app.serve("127.0.0.1", 0, false);
            Outcome held = Fixtures.publish(app, Fixtures.wire("urn:day:held", 1, null, "विधायक बोले- सब चूतिया हैं", "देश"));
            Outcome doomed = Fixtures.publish(app, Fixtures.wire("urn:day:kill", 1, null, "व्यंग्य को ख़बर समझ लिया गया", "देश"));
            Outcome edited = Fixtures.publish(app, Fixtures.wire("urn:day:edit", 1, null, "बारिश से मौसम सुहाना", "देश"));
            assertThat(held.status().label()).isEqualTo("held");
            ChromeDriver d = Chromium.start(dir, "day-" + engine, true, 1280, 900);
            try {
                signIn(d, base, "meera");
                // Release: the held story's page goes up.
                d.get(base + "/desk/stories/" + id(held));
                assertThat(Chromium.accessibility(d)).as("accessibility of a story page").isEmpty();
                screenshot(d, "desk-story-desktop-" + engine);
                d.findElement(By.cssSelector("form[action$='/publish'] button")).click();
                waitFor(d, "form[action$='/hold']");
                assertThat(status(base + held.url(), 200)).isEqualTo(200);

                // A form whose CSRF token was taken out changes nothing.
                d.executeScript("document.querySelector(\"form[action$='/hold'] input[name=csrf]\").remove()");
                d.findElement(By.cssSelector("form[action$='/hold'] button")).click();
                new WebDriverWait(d, Duration.ofSeconds(5)).until(x -> x.getPageSource().contains("nothing was changed"));
                assertThat(app.stories.byId(id(held)).orElseThrow().status().label()).isEqualTo("published");

                // Kill with a reason: 410, and the audit trail names the editor.
                d.get(base + "/desk/stories/" + id(doomed));
                d.findElement(By.cssSelector("form[action$='/kill'] input[name=reason]")).sendKeys("व्यंग्य पर आधारित ख़बर");
                d.findElement(By.cssSelector("form[action$='/kill'] button")).click();
                waitFor(d, "form[action$='/restore']");
                assertThat(status(base + doomed.url(), 410)).isEqualTo(410);
                assertThat(d.getPageSource()).contains("editor:meera").contains("व्यंग्य पर आधारित ख़बर");

                // Edit the headline: the story moves and the old address answers 301.
                d.get(base + "/desk/stories/" + id(edited));
                var headline = d.findElement(By.name("headline"));
                headline.clear();
                headline.sendKeys("बारिश से मौसम सुहाना, तापमान गिरा");
                d.findElement(By.cssSelector("form[action$='/edit'] button[type=submit]")).click();
                new WebDriverWait(d, Duration.ofSeconds(5)).until(x -> x.getPageSource().contains("तापमान गिरा"));
                HttpResponse<String> old = http.send(HttpRequest.newBuilder(URI.create(base + edited.url())).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(old.statusCode()).isEqualTo(301);
                assertThat(old.headers().firstValue("Location").orElseThrow()).isNotEqualTo(edited.url());

                // A rule change tried as a dry run before it is saved.
                d.get(base + "/desk/rules");
                d.findElement(By.id("new-name")).sendKeys("rain-hold");
                d.findElement(By.id("new-definition")).sendKeys(
                        "{\"match\": {\"keywords\": [\"बारिश\"]}, \"action\": \"hold\", \"reason\": \"weather desk checks\"}");
                d.findElement(By.cssSelector("form.rule-form button.primary")).click();
                waitFor(d, "[data-role=shifts]");
                assertThat(d.findElement(By.cssSelector("[data-role=shifts]")).getText()).contains("hold");
                assertThat(app.ruleStore.list()).as("a dry run saves nothing").isEmpty();

                // Add a source, then pause it.
                d.get(base + "/desk/sources");
                d.findElement(By.id("source-name")).sendKeys("weather");
                d.findElement(By.id("source-url")).sendKeys("https://feeds.example.org/weather.xml");
                var interval = d.findElement(By.id("source-interval"));
                interval.clear();
                interval.sendKeys("300");
                d.findElement(By.cssSelector("form[action='/desk/sources'] button.primary")).click();
                waitFor(d, "form[action='/desk/sources/weather/pause']");
                d.findElement(By.cssSelector("form[action='/desk/sources/weather/pause'] button")).click();
                waitFor(d, "form[action='/desk/sources/weather/resume']");
                assertThat(app.sources.find("weather", java.time.Instant.now()).orElseThrow().enabled()).isFalse();
            } finally {
                d.quit();
            }
            ChromeDriver phone = Chromium.start(dir, "day-phone-" + engine, true, 390, 844);
            try {
                signIn(phone, base, "meera");
                phone.get(base + "/desk/stories/" + id(edited));
                Object overflow = phone.executeScript(
                        "return document.documentElement.scrollWidth > document.documentElement.clientWidth + 1");
                assertThat(overflow).as("a story page fits a phone's width").isEqualTo(false);
                assertThat(Chromium.accessibility(phone)).as("accessibility of a story page on a phone").isEmpty();
                screenshot(phone, "desk-story-phone-" + engine);
            } finally {
                phone.quit();
            }
        }
    }

    private static void signIn(ChromeDriver d, String base, String name) {
        d.get(base + "/desk/login");
        d.findElement(By.name("username")).sendKeys(name);
        d.findElement(By.name("password")).sendKeys("correct horse battery");
        d.findElement(By.cssSelector("form.signin button[type=submit]")).click();
        waitFor(d, "table.queue");
    }

    private static void waitFor(ChromeDriver d, String css) {
        new WebDriverWait(d, Duration.ofSeconds(5)).until(x -> !x.findElements(By.cssSelector(css)).isEmpty());
    }

    private static long id(Outcome o) {
        return Long.parseLong(o.url().substring(o.url().lastIndexOf('-') + 1));
    }

    /** A public page's status once it is {@code expected} or 5 s have passed (the publisher follows on its own thread). */
    private int status(String url, int expected) throws Exception {
        return org.taar.Eventually.value(Duration.ofSeconds(5), () -> http.send(HttpRequest.newBuilder(URI.create(url))
                .GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode(), code -> code == expected);
    }

    private void push(String base, String key, byte[] body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/ingest"))
                .header("Authorization", "Bearer " + key).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    }

    static void screenshot(ChromeDriver d, String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        byte[] png = d.getScreenshotAs(OutputType.BYTES);
        assertThat(png.length).as("a screenshot").isGreaterThan(5_000);
        Files.write(SCREENSHOTS.resolve(name + ".png"), png);
    }
}
