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
import org.taar.item.NewsItem;
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

    private static final ObjectMapper JSON = new ObjectMapper();
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);
    private final Config config;
    private final Config.Site site;
    private final DateTimeFormatter shown;
    private final List<Views.NavLink> nav;
    private final Labels labels;

    public Renderer(Config config) {
        this.config = config;
        this.site = config.site();
        this.labels = Labels.of(site.language());
        this.shown = DateTimeFormatter.ofPattern("d MMMM yyyy hh:mm a z", Locale.ENGLISH).withZone(site.zone());
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
        String head = hreflang(s, lang, canonical, editions) + openGraph(s, lang, canonical, description, created, updated, editions)
                + jsonLd(s, lang, canonical, sectionName, created, updated, corrected)
                + breadcrumbs(s, sectionName, canonical);
        Views.Frame frame = new Views.Frame(labels, site.name(), lang, nav, item.headline() + " | " + site.name(), description,
                canonical, s.section(), head);
        Views.Article view = new Views.Article(frame, "/" + s.section() + "/", sectionName, item.headline(),
                item.summary(), lead, more, disclaimer(s), shown.format(created), created.toString(),
                updated == null ? null : shown.format(updated), updated == null ? null : updated.toString(),
                s.tags(), next.map(Story::path).orElse(null), next.map(Story::headline).orElse(null), item.byline());
        Map<String, Object> params = new java.util.HashMap<>(Map.of("a", view, "related", related,
                "alsoReported", alsoReported,
                "alsoReportedHeading", labels.alsoReported()));
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
        List<Views.SectionBlock> blocks = new ArrayList<>();
        bySection.forEach((section, stories) -> {
            if (!stories.isEmpty()) {
                blocks.add(new Views.SectionBlock("/" + section.slug() + "/", section.name(), cards(stories)));
            }
        });
        Views.Frame frame = new Views.Frame(labels, site.name(), site.language(), nav, site.name(), site.name(),
                site.baseUrl() + "/", "", null);
        return render("listing.jte", Map.of("l", new Views.Listing(frame, labels.latest(), cards(latest), blocks, null, null, 1,
                cards(breaking), "")));
    }

    public String listing(String path, String heading, String currentSection, List<Story> stories, int page,
                          boolean hasMore) {
        String canonical = site.baseUrl() + path + (page > 1 ? "?page=" + page : "");
        String title = heading + (page > 1 ? " (" + labels.page() + " " + page + ")" : "") + " | " + site.name();
        Views.Frame frame = new Views.Frame(labels, site.name(), site.language(), nav, title, heading, canonical,
                currentSection, null);
        String prev = page > 2 ? path + "?page=" + (page - 1) : page == 2 ? path : null;
        String next = hasMore ? path + "?page=" + (page + 1) : null;
        // The new-stories banner belongs on a section's first page; tag pages and deeper pages go without.
        String live = page == 1 && site.section(currentSection).isPresent() ? currentSection : null;
        return render("listing.jte", Map.of("l", new Views.Listing(frame, heading, cards(stories), List.of(), prev, next, page,
                List.of(), live)));
    }

    public String message(String heading, String text) {
        Views.Frame frame = new Views.Frame(labels, site.name(), site.language(), nav, heading + " | " + site.name(), null,
                null, "", "<meta name=\"robots\" content=\"noindex\">");
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
                "<meta name=\"robots\" content=\"noindex\">");
        List<Views.SearchHit> hits = results.hits().stream().map(h -> new Views.SearchHit(h.path(), h.headlineHtml(),
                h.snippetHtml(), sectionName(h.section()), shown.format(h.published()), h.published().toString())).toList();
        String summary = q.isEmpty() || error != null ? null
                : results.total() == 0 ? labels.searchNothing().formatted(q)
                : (results.totalIsLowerBound() ? labels.searchAtLeast() : labels.searchFound())
                        .formatted(results.total(), results.page());
        String prev = results.page() > 1 ? pageHref.apply(results.page() - 1) : null;
        String next = results.hasMore() ? pageHref.apply(results.page() + 1) : null;
        return render("search.jte", Map.of("s", new Views.Search(frame, q, summary, hits, prev, next, error)));
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

    /** The page and its editions in other languages, each under its own language, absolute URLs. */
    private String hreflang(Story s, String lang, String canonical, List<Story> editions) {
        if (editions.isEmpty()) return "";
        StringBuilder b = new StringBuilder();
        alternate(b, lang, canonical);
        for (Story e : editions) alternate(b, language(e), site.baseUrl() + e.path());
        return b.toString();
    }

    private static void alternate(StringBuilder b, String lang, String href) {
        b.append("<link rel=\"alternate\" hreflang=\"").append(Entities.escape(lang)).append("\" href=\"")
                .append(Entities.escape(href)).append("\">\n");
    }

    private String language(Story s) {
        return s.item().language() != null ? s.item().language() : site.language();
    }

    /**
     * OpenGraph's locale is language_TERRITORY. A tag without a region gets IN for India's languages
     * (the site's readers); others stay the bare language, which readers of og:locale accept.
     */
    static String ogLocale(String lang) {
        Locale l = Locale.forLanguageTag(lang.replace('_', '-'));
        String language = l.getLanguage().isEmpty() ? lang : l.getLanguage();
        String region = l.getCountry();
        if (region.isEmpty() && INDIAN.contains(language)) region = "IN";
        return region.isEmpty() ? language : language + "_" + region;
    }

    private static final java.util.Set<String> INDIAN = java.util.Set.of("hi", "bn", "mr", "ta", "te", "gu", "kn", "ml",
            "pa", "or", "as", "ur", "ne", "sa", "sd", "ks", "kok", "mai", "sat", "doi", "mni", "brx");

    private String openGraph(Story s, String lang, String canonical, String description, Instant created,
                             Instant updated, List<Story> editions) {
        StringBuilder b = new StringBuilder();
        meta(b, "property", "og:type", "article");
        meta(b, "property", "og:site_name", site.name());
        meta(b, "property", "og:locale", ogLocale(lang));
        for (Story e : editions) meta(b, "property", "og:locale:alternate", ogLocale(language(e)));
        meta(b, "property", "og:title", s.headline());
        meta(b, "property", "og:url", canonical);
        if (description != null) meta(b, "property", "og:description", description);
        if (s.item().image() != null) meta(b, "property", "og:image", s.item().image());
        meta(b, "property", "article:published_time", created.toString());
        if (updated != null) meta(b, "property", "article:modified_time", updated.toString());
        meta(b, "property", "article:section", sectionName(s.section()));
        s.tags().forEach(t -> meta(b, "property", "article:tag", t.name()));
        meta(b, "name", "twitter:card", s.item().image() != null ? "summary_large_image" : "summary");
        return b.toString();
    }

    private static void meta(StringBuilder b, String attr, String key, String value) {
        b.append("<meta ").append(attr).append("=\"").append(key).append("\" content=\"")
                .append(Entities.escape(value)).append("\">\n");
    }

    private String jsonLd(Story s, String lang, String canonical, String sectionName, Instant created, Instant updated,
                          Instant corrected) {
        ObjectNode ld = JSON.createObjectNode();
        ld.put("@context", "https://schema.org");
        ld.put("@type", "NewsArticle");
        ld.put("headline", s.headline());
        ld.put("datePublished", created.toString());
        ld.put("dateModified", (updated != null ? updated : created).toString());
        ld.put("articleSection", sectionName);
        ld.put("keywords", String.join(", ", s.tags().stream().map(t -> t.name()).toList()));
        ld.put("inLanguage", lang);
        ld.putObject("mainEntityOfPage").put("@type", "WebPage").put("@id", canonical);
        ld.put("url", canonical);
        if (s.item().summary() != null) ld.put("description", s.item().summary());
        if (s.item().image() != null) ld.putArray("image").add(s.item().image());
        String agency = s.item().agency() != null ? s.item().agency() : s.source();
        ArrayNode author = ld.putArray("author");
        // A named reporter is the author; agency copy without a byline is the agency's.
        if (s.item().byline() != null) author.addObject().put("@type", "Person").put("name", s.item().byline());
        else author.addObject().put("@type", "Organization").put("name", agency);
        ObjectNode publisher = ld.putObject("publisher").put("@type", "Organization").put("name", site.name())
                .put("url", site.baseUrl() + "/");
        if (site.logo() != null) publisher.putObject("logo").put("@type", "ImageObject").put("url", site.logo());
        ld.put("isAccessibleForFree", true);
        if (corrected != null) {
            ld.putObject("correction").put("@type", "CorrectionComment")
                    .put("text", CorrectionNotice.text(site.language(), shown.format(corrected)))
                    .put("datePublished", corrected.toString());
        }
        return script(ld);
    }

    /** Home, section, article: the trail search engines show instead of the URL. */
    private String breadcrumbs(Story s, String sectionName, String canonical) {
        ObjectNode ld = JSON.createObjectNode();
        ld.put("@context", "https://schema.org");
        ld.put("@type", "BreadcrumbList");
        ArrayNode items = ld.putArray("itemListElement");
        crumb(items, 1, site.name(), site.baseUrl() + "/");
        crumb(items, 2, sectionName, site.baseUrl() + "/" + s.section() + "/");
        crumb(items, 3, s.headline(), canonical);
        return script(ld);
    }

    private static void crumb(ArrayNode items, int position, String name, String url) {
        items.addObject().put("@type", "ListItem").put("position", position).put("name", name).put("item", url);
    }

    /**
     * JSON-LD as a script element. Agency text can hold anything, so {@code <}, {@code >} and
     * {@code &} become JSON escapes (a "</script>" or "<!--" in a headline cannot end or confuse
     * the element), and so do U+2028 and U+2029, which older JavaScript parsers read as line ends.
     * JSON has these characters only inside strings, where the escapes mean the same.
     */
    static String script(ObjectNode ld) {
        String json = ld.toString();
        StringBuilder b = new StringBuilder(json.length() + 64).append("<script type=\"application/ld+json\">");
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> b.append("\\u003c");
                case '>' -> b.append("\\u003e");
                case '&' -> b.append("\\u0026");
                case '\u2028' -> b.append("\\u2028");
                case '\u2029' -> b.append("\\u2029");
                default -> b.append(c);
            }
        }
        return b.append("</script>\n").toString();
    }

    private String render(String template, Map<String, Object> params) {
        StringOutput out = new StringOutput(16 * 1024);
        engine.render(template, params, out);
        return out.toString();
    }
}
