package org.taar.site;

import java.util.List;
import org.taar.story.Tag;
import org.taar.text.TextDirection;

/** The data each template receives; built by {@link Renderer}, read by src/main/jte. */
public final class Views {
    private Views() {}

    /**
     * What every page shares: the site's name, language, navigation and the page's own head.
     * {@code lang} is the site's, that of the furniture (navigation, labels, dates), written in
     * {@code labels}; a story's own text carries its language and direction itself ({@link Lang}).
     */
    public record Frame(Labels labels, String siteName, String lang, List<NavLink> nav, String title, String description,
                        String canonical, String currentSection, Head head) {
        /** {@code rtl} on a site whose own language runs right to left; null (the default, ltr) otherwise. */
        public String dir() {
            return TextDirection.rightToLeft(lang) ? "rtl" : null;
        }
    }

    /**
     * {@code lang} and {@code dir} for an element holding a story's own text (headline, summary,
     * body), each null where the page already says it, so a Hindi story on a Hindi site adds nothing
     * and an Urdu one gets {@code lang="ur" dir="rtl"} while the furniture around it stays as it is.
     * Text whose language is unknown gets {@code dir="auto"}: the normalizer names Devanagari and Latin
     * text, so what is left unnamed is another script, and its first strong letter is the best guess.
     */
    public record Lang(String lang, String dir) {
        public static final Lang SAME = new Lang(null, null);
        static final Lang UNKNOWN = new Lang(null, "auto");

        /** For text in {@code language} (null or no language: unknown) on a page in {@code pageLanguage}. */
        public static Lang of(String language, String pageLanguage) {
            String tag = TextDirection.wellFormed(language);
            if (tag == null) return UNKNOWN;
            String page = TextDirection.wellFormed(pageLanguage);
            boolean rtl = TextDirection.rightToLeft(tag);
            return new Lang(tag.equalsIgnoreCase(page) ? null : tag,
                    rtl == TextDirection.rightToLeft(page) ? null : rtl ? "rtl" : "ltr");
        }
    }

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

    /**
     * A story in a listing; {@code text}: the language and direction of its headline and summary;
     * {@code picture}: its lead picture (null for none); {@code lead}: the home page's lead story,
     * shown large above the others.
     */
    public record StoryCard(String href, String headline, String summary, String time, String timeIso,
                            String sectionName, Lang text, Thumb picture, boolean lead) {
        public StoryCard(String href, String headline, String summary, String time, String timeIso,
                         String sectionName, Lang text) {
            this(href, headline, summary, time, timeIso, sectionName, text, null, false);
        }
    }

    /**
     * A listing card's picture: {@code src} the JPEG, {@code srcset} the JPEG widths (null for src
     * alone), {@code webpSrcset} the same in WebP (null when none was made), width and height those
     * of src (so the page keeps its place before the picture loads).
     */
    public record Thumb(String src, String srcset, String webpSrcset, String sizes, int width, int height) {}

    /** A source of a video or audio element. */
    public record MediaSource(String src, String type) {}

    /**
     * A picture, video or audio on an article page (figure.jte writes it). For a picture: {@code src}
     * the JPEG fallback, {@code srcset} and {@code webpSrcset} the widths made in JPEG and WebP (the
     * latter null when none was), width and height those of src. {@code altFrom}: null when the
     * agency wrote the alt, "caption" when the caption stands in for it, "none" when there is no
     * text at all (empty alt, the credit shown). {@code lead}: the article's lead picture, loaded
     * first; the others load lazily. For video and audio: {@code sources} and a video's {@code poster}.
     */
    public record Figure(String kind, String src, String srcset, String webpSrcset, String sizes, Integer width,
                         Integer height, String alt, String altFrom, String caption, String credit, boolean lead,
                         String poster, List<MediaSource> sources) {
        public boolean picture() {
            return kind.equals("picture");
        }

        public boolean video() {
            return kind.equals("video");
        }
    }

    public record Article(Frame frame, String sectionHref, String sectionName, String headline, String summary,
                          List<String> lead, List<String> more, String disclaimer, String created,
                          String createdIso, String updated, String updatedIso, List<Tag> tags,
                          String nextHref, String nextHeadline, String byline, Lang text, Lang nextText) {}

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

    /**
     * A story suggested under an article: its {@code language} as the search index holds it, and
     * {@code text}, the attributes the renderer derives from it for the page it goes on.
     */
    public record RelatedLink(String href, String headline, String language, Lang text) {
        public RelatedLink(String href, String headline, String language) {
            this(href, headline, language, Lang.SAME);
        }

        public RelatedLink(String href, String headline) {
            this(href, headline, null);
        }

        RelatedLink on(String pageLanguage) {
            return new RelatedLink(href, headline, language, Lang.of(language, pageLanguage));
        }
    }

    /** One search result; headline and snippet are already-escaped HTML with {@code <mark>} around matches. */
    public record SearchHit(String href, String headlineHtml, String snippetHtml, String sectionName, String time,
                            String timeIso, Lang text) {}

    public record Search(Frame frame, String q, String summary, List<SearchHit> hits, String prevHref,
                         String nextHref, String error) {}
}
