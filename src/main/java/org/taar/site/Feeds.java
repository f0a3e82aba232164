package org.taar.site;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.taar.config.Config;
import org.taar.store.Listings.Listed;
import org.taar.story.Story;

/**
 * Renders what the site publishes for machines: RSS 2.0 feeds, the sitemap index, monthly
 * sitemaps, the Google News sitemap and robots.txt. It only formats; the {@link Publisher}
 * chooses the stories (published ones only, so a killed story is gone at the next render).
 * Every text goes through {@link #escape}, which also drops characters XML 1.0 forbids.
 */
public final class Feeds {
    /** The Surrogate-Key of every feed, sitemap and robots.txt: a CDN purges them together. */
    public static final String SURROGATE_KEY = "feeds";
    public static final String RSS_TYPE = "application/rss+xml; charset=utf-8";
    public static final String XML_TYPE = "application/xml; charset=utf-8";
    public static final String TEXT_TYPE = "text/plain; charset=utf-8";
    public static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    public static final String NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";
    public static final String ATOM_NS = "http://www.w3.org/2005/Atom";
    public static final String DC_NS = "http://purl.org/dc/elements/1.1/";
    public static final String CONTENT_NS = "http://purl.org/rss/1.0/modules/content/";
    /** Stories in the site feed and in each section feed. */
    public static final int FEED_STORIES = 50;
    /** Google News reads stories of the last two days, at most 1,000 per sitemap. */
    public static final java.time.Duration NEWS_WINDOW = java.time.Duration.ofHours(48);
    public static final int NEWS_MAX = 1_000;
    /** The sitemap protocol's limit of URLs in one file. */
    public static final int SITEMAP_MAX = 50_000;

    private final Config.Site site;
    private final java.util.function.Predicate<String> fullText;
    private final String base;
    private final Labels labels;

    /** Feeds that carry summaries only. */
    public Feeds(Config.Site site) {
        this(site, source -> false);
    }

    /** Feeds where the stories of sources with {@code full_text_in_feeds} carry their whole text. */
    public Feeds(Config config) {
        this(config.site(), source -> config.source(source).fullTextInFeeds());
    }

    private Feeds(Config.Site site, java.util.function.Predicate<String> fullText) {
        this.site = site;
        this.fullText = fullText;
        this.labels = Labels.of(site.language());
        String b = site.baseUrl();
        this.base = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    }

    public static String feedPath(String section) {
        return section == null ? "/feed.xml" : "/" + section + "/feed.xml";
    }

    public static String monthPath(YearMonth month) {
        return "/sitemap-" + month + ".xml";
    }

