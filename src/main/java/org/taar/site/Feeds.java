package org.taar.site;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.taar.config.Config;
import org.taar.store.Listings;
import org.taar.store.Listings.Listed;
import org.taar.store.MediaReads;
import org.taar.story.Story;

/**
 * Keeps what the site publishes for machines materialized: the RSS feeds of the site and of each
 * section ({@link RssFeed}), the sitemap index, the monthly sitemaps, the Google News sitemap
 * ({@link Sitemaps}) and robots.txt. All hold published stories only, so a kill drops out of them
 * at the next refresh. Called by the publisher's listings pass, and by a request for a monthly
 * sitemap that is not rendered (one at a time: the methods hold this object's lock). Monthly
 * sitemaps are kept in the page cache's bounded tier: a large archive's (a million stories make
 * about 180 MB of sitemap XML) need not all stay in memory, and one let go is rendered again.
 */
public final class Feeds {
    /** The Surrogate-Key of every feed, sitemap and robots.txt: a CDN purges them together. */
    public static final String SURROGATE_KEY = "feeds";
    public static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    public static final String NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";
    public static final String IMAGE_NS = "http://www.google.com/schemas/sitemap-image/1.1";
    /** The renditions a sitemap may name for a picture, best first (see {@link MediaViews#og}). */
    private static final List<String> SITEMAP_IMAGES = List.of("og", "w1600", "w1024", "w640", "w320");
    public static final String INDEX_PATH = "/sitemap.xml";
    /** Where the API answers a story by id ({@code web/StoriesEndpoint}); a story's feed guid names it. */
    public static final String STORY_API = "/api/v1/stories/";
    public static final String NEWS_PATH = "/sitemap-news.xml";
    /** Stories in the site feed and in each section feed. */
    public static final int FEED_STORIES = 50;
    /** Google News reads stories of the last two days, at most 1,000 per sitemap. */
    public static final Duration NEWS_WINDOW = Duration.ofHours(48);
    public static final int NEWS_MAX = 1_000;
    /** A month's sitemap can be long: after a new story it is refreshed this often at most (a kill or update at once). */
    static final Duration MONTHS_EVERY = Duration.ofSeconds(5);
    /**
     * After a new story, the feeds and the news sitemap are rendered this often at most (a kill,
     * update or hold at once): in a burst, every pass rendered them (a thousand stories for the news
     * sitemap), a sixth of the publisher's work (bench/RESULTS.md, "burst"), for readers that poll
     * them every few minutes. The publisher's listings thread passes every 250 ms, so none waits longer.
     */
    static final Duration FEEDS_EVERY = Duration.ofSeconds(1);

    private final Listings stories;
    private final MediaReads media;
    private final PageCache cache;
    private final RssFeed rss;
    private final Sitemaps sitemaps;
    private final Config.Site site;
    private final Clock clock;
    private final Sitemaps.Limits limits;
    /** Months whose sitemap is materialized, i.e. that have published stories, with their parts; newest first. */
    private final Map<YearMonth, Integer> sitemapMonths = new TreeMap<>(Comparator.reverseOrder());
    /** Months whose sitemap waits for the next refresh. */
    private final Set<YearMonth> staleMonths = new LinkedHashSet<>();
    /** When the oldest story in the news sitemap leaves its 48-hour window; null when it is empty. */
    private Instant newsExpiresAt;
    private long monthsNanos;
    /** Sections whose feed waits for its turn, and whether the site feed and the news sitemap do. */
    private final Set<String> staleFeeds = new LinkedHashSet<>();
    private boolean feedsStale;
    /** When the feeds were last rendered, by the site's clock (tests move it). */
    private Instant feedsAt = Instant.MIN;
    private boolean monthsRendered;

    public Feeds(Listings stories, MediaReads media, PageCache cache, RssFeed rss, Sitemaps sitemaps, Config.Site site,
                 Clock clock) {
        this(stories, media, cache, rss, sitemaps, site, clock, Sitemaps.Limits.PROTOCOL);
    }

    /** With other limits per sitemap file than the protocol's: tests cut months into parts with a few stories. */
    Feeds(Listings stories, MediaReads media, PageCache cache, RssFeed rss, Sitemaps sitemaps, Config.Site site,
          Clock clock, Sitemaps.Limits limits) {
        this.limits = limits;
        this.stories = stories;
        this.media = media;
        this.cache = cache;
        this.rss = rss;
        this.sitemaps = sitemaps;
        this.site = site;
        this.clock = clock;
    }

    public static String feedPath(String section) {
        return section == null ? "/feed.xml" : "/" + section + "/feed.xml";
    }

