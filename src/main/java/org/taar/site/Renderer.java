package org.taar.site;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.taar.format.NewsItem;
import org.taar.story.Story;

/**
 * Turns stories into HTML with the precompiled JTE templates. Rendering happens when a story
 * changes, never on a reader's request.
 */
public final class Renderer {
    /** Bodies longer than this many paragraphs get a read-more control after the lead. */
    static final int LEAD_PARAGRAPHS = 3;
    static final int LONG_BODY = 5;

    private static final ObjectMapper JSON = new ObjectMapper();
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);
    private final Config config;
    private final Config.Site site;
    private final DateTimeFormatter shown;
    private final List<Views.NavLink> nav;

    public Renderer(Config config) {
        this.config = config;
        this.site = config.site();
        this.shown = DateTimeFormatter.ofPattern("d MMMM yyyy hh:mm a z", Locale.ENGLISH).withZone(site.zone());
        this.nav = site.sections().stream().map(s -> new Views.NavLink("/" + s.slug() + "/", s.name(), s.slug())).toList();
    }

    public String article(Story s, Optional<Story> next) {
        return article(s, next, List.of());
    }

    public String article(Story s, Optional<Story> next, List<Views.RelatedLink> related) {
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
        String head = openGraph(s, canonical, description, created, updated) + jsonLd(s, canonical, sectionName, created, updated);
        Views.Frame frame = new Views.Frame(site.name(), lang, nav, item.headline() + " | " + site.name(), description,
                canonical, s.section(), head);
        Views.Article view = new Views.Article(frame, "/" + s.section() + "/", sectionName, item.headline(),
                item.summary(), lead, more, disclaimer(s), shown.format(created), created.toString(),
                updated == null ? null : shown.format(updated), updated == null ? null : updated.toString(),
                s.tags(), next.map(Story::path).orElse(null), next.map(Story::headline).orElse(null), item.byline());
        return render("article.jte", Map.of("a", view, "related", related));
    }

    public String home(List<Story> latest, Map<Config.Section, List<Story>> bySection) {
        return home(latest, List.of(), bySection);
    }

    /** The home page: the breaking block (urgent stories of the last hours) on top, then the latest and each section. */
    public String home(List<Story> latest, List<Story> breaking, Map<Config.Section, List<Story>> bySection) {
        List<Views.SectionBlock> blocks = new ArrayList<>();
        bySection.forEach((section, stories) -> {
            if (!stories.isEmpty()) {
                blocks.add(new Views.SectionBlock("/" + section.slug() + "/", section.name(), cards(stories)));
            }
        });
        Views.Frame frame = new Views.Frame(site.name(), site.language(), nav, site.name(), site.name(),
                site.baseUrl() + "/", "", null);
        return render("listing.jte", Map.of("l", new Views.Listing(frame, "ताज़ा ख़बरें", cards(latest), blocks, null, null, 1,
                cards(breaking), "")));
    }

    public String listing(String path, String heading, String currentSection, List<Story> stories, int page,
                          boolean hasMore) {
        String canonical = site.baseUrl() + path + (page > 1 ? "?page=" + page : "");
        String title = heading + (page > 1 ? " (पृष्ठ " + page + ")" : "") + " | " + site.name();
        Views.Frame frame = new Views.Frame(site.name(), site.language(), nav, title, heading, canonical,
                currentSection, null);
        String prev = page > 2 ? path + "?page=" + (page - 1) : page == 2 ? path : null;
        String next = hasMore ? path + "?page=" + (page + 1) : null;
        // The new-stories banner belongs on a section's first page; tag pages and deeper pages go without.
        String live = page == 1 && site.section(currentSection).isPresent() ? currentSection : null;
        return render("listing.jte", Map.of("l", new Views.Listing(frame, heading, cards(stories), List.of(), prev, next, page,
                List.of(), live)));
    }

    public String message(String heading, String text) {
        Views.Frame frame = new Views.Frame(site.name(), site.language(), nav, heading + " | " + site.name(), null,
                null, "", "<meta name=\"robots\" content=\"noindex\">");
        return render("message.jte", Map.of("m", new Views.Message(frame, heading, text)));
    }

    /**
     * The search page for query {@code q}: results, or an error message (status decided by the caller).
     * {@code pageHref} gives the link of another page of the same search.
     */
    public String search(String q, org.taar.search.SearchResults results, String error,
                         java.util.function.IntFunction<String> pageHref) {
        String title = (q.isEmpty() ? "खोज" : "खोज: " + q) + " | " + site.name();
        Views.Frame frame = new Views.Frame(site.name(), site.language(), nav, title, null, null, "",
                "<meta name=\"robots\" content=\"noindex\">");
        List<Views.SearchHit> hits = results.hits().stream().map(h -> new Views.SearchHit(h.path(), h.headlineHtml(),
                h.snippetHtml(), sectionName(h.section()), shown.format(h.published()), h.published().toString())).toList();
        String summary = q.isEmpty() || error != null ? null
                : results.total() == 0 ? "“" + q + "” से कोई ख़बर नहीं मिली।"
                : (results.totalIsLowerBound() ? "कम से कम " : "") + results.total() + " ख़बरें मिलीं (पृष्ठ "
                        + results.page() + ")";
        String prev = results.page() > 1 ? pageHref.apply(results.page() - 1) : null;
        String next = results.hasMore() ? pageHref.apply(results.page() + 1) : null;
        return render("search.jte", Map.of("s", new Views.Search(frame, q, summary, hits, prev, next, error)));
    }

    public String sectionName(String slug) {
        return site.section(slug).map(Config.Section::name).orElse(slug);
    }

    String disclaimer(Story s) {
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

    private List<Views.StoryCard> cards(List<Story> stories) {
        return stories.stream().map(s -> {
            Instant t = s.publishedAt() != null ? s.publishedAt() : s.createdAt();
            return new Views.StoryCard(s.path(), s.headline(), s.item().summary(), shown.format(t), t.toString(),
                    sectionName(s.section()));
        }).toList();
    }

    /** The body's top-level blocks, each as its own HTML string (already sanitized upstream). */
    static List<String> paragraphs(String bodyHtml) {
        if (bodyHtml == null || bodyHtml.isBlank()) return List.of();
        var doc = Jsoup.parseBodyFragment(bodyHtml);
        doc.outputSettings().prettyPrint(false).escapeMode(Entities.EscapeMode.base).charset("UTF-8");
        List<String> out = new ArrayList<>();
        for (Element e : doc.body().children()) out.add(e.outerHtml());
        return out;
    }

    private static String firstText(List<String> paragraphs) {
        if (paragraphs.isEmpty()) return null;
        String text = Jsoup.parseBodyFragment(paragraphs.get(0)).text();
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    private String openGraph(Story s, String canonical, String description, Instant created, Instant updated) {
        StringBuilder b = new StringBuilder();
        meta(b, "property", "og:type", "article");
        meta(b, "property", "og:site_name", site.name());
        meta(b, "property", "og:title", s.headline());
        meta(b, "property", "og:url", canonical);
        if (description != null) meta(b, "property", "og:description", description);
        meta(b, "property", "article:published_time", created.toString());
        if (updated != null) meta(b, "property", "article:modified_time", updated.toString());
        meta(b, "property", "article:section", sectionName(s.section()));
        s.tags().forEach(t -> meta(b, "property", "article:tag", t.name()));
        meta(b, "name", "twitter:card", "summary");
        return b.toString();
    }

    private static void meta(StringBuilder b, String attr, String key, String value) {
        b.append("<meta ").append(attr).append("=\"").append(key).append("\" content=\"")
                .append(Entities.escape(value)).append("\">\n");
    }

    private String jsonLd(Story s, String canonical, String sectionName, Instant created, Instant updated) {
        ObjectNode ld = JSON.createObjectNode();
        ld.put("@context", "https://schema.org");
        ld.put("@type", "NewsArticle");
        ld.put("headline", s.headline());
        ld.put("datePublished", created.toString());
        ld.put("dateModified", (updated != null ? updated : created).toString());
        ld.put("articleSection", sectionName);
        ld.put("keywords", String.join(", ", s.tags().stream().map(t -> t.name()).toList()));
        ld.put("inLanguage", s.item().language() != null ? s.item().language() : site.language());
        ld.put("mainEntityOfPage", canonical);
        ld.put("url", canonical);
        if (s.item().summary() != null) ld.put("description", s.item().summary());
        String agency = s.item().agency() != null ? s.item().agency() : s.source();
        ArrayNode author = ld.putArray("author");
        author.addObject().put("@type", "Organization").put("name", agency);
        ld.putObject("publisher").put("@type", "Organization").put("name", site.name());
        ld.put("isAccessibleForFree", true);
        // "</" inside a script element would end it early; JSON allows the escaped slash.
        String json = ld.toString().replace("</", "<\\/");
        return "<script type=\"application/ld+json\">" + json + "</script>\n";
    }

    private String render(String template, Map<String, Object> params) {
        StringOutput out = new StringOutput(16 * 1024);
        engine.render(template, params, out);
        return out.toString();
    }
}
