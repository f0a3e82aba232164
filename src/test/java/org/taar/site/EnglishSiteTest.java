package org.taar.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taar.App;
import org.taar.Fixtures;
import org.taar.MutableClock;
import org.taar.config.Config;
import org.taar.config.ConfigLoader;

/** A site configured in English shows its own furniture in English; story text stays the agency's. */
class EnglishSiteTest {
    private static final Pattern DEVANAGARI = Pattern.compile("[\\u0900-\\u097F]");
    @TempDir Path dir;
    private App app;

    @AfterEach
    void stop() {
        if (app != null) app.close();
    }

    @Test
    void everyPageOfAnEnglishSiteSpeaksEnglish() throws Exception {
        Config config = new ConfigLoader(Map.of()).load(dir, Files.writeString(dir.resolve("taar.yml"), """
                site:
                  name: The Wire Desk
                  language: en
                  sections:
                    - {slug: world, name: World, aliases: [foreign]}
                    - {slug: india, name: India, aliases: [national]}
                """), null);
        app = new App(config, new MutableClock(Instant.parse("2025-07-12T05:00:00Z")));
        app.publisher.rebuildAll();
        String story = """
                Headline: Monsoon reaches Kerala two days early
                Summary: The weather office says rains will cover the state by Friday.
                Section: national
                Tags: Kerala, monsoon
                Agency: IANS
                URI: urn:en:monsoon
                Version: 1
                Language: en

                THIRUVANANTHAPURAM, July 12 (IANS) The monsoon reached Kerala on Saturday.

                """ + "Another paragraph of the report.\n\n".repeat(7);
        var outcome = Fixtures.publish(app, story.getBytes(StandardCharsets.UTF_8));
        String article = outcome.url() == null ? null : java.net.URI.create(outcome.url()).getPath();
        assertThat(article).startsWith("/india/");

        for (String path : new String[] {"/", "/india/", article, "/404"}) {
            Document d = page(path);
            assertThat(d.select("html").attr("lang")).as(path).isEqualTo("en");
            // Everything but the story's own words: navigation, buttons, headings, notices.
            d.select("article [data-role=body], article h1, [data-role=summary], [data-role=tags]").remove();
            assertThat(d.text()).as("furniture of %s", path).doesNotContainPattern(DEVANAGARI);
        }
        Document home = page("/");
        assertThat(home.select("#latest").text()).isEqualTo("Latest news");
        assertThat(home.select("a.skip").text()).isEqualTo("Skip to content");
        assertThat(page(article).select("details.more summary .show").text()).isEqualTo("Read more");
        assertThat(page(article).select("[data-role=disclaimer]").text()).startsWith("This story was published automatically");
        assertThat(page("/404").select("h1").text()).isEqualTo("Page not found");
    }

    private Document page(String path) {
        Page p = app.pages.get(path).orElseThrow(() -> new AssertionError("no page " + path));
        return Jsoup.parse(new String(p.body(), StandardCharsets.UTF_8));
    }
}