    /**
     * A story's identity in every feed and in the API: the address of its API resource, which holds
     * the store's id only, so it is the same for every version (a new headline moves the slug and
     * the link, never this), in the site feed and each section feed, and after a restart. Not the
     * agency's uri: two sources may send the same one, and every site carrying the agency has it.
     */
    public static String guid(Config.Site site, long id) {
        return base(site) + STORY_API + id;
    }

    public static String monthPath(YearMonth month) {
        return monthPath(month, 1);
    }

    /** Part {@code part} of a month's sitemap: the first keeps the month's own address, later ones add their number. */
    public static String monthPath(YearMonth month, int part) {
        return part <= 1 ? "/sitemap-" + month + ".xml" : "/sitemap-" + month + "-" + part + ".xml";
    }

    /** Every feed, every month's sitemap since the first story, the index, the news sitemap and robots.txt. */
    void renderAll() {
        renderAll(true);
    }

    /**
     * Every feed, the index, the news sitemap and robots.txt; with {@code months} every month's
     * sitemap too, without them the index is made from each month's count of stories and a month
     * is rendered on its first request ({@link #monthOnRequest}) or when it changes: at start, reading a
     * large archive's every story for its sitemaps would keep the port closed for many seconds.
     */
    synchronized void renderAll(boolean months) {
        Set<YearMonth> all = new LinkedHashSet<>();
        Optional<Instant> first = stories.firstPublishedAt();
        if (first.isPresent()) {
            YearMonth last = month(clock.instant());
            for (YearMonth m = month(first.get()); !m.isAfter(last); m = m.plusMonths(1)) all.add(m);
        }
        // Months that lost their last story since the previous render must go too.
        all.addAll(sitemapMonths.keySet());
        renderFeeds(allSections());
        if (months) renderMonths(all);
        else countMonths(all);
        renderNews();
        cache.put("/robots.txt", page(Sitemaps.ROBOTS_TYPE, sitemaps.robots()));
    }

    /** The index from the months' counts, each cut into parts by the URL limit (the byte limit shows when one renders). */
    private void countMonths(Set<YearMonth> months) {
        for (YearMonth m : months) {
            int count = stories.countPublishedBetween(start(m), start(m.plusMonths(1)));
            if (count == 0) sitemapMonths.remove(m);
            else sitemapMonths.put(m, (count + limits.urls() - 1) / limits.urls());
        }
        cache.put(INDEX_PATH, page(Sitemaps.TYPE, sitemaps.index(new LinkedHashMap<>(sitemapMonths))));
    }

    /** A monthly sitemap's address: its month and part. */
    private static final Pattern MONTH_PATH =
            Pattern.compile("/sitemap-([0-9]{4}-[0-9]{2})(?:-([0-9]{1,6}))?\\.xml");

