package org.taar.site;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.MDC;
import org.taar.config.Config;
import org.taar.store.FingerprintStore;
import org.taar.store.MediaReads;
import org.taar.store.StoryHistory;
import org.taar.store.Listings;
import org.taar.store.StoryReads;
import org.taar.story.LanguageEditions;
import org.taar.story.Story;
import org.taar.story.Tag;

/**
 * A story's article page as it stands: 200 for a published story, the shared 410 notice for a
 * killed one, nothing for one readers must not see (held, embargoed). Renders it into the page
 * cache for the publisher, or for a request the cache missed ({@link OnDemand}).
 */
public final class ArticlePages {
    private final StoryReads stories;
    private final Listings lists;
    private final MediaReads media;
    private final FingerprintStore fingerprints;
    private final Renderer renderer;
    private final PageCache cache;
    private final Config.Site site;
    /** Every killed story answers with the same notice; its pinned 410 pages share these bytes. */
    private final Page gone;
    /** Held by each batch of article renders, so that two batches never interleave their writes. */
    private final Object batch = new Object();
    private volatile Related related = Related.NONE;
    private volatile java.util.function.LongConsumer relatedLater = id -> {};

    public ArticlePages(StoryReads stories, Listings lists, Renderer renderer, PageCache cache, Config.Site site) {
        this(stories, lists, new MediaReads(stories.store()), renderer, cache, site);
    }

    public ArticlePages(StoryReads stories, Listings lists, MediaReads media, Renderer renderer, PageCache cache,
                        Config.Site site) {
        this.stories = stories;
        this.lists = lists;
        this.media = media;
        this.fingerprints = new FingerprintStore(stories.store());
        this.renderer = renderer;
        this.cache = cache;
        this.site = site;
        this.gone = Page.html(410, renderer.message(renderer.labels().goneTitle(), renderer.labels().goneText()));
    }

    /** Where article pages get their related stories from (none unless set). */
    void related(Related related) {
        this.related = related;
    }

    /** The stories to suggest under {@code s}: a more-like-this query, the slow part of an article. */
    List<Views.RelatedLink> relatedTo(Story s) {
        return s.isPublished() ? related.of(s) : List.of();
    }

    /**
     * Runs {@code work} while no other batch of article renders runs: a batch of events, or the
     * replacement of one page by its version with related stories.
     */
    <T> T exclusively(Supplier<T> work) {
        synchronized (batch) {
            return work.get();
        }
    }

    /**
     * The page of {@code s}, or null when readers must not see it, for a request the cache missed:
     * without related stories, which {@code relatedLater} is told to add (RelatedBackfill#soon).
     */
    public Page page(Story s) {
        if (s.isPublished()) relatedLater.accept(s.id());
        return page(s, List.of());
    }

    /** Who adds related stories to an article rendered for a request (nobody unless set). */
    void relatedLater(java.util.function.LongConsumer later) {
        this.relatedLater = later;
    }

    /** Puts the page of {@code s} into the cache, or takes it out when readers must not see the story. */
    void render(Story s, List<Views.RelatedLink> links) {
        // Whatever is logged while the page is rendered names its story.
        try (MDC.MDCCloseable uri = MDC.putCloseable("uri", s.uri())) {
            Page page = page(s, links);
            if (page == null) cache.remove(s.path());
            else cache.putArticle(s.path(), page);
        }
    }

    /** Pins the 410 notice at a killed story's address. */
    void pinGone(long id, String path) {
        cache.putArticle(path, gone.withSurrogateKeys("story-" + id));
    }

    /** The short notice a killed story's address answers with (and a withdrawn picture's). */
    public Page gone() {
        return gone;
    }

    private Page page(Story s, List<Views.RelatedLink> links) {
        return switch (s.status()) {
            case PUBLISHED -> Page.html(200, renderer.article(s, lists.next(s), links, editions(s),
                            StoryHistory.correctedAt(stories.store(), s.id()).orElse(null), alsoReported(s),
                            media.shown(s.id())))
                    .withSurrogateKeys(keys(s));
            case KILLED -> gone.withSurrogateKeys("story-" + s.id());
            default -> null;
        };
    }

    /** The same story in other languages, published (see {@link LanguageEditions} for the rule). */
    List<Story> editions(Story s) {
        String lang = language(s);
        return lists.publishedWithUris(LanguageEditions.candidateUris(s.uri(), lang)).stream()
                .filter(o -> LanguageEditions.sameStory(s, lang, o, language(o))).toList();
    }

    private String language(Story s) {
        return s.item().language() != null ? s.item().language() : site.language();
    }

    /**
     * Who else sent this story (org.taar.dedupe): the agency of each duplicate linked to it, or its
     * source when the agency is the story's own (a relay of the same copy), first received first.
     */
    private List<String> alsoReported(Story s) {
        String own = s.item().agency();
        Set<String> names = new LinkedHashSet<>();
        for (var d : fingerprints.duplicatesOf(s.id())) {
            names.add(d.agency() != null && !d.agency().equals(own) ? d.agency() : d.source());
        }
        names.remove(own);
        return List.copyOf(names);
    }

    /** An article's Surrogate-Key: the story, its section and each of its tags. */
    public static String keys(Story s) {
        StringBuilder keys = new StringBuilder("story-").append(s.id()).append(" section-").append(s.section());
        for (Tag t : s.tags()) keys.append(" tag-").append(t.slug());
        return keys.toString();
    }
}
