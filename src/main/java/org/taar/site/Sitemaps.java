package org.taar.site;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.taar.config.Config;
import org.taar.store.Listings.Listed;

/**
 * Writes the sitemap index, a month's sitemap, the Google News sitemap and robots.txt. It only
 * formats; {@link Feeds} chooses the stories. SitemapSchemaTest validates the output against
 * the sitemaps.org 0.9 and Google News 0.9 schemas.
 */
public final class Sitemaps {
    public static final String TYPE = "application/xml; charset=utf-8";
    public static final String ROBOTS_TYPE = "text/plain; charset=utf-8";

    private final Config.Site site;
    private final String base;

    public Sitemaps(Config.Site site) {
        this.site = site;
        this.base = Feeds.base(site);
    }

    /**
     * The protocol's limits for one sitemap file: 50,000 URLs and 50 MB (52,428,800 bytes)
     * uncompressed. A month with more is cut into parts ({@link Feeds#monthPath(YearMonth, int)}).
     */
    public record Limits(int urls, long bytes) {
        public static final Limits PROTOCOL = new Limits(50_000, 52_428_800L);
    }

    /** The sitemap index: the news sitemap and one sitemap per month that has stories, newest first. */
    public byte[] index(List<YearMonth> months) {
        Map<YearMonth, Integer> parts = new java.util.LinkedHashMap<>();
        months.forEach(m -> parts.put(m, 1));
        return index(parts);
    }

    /** As above, each month with its number of parts, in the order given. */
    public byte[] index(Map<YearMonth, Integer> months) {
        XmlOut x = new XmlOut(256 + months.size() * 96);
        x.start("sitemapindex").namespace(null, Feeds.SITEMAP_NS).newline();
        x.start("sitemap").element("loc", base + Feeds.NEWS_PATH).end();
        months.forEach((m, parts) -> {
            for (int part = 1; part <= parts; part++) x.start("sitemap").element("loc", base + Feeds.monthPath(m, part)).end();
        });
        x.end();
        return x.bytes();
    }

    /** One month's published stories: loc and lastmod. */
    public byte[] month(List<Listed> stories) {
        return month(stories, Map.of());
    }

    /** One month's published stories: loc, lastmod and the lead picture's address from {@code images} (by story id). */
    public byte[] month(List<Listed> stories, Map<Long, String> images) {
        XmlOut x = new XmlOut(256 + stories.size() * 160);
        x.start("urlset").namespace(null, Feeds.SITEMAP_NS);
        if (!images.isEmpty()) x.namespace("image", Feeds.IMAGE_NS);
        x.newline();
        for (Listed s : stories) {
            x.start("url").element("loc", base + s.path())
                    .element("lastmod", w3c(Feeds.changed(s.publishedAt(), s.updatedAt())));
            image(x, images.get(s.id()));
            x.end();
        }
        x.end();
        return x.bytes();
    }

    /** The Google News sitemap of {@code stories} (the caller keeps to the last 48 hours and 1,000). */
    public byte[] news(List<Listed> stories) {
        return news(stories, Map.of());
    }

    /** The Google News sitemap, each story with its lead picture's address from {@code images} (by story id). */
    public byte[] news(List<Listed> stories, Map<Long, String> images) {
        XmlOut x = new XmlOut(256 + stories.size() * 512);
        x.start("urlset").namespace(null, Feeds.SITEMAP_NS).namespace("news", Feeds.NEWS_NS);
        if (!images.isEmpty()) x.namespace("image", Feeds.IMAGE_NS);
        x.newline();
        for (Listed s : stories) {
            x.start("url").newline();
            x.element("loc", base + s.path());
            x.start("news:news").newline();
            x.start("news:publication").newline();
            x.element("news:name", site.name());
            x.element("news:language", newsLanguage(site.language()));
            x.end();
            x.element("news:publication_date", w3c(s.publishedAt()));
            x.element("news:title", s.headline());
            x.end(); // news:news
            image(x, images.get(s.id()));
            x.end(); // url
        }
        x.end();
        return x.bytes();
    }

    /** A picture of the page (Google's image sitemap extension), after the page's own elements. */
    private static void image(XmlOut x, String loc) {
        if (loc == null) return;
        x.start("image:image").element("image:loc", loc).end();
    }

    /** Both sitemaps are named: the news sitemap is in the index too, but crawlers read it sooner from here. */
    public byte[] robots() {
        String text = "User-agent: *\nAllow: /\nDisallow: /desk/\nDisallow: /api/\n\nSitemap: " + base
                + "/sitemap.xml\nSitemap: " + base + Feeds.NEWS_PATH + "\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Google News takes an ISO 639 code alone ({@code hi}, not {@code hi-IN}), except zh-cn and zh-tw. */
    static String newsLanguage(String bcp47) {
        String l = bcp47.toLowerCase(Locale.ROOT).replace('_', '-');
        if (l.equals("zh-cn") || l.equals("zh-tw")) return l;
        int dash = l.indexOf('-');
        return dash > 0 ? l.substring(0, dash) : l;
    }

    /** W3C Datetime in the site's zone, to the second: {@code 2025-07-12T11:19:00+05:30}. */
    String w3c(Instant i) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(i.truncatedTo(ChronoUnit.SECONDS).atZone(site.zone()));
    }
}