    /**
     * A part of a month's sitemap the cache does not hold (not rendered since start, or let go by
     * the bounded tier): the month is rendered now, if the index lists it. Empty for any other path.
     */
    synchronized Optional<Page> monthOnRequest(String path) {
        Matcher m = MONTH_PATH.matcher(path);
        if (!m.matches()) return Optional.empty();
        Optional<Page> cached = cache.get(path);
        if (cached.isPresent()) return cached;
        YearMonth month;
        try {
            month = YearMonth.parse(m.group(1));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        if (!sitemapMonths.containsKey(month)) return Optional.empty();
        renderMonths(Set.of(month));
        staleMonths.remove(month);
        return cache.get(path);
    }

    /**
     * One listings pass. {@code changed}: events arrived (their sections and months given);
     * {@code deep}: one of them was a kill, update or hold, which must leave every feed and sitemap
     * now; {@code now}: feeds waiting for their turn ({@link #FEEDS_EVERY}) are rendered in this pass.
     */
    synchronized void refresh(boolean changed, boolean deep, boolean now, Collection<String> sections,
                              Collection<YearMonth> months) {
        if (changed) {
            staleFeeds.addAll(sections);
            feedsStale = true;
        }
        boolean newsRendered = false;
        if (feedsStale && (deep || now || !clock.instant().isBefore(feedsAt.plus(FEEDS_EVERY)))) {
            renderFeeds(deep ? allSections() : staleFeeds);
            renderNews();
            newsRendered = true;
            staleFeeds.clear();
            feedsStale = false;
            feedsAt = clock.instant();
        }
        staleMonths.addAll(months);
        if (!staleMonths.isEmpty() && (deep || !monthsRendered || System.nanoTime() - monthsNanos >= MONTHS_EVERY.toNanos())) {
            renderMonths(Set.copyOf(staleMonths));
            staleMonths.clear();
        }
        // A story leaving the 48-hour window changes the news sitemap though no event says so.
        if (!newsRendered && newsExpiresAt != null && !clock.instant().isBefore(newsExpiresAt)) renderNews();
    }

    /** The first instant of a month in the site's zone. */
    private Instant start(YearMonth m) {
        return m.atDay(1).atStartOfDay(site.zone()).toInstant();
    }

    /** The month (in the site's zone) whose sitemap lists a story published at {@code i}. */
    YearMonth month(Instant i) {
        return YearMonth.from(i.atZone(site.zone()));
    }

    /** The site feed and the given section feeds. */
    private void renderFeeds(Collection<String> sections) {
        List<Story> latest = stories.latest(FEED_STORIES, 0);
        cache.put(feedPath(null), page(RssFeed.TYPE, rss.channel(null, latest, pictures(latest))));
        for (String section : sections) {
            List<Story> list = stories.inSection(section, FEED_STORIES, 0);
            cache.put(feedPath(section), page(RssFeed.TYPE, rss.channel(section, list, pictures(list))));
        }
    }

    /** The given months' sitemaps and, when the set of months changed, the sitemap index. */
    private void renderMonths(Set<YearMonth> months) {
        boolean indexChanged = cache.get(INDEX_PATH).isEmpty();
        monthsNanos = System.nanoTime();
        monthsRendered = true;
        for (YearMonth m : months) {
            List<byte[]> parts = monthParts(m);
            int before = sitemapMonths.getOrDefault(m, 0);
            for (int part = 1; part <= parts.size(); part++) {
                cache.putArticle(monthPath(m, part), page(Sitemaps.TYPE, parts.get(part - 1)));
            }
            for (int part = parts.size() + 1; part <= before; part++) cache.remove(monthPath(m, part));
            if (parts.isEmpty()) sitemapMonths.remove(m);
            else sitemapMonths.put(m, parts.size());
            indexChanged |= parts.size() != before;
        }
        if (indexChanged) cache.put(INDEX_PATH, page(Sitemaps.TYPE, sitemaps.index(new LinkedHashMap<>(sitemapMonths))));
    }

    /**
     * A month's sitemap in parts within the protocol's limits, oldest stories first, so that a new
     * story changes only the last part. Read from the store a part's worth of stories at a time.
     */
    private List<byte[]> monthParts(YearMonth m) {
        Instant from = start(m);
        Instant to = start(m.plusMonths(1));
        List<byte[]> parts = new ArrayList<>();
        Listed last = null;
        while (true) {
            List<Listed> list = stories.publishedAfter(from, to, last == null ? null : last.publishedAt(),
                    last == null ? 0 : last.id(), limits.urls());
            if (list.isEmpty()) break;
            cut(list, parts);
            last = list.get(list.size() - 1);
            if (list.size() < limits.urls()) break;
        }
        return parts;
    }

    // Within the URL limit a file can still pass 50 MB (long addresses, pictures): it is halved until it fits.
    private void cut(List<Listed> list, List<byte[]> parts) {
        byte[] whole = sitemaps.month(list, images(list));
        if (whole.length <= limits.bytes() || list.size() == 1) {
            parts.add(whole);
            return;
        }
        cut(list.subList(0, list.size() / 2), parts);
        cut(list.subList(list.size() / 2, list.size()), parts);
    }

    private void renderNews() {
        Instant now = clock.instant();
        List<Listed> news = stories.publishedBetween(now.minus(NEWS_WINDOW), Instant.ofEpochMilli(Long.MAX_VALUE), NEWS_MAX);
        cache.put(NEWS_PATH, page(Sitemaps.TYPE, sitemaps.news(news, images(news))));
        newsExpiresAt = news.isEmpty() ? null : news.get(news.size() - 1).publishedAt().plus(NEWS_WINDOW);
    }

    private java.util.Map<Long, MediaReads.Shown> pictures(List<Story> list) {
        return media.leadPictures(list.stream().map(Story::id).toList());
    }

    /** The absolute address of each listed story's lead picture (one per story, our own rendition). */
    private java.util.Map<Long, String> images(List<Listed> list) {
        java.util.Map<Long, String> out = new java.util.HashMap<>();
        media.leadPictures(list.stream().map(Listed::id).toList(), SITEMAP_IMAGES).forEach((id, picture) ->
                MediaViews.og(picture).ifPresent(r -> out.put(id, base(site) + MediaViews.path(r))));
        return out;
    }

    private Set<String> allSections() {
        Set<String> all = new LinkedHashSet<>();
        site.sections().forEach(s -> all.add(s.slug()));
        return all;
    }

    private static Page page(String type, byte[] body) {
        return Page.of(200, type, body).withSurrogateKeys(SURROGATE_KEY);
    }

    /** The site's address without a trailing slash, to put paths after. */
    static String base(Config.Site site) {
        String b = site.baseUrl();
        return b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    }

    static Instant changed(Story s) {
        return changed(s.publishedAt(), s.updatedAt());
    }

    static Instant changed(Instant p, Instant u) {
        if (p == null) return u == null ? Instant.EPOCH : u;
        return u != null && u.isAfter(p) ? u : p;
    }
}
