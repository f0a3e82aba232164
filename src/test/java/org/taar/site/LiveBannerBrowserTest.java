package org.taar.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.taar.App;
import org.taar.Eventually;
import org.taar.Fixtures;
import org.taar.TestEngines;
import org.taar.web.LiveEvents;

/**
 * The new-stories banner in a reader's browser: an open home page learns of a story pushed to
 * the ingest API over /events and shows the banner without a reload; a section page counts only
 * its own section. Chromium as in {@link Chromium}: skipped without
 * Chromium except under CI=true.
 */
class LiveBannerBrowserTest {

    // Each test has its own App, data folder and browser profiles: the open streams it counts are its own.
    @TempDir Path dir;
    private App app;
    private String base;
    private String key;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        Chromium.require();
        var config = TestEngines.config(TestEngines.SQLITE, dir);
        config = new org.taar.config.Config(config.dataDir(), null, 0, 64 * 1024, config.site(), config.sources());
        app = new App(config, Clock.systemUTC());
        key = app.pushKeys.create("ians");
        base = "http://127.0.0.1:" + app.serve("127.0.0.1", 0, false);
        push(Fixtures.wire("urn:banner:first", 1, null, "पहले से छपी ख़बर", "खेल"));
    }

    @AfterEach
    void stop() {
        if (app != null) app.close();
    }

    @Test
    void bannerAppearsOnOpenPagesWhenAStoryIsPushed() throws Exception {
        ChromeDriver home = chromium("home");
        ChromeDriver sports = chromium("sports");
        try {
            home.get(base + "/");
            sports.get(base + "/sports/");
            WebElement homeBanner = home.findElement(By.cssSelector("#live a"));
            WebElement sportsBanner = sports.findElement(By.cssSelector("#live a"));
            assertThat(homeBanner.isDisplayed()).as("banner hidden before any news").isFalse();
            assertThat(home.findElement(By.id("live")).getAttribute("role")).isEqualTo("status");
            // A marker on the window: it survives only as long as the page is not reloaded.
            home.executeScript("window.notReloaded = true");
            waitForOpenStreams(2);

            push(Fixtures.wire("urn:banner:world", 1, null, "विदेश से नई ख़बर", "विदेश"));
            new WebDriverWait(home, Duration.ofSeconds(10)).until(d -> homeBanner.isDisplayed());
            assertThat(homeBanner.getText()).isEqualTo("1 नई ख़बर (1 new story)");
            assertThat(home.executeScript("return window.notReloaded === true")).isEqualTo(true);

            push(Fixtures.wire("urn:banner:sports", 1, null, "खेल की नई ख़बर", "खेल"));
            new WebDriverWait(home, Duration.ofSeconds(10))
                    .until(d -> homeBanner.getText().equals("2 नई ख़बरें (2 new stories)"));
            // The sports page counts only its own section's story.
            new WebDriverWait(sports, Duration.ofSeconds(10)).until(d -> sportsBanner.isDisplayed());
            assertThat(sportsBanner.getText()).isEqualTo("1 नई ख़बर (1 new story)");

            // Following the banner reloads the page, which now lists the new stories. The banner counts a
            // story once its article is out; the listings follow on their own thread (at most every
            // 250 ms), so a click in that moment would still get the page before it: wait for them first.
            app.publisher.catchUp();
            homeBanner.click();
            new WebDriverWait(home, Duration.ofSeconds(10))
                    .until(d -> Boolean.TRUE.equals(home.executeScript("return window.notReloaded === undefined")));
            new WebDriverWait(home, Duration.ofSeconds(5))
                    .until(d -> d.findElement(By.tagName("main")).getText().contains("खेल की नई ख़बर"));
            assertThat(home.findElement(By.tagName("main")).getText()).contains("विदेश से नई ख़बर");
            assertThat(home.findElement(By.cssSelector("#live a")).isDisplayed()).isFalse();
        } finally {
            home.quit();
            sports.quit();
        }
    }

    /** Both pages' EventSources are connected before anything is pushed. */
    private void waitForOpenStreams(int n) throws Exception {
        LiveEvents live = app.liveEvents();
        assertThat(Eventually.value(Duration.ofSeconds(10), live::clients, c -> c >= n))
                .as("open /events streams").isGreaterThanOrEqualTo(n);
    }

    private ChromeDriver chromium(String profile) {
        return Chromium.start(dir, profile, true, 1200, 900);
    }

    private String push(byte[] body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/ingest"))
                .header("Authorization", "Bearer " + key)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as("ingest answer %s", r.body()).isEqualTo(202);
        return new ObjectMapper().readTree(r.body()).path("url").asText();
    }
}
