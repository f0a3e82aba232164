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
