package org.taar.site;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.taar.config.Config;
import org.taar.item.NewsItem;
import org.taar.store.MediaReads;
import org.taar.story.Story;
import org.taar.text.HtmlSanitizer;
import org.taar.search.SearchResults;

/**
 * Turns stories into HTML with the precompiled JTE templates. Rendering happens when a story
 * changes, never on a reader's request.
 */
public final class Renderer {
    /** Bodies longer than this many paragraphs get a read-more control after the lead. */
    static final int LEAD_PARAGRAPHS = 3;
    static final int LONG_BODY = 5;

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);
    private final Config config;
    private final Config.Site site;
    private final DateTimeFormatter shown;
    private final List<Views.NavLink> nav;
    private final Labels labels;
    private final ArticleHead head;

    public Renderer(Config config) {
        this.config = config;
        this.site = config.site();
        this.labels = Labels.of(site.language());
        this.shown = DateTimeFormatter.ofPattern("d MMMM yyyy hh:mm a z", Locale.ENGLISH).withZone(site.zone());
        this.head = new ArticleHead(site, shown);
        this.nav = site.sections().stream().map(s -> new Views.NavLink("/" + s.slug() + "/", s.name(), s.slug())).toList();
    }

    /**
     * The article page; {@code editions} are the same story in other languages (published), linked
     * from the head with hreflang, as each of them links back here.
     */
    public String article(Story s, Optional<Story> next, List<Views.RelatedLink> related, List<Story> editions) {
        return article(s, next, related, editions, null, List.of());
    }

    /**
     * The article page, with a correction notice when the agency corrected the story at
     * {@code corrected} (or null), and the agencies and sources that also sent the story
     * ({@code data-role="also-reported"}).
     */
    public String article(Story s, Optional<Story> next, List<Views.RelatedLink> related, List<Story> editions,
                          Instant corrected, List<String> alsoReported) {
        return article(s, next, related, editions, corrected, alsoReported, List.of());
    }

    /**
     * The article page with the story's ready media ({@link MediaReads#shown}): the lead picture
     * above the text, the other pictures, video and audio below it, the lead picture in the head.
     */
    public String article(Story s, Optional<Story> next, List<Views.RelatedLink> related, List<Story> editions,
                          Instant corrected, List<String> alsoReported, List<MediaReads.Shown> media) {
        NewsItem item = s.item();
        String sectionName = sectionName(s.section());
        String canonical = site.baseUrl() + s.path();
        List<String> paragraphs = paragraphs(item.bodyHtml());
        boolean longBody = paragraphs.size() > LONG_BODY;
        List<String> lead = longBody ? paragraphs.subList(0, LEAD_PARAGRAPHS) : paragraphs;
        List<String> more = longBody ? paragraphs.subList(LEAD_PARAGRAPHS, paragraphs.size()) : List.of();
        String description = item.summary() != null ? item.summary() : firstText(paragraphs);
        Instant created = s.publishedAt() != null ? s.publishedAt() : s.createdAt();
        Instant updated = s.updatedAt();
        String lang = item.language() != null ? item.language() : site.language();
        MediaReads.Shown picture = MediaViews.leadPicture(media);
        Views.Head head = this.head.of(s, lang, canonical, sectionName, description, created, updated, corrected, editions,
                picture);
        // The page is the site's (its furniture); the story's own text says its language and direction.
        Views.Frame frame = new Views.Frame(labels, site.name(), site.language(), nav, item.headline() + " | " + site.name(),
                description, canonical, s.section(), head);
        Views.Article view = new Views.Article(frame, "/" + s.section() + "/", sectionName, item.headline(),
                item.summary(), lead, more, disclaimer(s), shown.format(created), created.toString(),
                updated == null ? null : shown.format(updated), updated == null ? null : updated.toString(),
                s.tags(), next.map(Story::path).orElse(null), next.map(Story::headline).orElse(null), item.byline(),
                text(s), next.map(this::text).orElse(Views.Lang.SAME));
        List<Views.RelatedLink> placed = related.stream().map(r -> r.on(site.language())).toList();
        Map<String, Object> params = new java.util.HashMap<>(Map.of("a", view, "related", placed,
                "alsoReported", alsoReported,
                "alsoReportedHeading", labels.alsoReported()));
        Views.Figure leadFigure = picture == null ? null : MediaViews.figure(picture, true);
        if (leadFigure != null) params.put("picture", leadFigure);
        List<Views.Figure> below = new ArrayList<>();
        for (MediaReads.Shown m : media) {
            Views.Figure f = m == picture ? null : MediaViews.figure(m, false);
            if (f != null) below.add(f);
        }
        params.put("media", below);
        if (corrected != null) {
            params.put("correction", CorrectionNotice.text(site.language(), shown.format(corrected)));
            params.put("correctedIso", corrected.toString());
        }
        return render("article.jte", params);
    }

    public String home(List<Story> latest, Map<Config.Section, List<Story>> bySection) {
        return home(latest, List.of(), bySection);
    }

    /** The home page: the breaking block (urgent stories of the last hours) on top, then the latest and each section. */
    public String home(List<Story> latest, List<Story> breaking, Map<Config.Section, List<Story>> bySection) {
        return home(latest, breaking, bySection, Map.of());
    }

    /**
     * The home page as readers of Hindi portals expect it: the breaking block on top, then the lead
     * story with its picture large (the newest story that has a picture, else the newest), the
     * other latest stories, and a block per section, each card with its picture small.
     * {@code pictures}: the lead picture of each story that has one, by story id.
     */
    public String home(List<Story> latest, List<Story> breaking, Map<Config.Section, List<Story>> bySection,
                       Map<Long, MediaReads.Shown> pictures) {
        List<Views.SectionBlock> blocks = new ArrayList<>();
        bySection.forEach((section, stories) -> {
            if (!stories.isEmpty()) {
                blocks.add(new Views.SectionBlock("/" + section.slug() + "/", section.name(), cards(stories, pictures)));
            }
        });
        Views.Frame frame = new Views.Frame(labels, site.name(), site.language(), nav, site.name(), site.name(),
                site.baseUrl() + "/", "", Views.Head.NONE);
        return render("listing.jte", Map.of("l", new Views.Listing(frame, labels.latest(), withLead(latest, pictures),
                blocks, null, null, 1, cards(breaking, Map.of()), "")));
    }

    /** The latest stories, the lead first and marked so: the newest with a picture, else the newest. */
    private List<Views.StoryCard> withLead(List<Story> latest, Map<Long, MediaReads.Shown> pictures) {
        if (latest.isEmpty()) return List.of();
        Story lead = latest.stream().filter(s -> pictures.containsKey(s.id())).findFirst().orElse(latest.get(0));
        List<Views.StoryCard> out = new ArrayList<>();
        out.add(card(lead, pictures.get(lead.id()), true));
        for (Story s : latest) if (s != lead) out.add(card(s, pictures.get(s.id()), false));
        return out;
    }

    public String listing(String path, String heading, String currentSection, List<Story> stories, int page,
                          boolean hasMore) {
        return listing(path, heading, currentSection, stories, page, hasMore, Map.of());
    }

    /** A section's or tag's page; {@code pictures}: the lead picture of each story that has one, by story id. */
    public String listing(String path, String heading, String currentSection, List<Story> stories, int page,
                          boolean hasMore, Map<Long, MediaReads.Shown> pictures) {
        String canonical = site.baseUrl() + path + (page > 1 ? "?page=" + page : "");
        String title = heading + (page > 1 ? " (" + labels.page() + " " + page + ")" : "") + " | " + site.name();
        Views.Frame frame = new Views.Frame(labels, site.name(), site.language(), nav, title, heading, canonical,
                currentSection, Views.Head.NONE);
        String prev = page > 2 ? path + "?page=" + (page - 1) : page == 2 ? path : null;
        String next = hasMore ? path + "?page=" + (page + 1) : null;
        // The new-stories banner belongs on a section's first page; tag pages and deeper pages go without.
        String live = page == 1 && site.section(currentSection).isPresent() ? currentSection : null;
        return render("listing.jte", Map.of("l", new Views.Listing(frame, heading, cards(stories, pictures), List.of(), prev,
                next, page, List.of(), live)));
    }

    public String message(String heading, String text) {
        Views.Frame frame = new Views.Frame(labels, site.name(), site.language(), nav, heading + " | " + site.name(), null,
                null, "", Views.Head.NOINDEX);
        return render("message.jte", Map.of("m", new Views.Message(frame, heading, text)));
    }

    /**
     * The search page for query {@code q}: results, or an error message (status decided by the caller).
     * {@code pageHref} gives the link of another page of the same search.
     */
    public String search(String q, SearchResults results, String error,
                         java.util.function.IntFunction<String> pageHref) {
        String title = (q.isEmpty() ? labels.search() : labels.search() + ": " + q) + " | " + site.name();
        Views.Frame frame = new Views.Frame(labels, site.name(), site.language(), nav, title, null, null, "",
                Views.Head.NOINDEX);
        List<Views.SearchHit> hits = results.hits().stream().map(h -> new Views.SearchHit(h.path(), h.headlineHtml(),
                h.snippetHtml(), sectionName(h.section()), shown.format(h.published()), h.published().toString(),
                Views.Lang.of(h.language(), site.language()))).toList();
        String summary = q.isEmpty() || error != null ? null
                : results.total() == 0 ? labels.searchNothing().formatted(q)
                : (results.totalIsLowerBound() ? labels.searchAtLeast() : labels.searchFound())
                        .formatted(results.total(), results.page());
        String prev = results.page() > 1 ? pageHref.apply(results.page() - 1) : null;
        String next = results.hasMore() ? pageHref.apply(results.page() + 1) : null;
        return render("search.jte", Map.of("s", new Views.Search(frame, q, summary, hits, prev, next, error)));
    }

    /** The language and direction of a story's own text on this site's pages. */
    Views.Lang text(Story s) {
        return Views.Lang.of(s.item().language(), site.language());
    }

    /** The site furniture's words, in the site's language. */
    public Labels labels() {
        return labels;
    }

    public String sectionName(String slug) {
        return site.section(slug).map(Config.Section::name).orElse(slug);
    }

    String disclaimer(Story s) {
        // A routing rule's set_disclaimer comes first, then the source's, then the default.
        if (s.item().disclaimer() != null) return s.item().disclaimer();
        Config.Source src = config.source(s.source());
        if (src.disclaimer() != null) return src.disclaimer();
        String agency = s.item().agency() != null ? s.item().agency()
                : src.agency() != null ? src.agency() : s.source();
        boolean hindi = "hi".equals(s.item().language()) || (s.item().language() == null && "hi".equals(site.language()));
        return hindi
                ? "यह ख़बर " + agency + " की फ़ीड से स्वतः प्रकाशित हुई है; " + site.name() + " ने इसके पाठ का संपादन नहीं किया है।"
                : "This story was published automatically from the " + agency + " feed; " + site.name()
                        + " has not edited its text.";
    }

    private List<Views.StoryCard> cards(List<Story> stories, Map<Long, MediaReads.Shown> pictures) {
        return stories.stream().map(s -> card(s, pictures.get(s.id()), false)).toList();
    }

    private Views.StoryCard card(Story s, MediaReads.Shown picture, boolean lead) {
        Instant t = s.publishedAt() != null ? s.publishedAt() : s.createdAt();
        Views.Thumb thumb = picture == null ? null : lead ? MediaViews.large(picture) : MediaViews.thumb(picture);
        return new Views.StoryCard(s.path(), s.headline(), s.item().summary(), shown.format(t), t.toString(),
                sectionName(s.section()), text(s), thumb, lead);
    }

    /** The body's top-level blocks, each as its own HTML string (already sanitized upstream). */
    static List<String> paragraphs(String bodyHtml) {
        if (bodyHtml == null || bodyHtml.isBlank()) return List.of();
        var doc = Jsoup.parseBodyFragment(bodyHtml);
        doc.outputSettings().prettyPrint(false).escapeMode(Entities.EscapeMode.base).charset("UTF-8");
        // Bodies stored before the sanitizer secured their pictures still name http: ones; the page does it for them.
        HtmlSanitizer.secureImages(doc.body());
        List<String> out = new ArrayList<>();
        for (Element e : doc.body().children()) out.add(e.outerHtml());
        return out;
    }

    private static String firstText(List<String> paragraphs) {
        if (paragraphs.isEmpty()) return null;
        String text = Jsoup.parseBodyFragment(paragraphs.get(0)).text();
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    private String render(String template, Map<String, Object> params) {
        StringOutput out = new StringOutput(16 * 1024);
        engine.render(template, params, out);
        return out.toString();
    }
}
