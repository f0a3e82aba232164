package org.taar.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.taar.App;
import org.taar.Fixtures;
import org.taar.MutableClock;
import org.taar.TestEngines;
import org.taar.config.Config;
import org.taar.config.ConfigException;
import org.taar.config.ConfigLoader;

/** The home page's breaking block, and the live banner's markup on listings. */
class BreakingNewsTest {
    @TempDir Path dir;
    private App app;
    private final MutableClock clock = new MutableClock(Instant.parse("2025-07-12T05:00:00Z"));

    @AfterEach
    void stop() {
        if (app != null) app.close();
    }

    private void start(String engine, int urgency, Duration window) {
        Config c = TestEngines.config(engine, dir);
        c = new Config(c.dataDir(), c.jdbcUrl(), 0, c.maxDeliveryBytes(), c.site().withBreaking(urgency, window),
                c.sources());
        app = new App(c, clock);
        app.publisher.rebuildAll();
    }

    /** A wire story with an IPTC urgency (1 most urgent). */
    private static byte[] urgent(String uri, String headline, int urgency) {
        String text = new String(Fixtures.wire(uri, 1, null, headline, "देश"), StandardCharsets.UTF_8);
        return text.replaceFirst("\n", "\nUrgency: " + urgency + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private Document home() {
        return Jsoup.parse(new String(app.pages.get("/").orElseThrow().body(), StandardCharsets.UTF_8));
    }

    private static String breakingText(Document d) {
        Element block = d.selectFirst("section.breaking");
        return block == null ? null : block.text();
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void urgentStoriesLeadTheHomePageUntilTheirWindowEnds(String engine) {
        start(engine, 2, Duration.ofHours(6));
        assertThat(breakingText(home())).as("no block without breaking news").isNull();

        Fixtures.publish(app, urgent("urn:b:flash", "संसद में बड़ा फ़ैसला", 1));
        clock.advance(Duration.ofHours(2));
        Fixtures.publish(app, urgent("urn:b:bulletin", "राजधानी में भूकंप के झटके", 2));
        Fixtures.publish(app, urgent("urn:b:routine", "मौसम सामान्य रहेगा", 5));
        Fixtures.publish(app, Fixtures.wire("urn:b:plain", 1, null, "बिना प्राथमिकता की ख़बर", "देश"));

        Document d = home();
        Element block = d.selectFirst("section.breaking");
        assertThat(block).isNotNull();
        assertThat(block.selectFirst("h2").text()).isEqualTo("ब्रेकिंग (Breaking)");
        assertThat(block.select("h3 a").eachText()).containsExactly("राजधानी में भूकंप के झटके", "संसद में बड़ा फ़ैसला");
        // On top: before the latest stories.
        assertThat(d.select("main h1 ~ section.breaking ~ section ol.stories")).isNotEmpty();
        assertThat(d.selectFirst("main ol.stories").parent().hasClass("breaking")).isTrue();

        // The flash (published 6 h ago) ages out with no new event; the listings pass notices.
        clock.advance(Duration.ofHours(4));
        app.publisher.catchUp();
        assertThat(home().selectFirst("section.breaking").select("h3 a").eachText())
                .containsExactly("राजधानी में भूकंप के झटके");
        clock.advance(Duration.ofHours(2));
        app.publisher.catchUp();
        assertThat(breakingText(home())).isNull();
        assertThat(home().select("main ol.stories h3 a").eachText()).contains("संसद में बड़ा फ़ैसला");
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void thresholdAndKillsAreHonoured(String engine) {
        start(engine, 1, Duration.ofHours(1));
        Fixtures.publish(app, urgent("urn:b:u2", "दूसरे दर्जे की ख़बर", 2));
        assertThat(breakingText(home())).as("urgency 2 is not breaking when the threshold is 1").isNull();
        Fixtures.publish(app, urgent("urn:b:u1", "पहले दर्जे की ख़बर", 1));
        assertThat(breakingText(home())).contains("पहले दर्जे की ख़बर").doesNotContain("दूसरे दर्जे");
        Fixtures.publish(app, new String(urgent("urn:b:u1", "पहले दर्जे की ख़बर", 1), StandardCharsets.UTF_8)
                .replace("Version: 1", "Version: 2\nStatus: canceled").getBytes(StandardCharsets.UTF_8));
        assertThat(breakingText(home())).isNull();
    }

    @Test
    void liveBannerIsInTheHtmlOfHomeAndSectionPagesOnly() {
        start(TestEngines.SQLITE, 2, Duration.ofHours(6));
        String article = Fixtures.publish(app, Fixtures.wire("urn:b:banner", 1, null, "बैनर के लिए ख़बर", "खेल")).url();
        for (String path : new String[] {"/", "/sports/"}) {
            Document d = Jsoup.parse(new String(app.pages.get(path).orElseThrow().body(), StandardCharsets.UTF_8));
            Element live = d.getElementById("live");
            assertThat(live).as(path).isNotNull();
            assertThat(live.attr("role")).isEqualTo("status");
            assertThat(live.attr("aria-live")).isEqualTo("polite");
            assertThat(live.attr("data-section")).isEqualTo(path.equals("/") ? "" : "sports");
            assertThat(live.selectFirst("a").hasAttr("hidden")).as("banner hidden until news arrives").isTrue();
            Element script = live.nextElementSibling();
            assertThat(script.tagName()).isEqualTo("script");
            assertThat(script.hasAttr("src")).isFalse();
            assertThat(script.data()).contains("new EventSource(\"/events\")");
            assertThat(script.data().getBytes(StandardCharsets.UTF_8).length).as("inline script size").isLessThan(1536);
        }
        // A tag page is rendered on request (ListingPages.forgetTag), as a reader's request would.
        assertThat(app.pages.get("/tag/kerala/")).as("a changed tag's page is not rendered ahead").isEmpty();
        assertThat(Jsoup.parse(new String(app.onDemand.find("/tag/kerala/").orElseThrow().page().body(), StandardCharsets.UTF_8))
                .getElementById("live")).as("no banner on tag pages").isNull();
        assertThat(Jsoup.parse(new String(app.pages.get(article).orElseThrow().body(), StandardCharsets.UTF_8))
                .getElementById("live")).as("no banner on articles").isNull();
    }

    @Test
    void breakingSettingsComeFromSiteConfig() throws Exception {
        Files.writeString(dir.resolve("taar.yml"), "site:\n  breaking_urgency: 1\n  breaking_hours: 3\n  live_clients: 50\n");
        Config c = new ConfigLoader(Map.of()).load(dir, null, null);
        assertThat(c.site().breakingUrgency()).isEqualTo(1);
        assertThat(c.site().breakingWindow()).isEqualTo(Duration.ofHours(3));
        assertThat(c.site().liveClients()).isEqualTo(50);
        assertThat(new ConfigLoader(Map.of("TAAR_LIVE_CLIENTS", "7")).load(dir, null, null).site().liveClients())
                .isEqualTo(7);
        Files.writeString(dir.resolve("taar.yml"), "site: {}\n");
        Config d = new ConfigLoader(Map.of()).load(dir, null, null);
        assertThat(d.site().breakingUrgency()).isEqualTo(2);
        assertThat(d.site().breakingWindow()).isEqualTo(Duration.ofHours(6));
        assertThat(d.site().liveClients()).isEqualTo(10_000);
        Files.writeString(dir.resolve("taar.yml"), "site:\n  breaking_urgency: urgent\n");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(dir, null, null))
                .isInstanceOf(ConfigException.class).hasMessageContaining("site.breaking_urgency");
    }
}