    /** An RSS 2.0 channel of {@code stories}, newest first; {@code section} null for the whole site. */
    public Page rss(String section, List<Story> stories) {
        String name = section == null ? null : site.section(section).map(Config.Section::name).orElse(section);
        String title = name == null ? site.name() : name + " | " + site.name();
        String link = base + (section == null ? "/" : "/" + section + "/");
        StringBuilder x = new StringBuilder(4096 + stories.size() * 1024);
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<rss version=\"2.0\" xmlns:atom=\"").append(ATOM_NS).append("\" xmlns:dc=\"").append(DC_NS)
                .append("\" xmlns:content=\"").append(CONTENT_NS).append("\">\n<channel>\n");
        el(x, "title", title);
        el(x, "link", link);
        el(x, "description", name == null ? labels.feedDescription().formatted(site.name())
                : labels.feedDescription().formatted(name) + " — " + site.name());
        el(x, "language", site.language());
        // The newest change, not the clock: an unchanged feed keeps its bytes and its ETag.
        Instant built = stories.stream().map(Feeds::changed).max(Instant::compareTo).orElse(Instant.EPOCH);
        el(x, "lastBuildDate", rfc822(built));
        x.append("<atom:link href=\"").append(escape(base + feedPath(section)))
                .append("\" rel=\"self\" type=\"application/rss+xml\"/>\n");
        for (Story s : stories) {
            String url = base + s.path();
            x.append("<item>\n");
            el(x, "title", s.headline());
            el(x, "link", url);
            x.append("<guid isPermaLink=\"true\">").append(escape(url)).append("</guid>\n");
            el(x, "pubDate", rfc822(s.publishedAt()));
            if (s.item().summary() != null) el(x, "description", s.item().summary());
            // The whole text only where the source's licence allows it (sources.NAME.full_text_in_feeds).
            if (s.item().bodyHtml() != null && fullText.test(s.source())) el(x, "content:encoded", s.item().bodyHtml());
            el(x, "category", site.section(s.section()).map(Config.Section::name).orElse(s.section()));
            String agency = s.item().agency() != null ? s.item().agency() : s.source();
            if (agency != null) el(x, "dc:creator", agency);
            x.append("</item>\n");
        }
        x.append("</channel>\n</rss>\n");
        return Page.of(200, RSS_TYPE, bytes(x)).withSurrogateKeys(SURROGATE_KEY);
    }

    // FeedsTest validates these against src/test/resources/xsd (sitemaps.org 0.9, Google News 0.9).

    /** The sitemap index: the news sitemap and one sitemap per month that has stories, newest first. */
    public Page sitemapIndex(List<YearMonth> months) {
        StringBuilder x = new StringBuilder(256 + months.size() * 96);
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"").append(SITEMAP_NS).append("\">\n");
        x.append("<sitemap><loc>").append(escape(base + "/sitemap-news.xml")).append("</loc></sitemap>\n");
        for (YearMonth m : months) {
            x.append("<sitemap><loc>").append(escape(base + monthPath(m))).append("</loc></sitemap>\n");
        }
        x.append("</sitemapindex>\n");
        return Page.of(200, XML_TYPE, bytes(x)).withSurrogateKeys(SURROGATE_KEY);
    }

    /** One month's published stories: loc and lastmod. */
    public Page monthSitemap(List<Listed> stories) {
        StringBuilder x = new StringBuilder(256 + stories.size() * 160);
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"").append(SITEMAP_NS).append("\">\n");
        for (Listed s : stories) {
            x.append("<url><loc>").append(escape(base + s.path())).append("</loc><lastmod>")
                    .append(w3c(changed(s.publishedAt(), s.updatedAt()))).append("</lastmod></url>\n");
        }
        x.append("</urlset>\n");
        return Page.of(200, XML_TYPE, bytes(x)).withSurrogateKeys(SURROGATE_KEY);
    }

    /** The Google News sitemap of {@code stories} (the caller keeps to the last 48 hours and 1,000). */
    public Page newsSitemap(List<Listed> stories) {
        StringBuilder x = new StringBuilder(256 + stories.size() * 512);
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"").append(SITEMAP_NS)
                .append("\" xmlns:news=\"").append(NEWS_NS).append("\">\n");
        for (Listed s : stories) {
            x.append("<url>\n");
            el(x, "loc", base + s.path());
            x.append("<news:news>\n<news:publication>\n");
            el(x, "news:name", site.name());
            el(x, "news:language", newsLanguage(site.language()));
            x.append("</news:publication>\n");
            el(x, "news:publication_date", w3c(s.publishedAt()));
            el(x, "news:title", s.headline());
            x.append("</news:news>\n</url>\n");
        }
        x.append("</urlset>\n");
        return Page.of(200, XML_TYPE, bytes(x)).withSurrogateKeys(SURROGATE_KEY);
    }

    /** Google News takes an ISO 639 code alone ({@code hi}, not {@code hi-IN}), except zh-cn and zh-tw. */
    static String newsLanguage(String bcp47) {
        String l = bcp47.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        if (l.equals("zh-cn") || l.equals("zh-tw")) return l;
        int dash = l.indexOf('-');
        return dash > 0 ? l.substring(0, dash) : l;
    }

    /** Both sitemaps are named: the news sitemap is in the index too, but crawlers read it sooner from here. */
    public Page robots() {
        String text = "User-agent: *\nAllow: /\nDisallow: /desk/\nDisallow: /api/\n\nSitemap: " + base
                + "/sitemap.xml\nSitemap: " + base + "/sitemap-news.xml\n";
        return Page.of(200, TEXT_TYPE, text.getBytes(StandardCharsets.UTF_8)).withSurrogateKeys(SURROGATE_KEY);
    }

    static Instant changed(Story s) {
        return changed(s.publishedAt(), s.updatedAt());
    }

    static Instant changed(Instant p, Instant u) {
        if (p == null) return u == null ? Instant.EPOCH : u;
        return u != null && u.isAfter(p) ? u : p;
    }

    /** RFC 822 as RSS 2.0 wants it, in GMT: {@code Sat, 12 Jul 2025 05:49:00 GMT}. */
    static String rfc822(Instant i) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(i.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
    }

    /** W3C Datetime in the site's zone, to the second: {@code 2025-07-12T11:19:00+05:30}. */
    String w3c(Instant i) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(i.truncatedTo(ChronoUnit.SECONDS).atZone(site.zone()));
    }

    private static void el(StringBuilder x, String name, String text) {
        x.append('<').append(name).append('>').append(escape(text)).append("</").append(name).append(">\n");
    }

    /** Escapes markup characters and drops code points XML 1.0 cannot carry (controls, lone surrogates). */
    static String escape(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> {
                    boolean legal = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                            || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
                    if (legal) b.appendCodePoint(c);
                }
            }
        }
        return b.toString();
    }

    private static byte[] bytes(StringBuilder x) {
        return x.toString().getBytes(StandardCharsets.UTF_8);
    }
}
