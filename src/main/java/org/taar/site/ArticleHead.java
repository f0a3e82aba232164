package org.taar.site;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.taar.config.Config;
import org.taar.store.MediaReads.Served;
import org.taar.store.MediaReads.Shown;
import org.taar.story.Story;

/**
 * What an article page tells search engines and aggregators in its head: hreflang alternates
 * between a story's language editions, OpenGraph and Twitter tags, and JSON-LD (NewsArticle and
 * BreadcrumbList). It gives data only; layout.jte writes it with escaping on, and the JSON-LD as
 * {@link JsonLd} serialized it.
 */
final class ArticleHead {
    /** Languages of India: a tag without a region gets IN in og:locale (the site's readers). */
    private static final Set<String> INDIAN = Set.of("hi", "bn", "mr", "ta", "te", "gu", "kn", "ml",
            "pa", "or", "as", "ur", "ne", "sa", "sd", "ks", "kok", "mai", "sat", "doi", "mni", "brx");

    private final Config.Site site;
    private final DateTimeFormatter shown;

    /** @param shown how the site shows times to readers (for the correction's text) */
    ArticleHead(Config.Site site, DateTimeFormatter shown) {
        this.site = site;
        this.shown = shown;
    }

    /**
     * What the head of the story's page carries; the story is in {@code lang}, its editions each in
     * their own; {@code picture} is its lead picture as made ready here (null for none: then no
     * image is named at all, never the agency's own address).
     */
    Views.Head of(Story s, String lang, String canonical, String sectionName, String description, Instant created,
                  Instant updated, Instant corrected, List<Story> editions, Shown picture) {
        return new Views.Head(false, alternates(lang, canonical, editions),
                openGraph(s, lang, canonical, sectionName, description, created, updated, editions, picture),
                List.of(JsonLd.write(article(s, lang, canonical, sectionName, created, updated, corrected, picture)),
                        JsonLd.write(breadcrumbs(s, sectionName, canonical))));
    }

    /** The page and its editions in other languages, each under its own language, absolute URLs. */
    private List<Views.Alternate> alternates(String lang, String canonical, List<Story> editions) {
        if (editions.isEmpty()) return List.of();
        List<Views.Alternate> out = new ArrayList<>();
        out.add(new Views.Alternate(lang, canonical));
        for (Story e : editions) out.add(new Views.Alternate(language(e), site.baseUrl() + e.path()));
        return out;
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

    private List<Views.Meta> openGraph(Story s, String lang, String canonical, String sectionName, String description,
                                       Instant created, Instant updated, List<Story> editions, Shown picture) {
        List<Views.Meta> m = new ArrayList<>();
        m.add(Views.Meta.property("og:type", "article"));
        m.add(Views.Meta.property("og:site_name", site.name()));
        m.add(Views.Meta.property("og:locale", ogLocale(lang)));
        for (Story e : editions) m.add(Views.Meta.property("og:locale:alternate", ogLocale(language(e))));
        m.add(Views.Meta.property("og:title", s.headline()));
        m.add(Views.Meta.property("og:url", canonical));
        if (description != null) m.add(Views.Meta.property("og:description", description));
        Served image = picture == null ? null : MediaViews.og(picture).orElse(null);
        if (image != null) {
            m.add(Views.Meta.property("og:image", absolute(image)));
            m.add(Views.Meta.property("og:image:type", image.contentType()));
            if (image.width() != null) m.add(Views.Meta.property("og:image:width", image.width().toString()));
            if (image.height() != null) m.add(Views.Meta.property("og:image:height", image.height().toString()));
            String alt = MediaViews.description(picture);
            if (alt != null) m.add(Views.Meta.property("og:image:alt", alt));
        }
        m.add(Views.Meta.property("article:published_time", created.toString()));
        if (updated != null) m.add(Views.Meta.property("article:modified_time", updated.toString()));
        m.add(Views.Meta.property("article:section", sectionName));
        s.tags().forEach(t -> m.add(Views.Meta.property("article:tag", t.name())));
        m.add(Views.Meta.name("twitter:card", image != null ? "summary_large_image" : "summary"));
        if (image != null) m.add(Views.Meta.name("twitter:image", absolute(image)));
        return m;
    }

    private ObjectNode article(Story s, String lang, String canonical, String sectionName, Instant created,
                               Instant updated, Instant corrected, Shown picture) {
        ObjectNode ld = JsonLd.object();
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
        if (picture != null) {
            // Google asks for 16x9, 4x3 and 1x1; when no crop was made, the og picture stands in.
            List<Served> crops = MediaViews.crops(picture);
            List<Served> images = crops.isEmpty() ? MediaViews.og(picture).map(List::of).orElse(List.of()) : crops;
            if (!images.isEmpty()) {
                ArrayNode array = ld.putArray("image");
                images.forEach(i -> array.add(absolute(i)));
            }
        }
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
        return ld;
    }

    /** Home, section, article: the trail search engines show instead of the URL. */
    private ObjectNode breadcrumbs(Story s, String sectionName, String canonical) {
        ObjectNode ld = JsonLd.object();
        ld.put("@context", "https://schema.org");
        ld.put("@type", "BreadcrumbList");
        ArrayNode items = ld.putArray("itemListElement");
        crumb(items, 1, site.name(), site.baseUrl() + "/");
        crumb(items, 2, sectionName, site.baseUrl() + "/" + s.section() + "/");
        crumb(items, 3, s.headline(), canonical);
        return ld;
    }

    private static void crumb(ArrayNode items, int position, String name, String url) {
        items.addObject().put("@type", "ListItem").put("position", position).put("name", name).put("item", url);
    }

    private String absolute(Served r) {
        return Feeds.base(site) + MediaViews.path(r);
    }
}
