package org.taar.site;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.taar.config.Config;
import org.taar.store.MediaReads;
import org.taar.store.MediaReads.Served;
import org.taar.story.Story;
import org.taar.text.HtmlEscape;

/**
 * Writes an RSS 2.0 channel of stories (with the Atom self link, Dublin Core creator and, where
 * a source's licence allows, the whole text as content:encoded). It only formats; {@link Feeds}
 * chooses the stories.
 */
public final class RssFeed {
    public static final String TYPE = "application/rss+xml; charset=utf-8";
    public static final String ATOM_NS = "http://www.w3.org/2005/Atom";
    public static final String DC_NS = "http://purl.org/dc/elements/1.1/";
    public static final String CONTENT_NS = "http://purl.org/rss/1.0/modules/content/";
    /** Media RSS, which feed readers and aggregators read a story's picture from. */
    public static final String MEDIA_NS = "http://search.yahoo.com/mrss/";

    private final Config.Site site;
    private final Predicate<String> fullText;
    private final String base;
    private final Labels labels;

    /** Feeds where the stories of sources with {@code full_text_in_feeds} carry their whole text. */
    public RssFeed(Config config) {
        this(config.site(), source -> config.source(source).fullTextInFeeds());
    }

    /** @param fullText whether a story of this source may carry its whole text */
    RssFeed(Config.Site site, Predicate<String> fullText) {
        this.site = site;
        this.fullText = fullText;
        this.labels = Labels.of(site.language());
        this.base = Feeds.base(site);
    }

    /** The channel of {@code stories}, newest first; {@code section} null for the whole site. */
    public byte[] channel(String section, List<Story> stories) {
        return channel(section, stories, Map.of());
    }

    /**
     * The channel of {@code stories}, newest first, each with its lead picture from {@code pictures}
     * (by story id) as {@code media:content}; {@code section} null for the whole site.
     */
    public byte[] channel(String section, List<Story> stories, Map<Long, MediaReads.Shown> pictures) {
        String name = section == null ? null : site.section(section).map(Config.Section::name).orElse(section);
        XmlOut x = new XmlOut(4096 + stories.size() * 1024);
        x.start("rss").attribute("version", "2.0").namespace("atom", ATOM_NS).namespace("dc", DC_NS)
                .namespace("content", CONTENT_NS);
        if (!pictures.isEmpty()) x.namespace("media", MEDIA_NS);
        x.newline();
        x.start("channel").newline();
        x.element("title", name == null ? site.name() : name + " | " + site.name());
        x.element("link", base + (section == null ? "/" : "/" + section + "/"));
        x.element("description", name == null ? labels.feedDescription().formatted(site.name())
                : labels.feedDescription().formatted(name) + " — " + site.name());
        x.element("language", site.language());
        // The newest change, not the clock: an unchanged feed keeps its bytes and its ETag.
        Instant built = stories.stream().map(Feeds::changed).max(Instant::compareTo).orElse(Instant.EPOCH);
        x.element("lastBuildDate", rfc822(built));
        x.start("atom:link").attribute("href", base + Feeds.feedPath(section)).attribute("rel", "self")
                .attribute("type", "application/rss+xml").end();
        for (Story s : stories) item(x, s, pictures.get(s.id()));
        x.end(); // channel
        x.end(); // rss
        return x.bytes();
    }

    private void item(XmlOut x, Story s, MediaReads.Shown picture) {
        String url = base + s.path();
        x.start("item").newline();
        x.element("title", s.headline());
        x.element("link", url);
        // The link follows the headline's slug; the guid must not, or readers see each new headline as a new item.
        x.start("guid").attribute("isPermaLink", "false").text(Feeds.guid(site, s.id())).end();
        x.element("pubDate", rfc822(s.publishedAt()));
        // RSS has no direction: readers go by the language (the channel's, or the item's own here) or the text itself.
        Views.Lang text = Views.Lang.of(s.item().language(), site.language());
        if (text.lang() != null) x.element("dc:language", text.lang());
        if (s.item().summary() != null) x.element("description", s.item().summary());
        // The whole text only where the source's licence allows it (sources.NAME.full_text_in_feeds).
        if (s.item().bodyHtml() != null && fullText.test(s.source())) x.element("content:encoded", marked(s.item().bodyHtml(), text));
        x.element("category", site.section(s.section()).map(Config.Section::name).orElse(s.section()));
        String agency = s.item().agency() != null ? s.item().agency() : s.source();
        if (agency != null) x.element("dc:creator", agency);
        if (picture != null) picture(x, picture);
        x.end();
    }

    /** The lead picture as media:content: our own 1200-wide JPEG (never the agency's address), its caption and credit. */
    private void picture(XmlOut x, MediaReads.Shown picture) {
        Served og = MediaViews.og(picture).orElse(null);
        if (og == null) return;
        x.start("media:content").attribute("url", base + MediaViews.path(og)).attribute("type", og.contentType())
                .attribute("medium", "image");
        if (og.width() != null) x.attribute("width", og.width().toString());
        if (og.height() != null) x.attribute("height", og.height().toString());
        x.newline();
        String description = MediaViews.description(picture);
        if (description != null) x.start("media:description").attribute("type", "plain").text(description).end();
        if (picture.credit() != null && !picture.credit().isBlank()) x.element("media:credit", picture.credit().strip());
        x.end();
    }

    /** The body's HTML in an element saying its language and direction when they are not the channel's. */
    private static String marked(String bodyHtml, Views.Lang text) {
        if (text.dir() == null && text.lang() == null) return bodyHtml;
        StringBuilder div = new StringBuilder("<div");
        if (text.lang() != null) div.append(" lang=\"").append(HtmlEscape.escape(text.lang())).append('"');
        if (text.dir() != null) div.append(" dir=\"").append(text.dir()).append('"');
        return div.append('>').append(bodyHtml).append("</div>").toString();
    }

    /** RFC 822 as RSS 2.0 wants it, in GMT: {@code Sat, 12 Jul 2025 05:49:00 GMT}. */
    static String rfc822(Instant i) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(i.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
    }
}
