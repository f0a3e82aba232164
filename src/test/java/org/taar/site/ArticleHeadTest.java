package org.taar.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taar.App;
import org.taar.Fixtures;
import org.taar.MutableClock;
import org.taar.TestEngines;
import org.taar.story.Outcome;

class ArticleHeadTest {
    @TempDir Path dir;

    @Test
    void openGraphCarriesTheHeadlineEscapedOnceByTheTemplate() throws Exception {
        try (App app = new App(TestEngines.config(TestEngines.SQLITE, dir), new MutableClock(Instant.parse("2025-07-12T05:49:00Z")))) {
            app.publisher.rebuildAll();
            String headline = "\"भारत\" & <पाक> मैच";
            Outcome o = Fixtures.publish(app, Fixtures.wire("urn:head:1", 1, null, headline, "खेल"));
            String html = new String(app.pages.get(o.url()).orElseThrow().body(), StandardCharsets.UTF_8);

            Document d = Jsoup.parse(html);
            assertThat(d.selectFirst("meta[property=og:title]").attr("content")).isEqualTo(headline);
            assertThat(d.selectFirst("meta[name=twitter:card]").attr("content")).isEqualTo("summary");
            assertThat(d.selectFirst("meta[name=twitter:card]").hasAttr("property")).isFalse();
            assertThat(html).as("no double escaping").doesNotContain("&amp;amp;").doesNotContain("&amp;quot;");
            assertThat(d.select("script[type=application/ld+json]")).hasSize(2);
            assertThat(d.select("meta[name=robots]")).as("an article is indexed").isEmpty();
        }
    }

    @Test
    void ogLocaleGivesIndiasLanguagesTheirRegion() {
        assertThat(ArticleHead.ogLocale("ta")).isEqualTo("ta_IN");
        assertThat(ArticleHead.ogLocale("fr")).isEqualTo("fr");
    }
}
