package org.taar.site;

import java.util.List;
import org.taar.story.Tag;

/** The data each template receives; built by {@link Renderer}, read by src/main/jte. */
public final class Views {
    private Views() {}

    /**
     * What every page shares: the site's name, language, navigation and the page's own head.
     * {@code labels}: the site furniture in the site's language (the page's {@code lang} may be a story's own).
     */
    public record Frame(Labels labels, String siteName, String lang, List<NavLink> nav, String title, String description,
                        String canonical, String currentSection, Head head) {}

    /**
     * A page's own head, as data: layout.jte writes it with escaping on. {@code jsonLd} holds JSON
     * already serialized by {@link JsonLd} to stand inside a script element as it is.
     */
    public record Head(boolean noindex, List<Alternate> alternates, List<Meta> metas, List<String> jsonLd) {
        public static final Head NONE = new Head(false, List.of(), List.of(), List.of());
        /** Pages search engines should not keep: search results, notices. */
        public static final Head NOINDEX = new Head(true, List.of(), List.of(), List.of());
    }

    /** The same page in another language ({@code <link rel="alternate" hreflang>}). */
    public record Alternate(String lang, String href) {}

    /** A meta tag named by {@code property} (OpenGraph) or by {@code name} (Twitter); the other is null. */
    public record Meta(String property, String name, String content) {
        static Meta property(String property, String content) {
            return new Meta(property, null, content);
        }

        static Meta name(String name, String content) {
            return new Meta(null, name, content);
        }
    }

    public record NavLink(String href, String label, String slug) {}

    public record StoryCard(String href, String headline, String summary, String time, String timeIso,
                            String sectionName) {}

    public record Article(Frame frame, String sectionHref, String sectionName, String headline, String summary,
                          List<String> lead, List<String> more, String disclaimer, String created,
                          String createdIso, String updated, String updatedIso, List<Tag> tags,
                          String nextHref, String nextHeadline, String byline) {}

    public record SectionBlock(String href, String name, List<StoryCard> stories) {}

    /**
     * A listing page. {@code breaking} is the home page's breaking-news block (empty elsewhere);
     * {@code live} is what the new-stories banner counts: null for no banner, "" for every section,
     * else a section's slug.
     */
    public record Listing(Frame frame, String heading, List<StoryCard> stories, List<SectionBlock> blocks,
                          String prevHref, String nextHref, int page, List<StoryCard> breaking, String live) {
        public Listing(Frame frame, String heading, List<StoryCard> stories, List<SectionBlock> blocks,
                       String prevHref, String nextHref, int page) {
            this(frame, heading, stories, blocks, prevHref, nextHref, page, List.of(), null);
        }
    }

    public record Message(Frame frame, String heading, String text) {}

    /** A story suggested under an article. */
    public record RelatedLink(String href, String headline) {}

    /** One search result; headline and snippet are already-escaped HTML with {@code <mark>} around matches. */
    public record SearchHit(String href, String headlineHtml, String snippetHtml, String sectionName, String time,
                            String timeIso) {}

    public record Search(Frame frame, String q, String summary, List<SearchHit> hits, String prevHref,
                         String nextHref, String error) {}
}
