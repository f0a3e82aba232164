package org.taar.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taar.TestEngines;
import org.taar.config.Config;
import org.taar.store.Listings.Listed;
import org.w3c.dom.Document;

class SitemapsTest {
    @TempDir Path dir;

    private Config.Site site() {
        return TestEngines.config(TestEngines.SQLITE, dir).site();
    }

    @Test
    void newsSitemapCarriesHeadlinesWithMarkupCharactersAsText() throws Exception {
        Config.Site site = site();
        Listed story = new Listed(7, "sports", "a-b", "भारत & <पाक> \"मैच\"\u0001", Instant.parse("2025-07-12T05:49:00Z"), null);
        byte[] xml = new Sitemaps(site).news(List.of(story));

        Document d = FeedsTest.xml(xml);
        assertThat(d.getElementsByTagNameNS(Feeds.NEWS_NS, "title").item(0).getTextContent())
                .isEqualTo("भारत & <पाक> \"मैच\"");
        assertThat(d.getElementsByTagNameNS(Feeds.SITEMAP_NS, "loc").item(0).getTextContent())
                .isEqualTo(Feeds.base(site) + "/sports/a-b-7");
        assertThat(new String(xml, StandardCharsets.UTF_8)).contains("<news:publication_date>2025-07-12T11:19:00+05:30<");
    }

    @Test
    void indexNamesTheNewsSitemapThenEachMonthNewestFirst() throws Exception {
        Config.Site site = site();
        Document d = FeedsTest.xml(new Sitemaps(site).index(List.of(YearMonth.of(2025, 7), YearMonth.of(2025, 6))));
        var locs = d.getElementsByTagNameNS(Feeds.SITEMAP_NS, "loc");
        assertThat(locs.getLength()).isEqualTo(3);
        assertThat(locs.item(0).getTextContent()).endsWith("/sitemap-news.xml");
        assertThat(locs.item(1).getTextContent()).endsWith("/sitemap-2025-07.xml");
        assertThat(locs.item(2).getTextContent()).endsWith("/sitemap-2025-06.xml");
    }

    @Test
    void monthSitemapGivesTheLaterOfPublishedAndUpdated() throws Exception {
        Listed s = new Listed(3, "india", "x", "x", Instant.parse("2025-07-01T00:00:00Z"), Instant.parse("2025-07-02T00:00:00Z"));
        Document d = FeedsTest.xml(new Sitemaps(site()).month(List.of(s)));
        assertThat(d.getElementsByTagNameNS(Feeds.SITEMAP_NS, "lastmod").item(0).getTextContent())
                .isEqualTo("2025-07-02T05:30:00+05:30");
    }

    @Test
    void newsLanguageIsTheBareCodeExceptChinese() {
        assertThat(Sitemaps.newsLanguage("hi-IN")).isEqualTo("hi");
        assertThat(Sitemaps.newsLanguage("zh_TW")).isEqualTo("zh-tw");
    }
}
