package org.taar.site;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.taar.store.StoryReads;
import org.taar.story.Story;

/**
 * Adds related stories to articles that went out without them. An article is published at once
 * without its related stories (a more-like-this query is the slow part of an article); this
 * re-renders it with them moments later, on the publisher's related thread: first the articles
 * just published, then a few of those rendered at start, so a large site's backlog never holds
 * fresh articles up. Called from one thread at a time.
 */
public final class RelatedBackfill {
    /** How many articles rendered at start or on a request get their related stories in one pass. */
    static final int BACKLOG_PER_PASS = 32;
    /** Articles rendered on requests that wait at most; beyond, one keeps its page without related stories. */
    static final int REQUESTED_MAX = 20_000;

    private final StoryReads stories;
    private final ArticlePages articles;
    /** Articles rendered at start, still without their related stories. */
    private final Deque<Long> backlog = new ArrayDeque<>();
    /** Articles rendered on a request the cache missed, without related stories: ahead of the start's. */
    private final Queue<Long> requested = new ConcurrentLinkedQueue<>();
    private final AtomicInteger requestedCount = new AtomicInteger();

    public RelatedBackfill(StoryReads stories, ArticlePages articles) {
        this.stories = stories;
        this.articles = articles;
    }

    /** Articles rendered without related stories at start: they get them a few per pass. */
    void later(Collection<Long> ids) {
        backlog.addAll(ids);
    }

    /**
     * An article just rendered for a request without its related stories (a more-like-this search
     * is 20 ms of CPU on a million stories: a crawler or a burst's first readers must not pay it on
     * their request): a later pass adds them. From any thread, without waiting.
     */
    void soon(long id) {
        if (requestedCount.incrementAndGet() <= REQUESTED_MAX) requested.add(id);
        else requestedCount.decrementAndGet();
    }

    /** How many articles from start still wait for their related stories. */
    int waiting() {
        return backlog.size();
    }

    /** One pass: the given articles (just published), then up to {@link #BACKLOG_PER_PASS} rendered on requests or at start. */
    void pass(Set<Long> fresh) {
        add(fresh);
        Set<Long> next = new LinkedHashSet<>();
        for (Long id; next.size() < BACKLOG_PER_PASS && (id = requested.poll()) != null; ) {
            requestedCount.decrementAndGet();
            next.add(id);
        }
        while (next.size() < BACKLOG_PER_PASS && !backlog.isEmpty()) next.add(backlog.poll());
        add(next);
    }

    /**
     * The slow query runs outside the articles' batch lock; the page is replaced only if the story
     * did not change meanwhile, so a newer version rendered by the articles thread is never
     * overwritten by an older one.
     */
    private void add(Set<Long> ids) {
        for (long id : ids) {
            Optional<Story> before = stories.byId(id);
            if (before.isEmpty() || !before.get().isPublished()) continue;
            List<Views.RelatedLink> links = articles.relatedTo(before.get());
            articles.exclusively(() -> {
                stories.byId(id)
                        .filter(now -> now.isPublished() && now.version() == before.get().version()
                                && Objects.equals(now.updatedAt(), before.get().updatedAt()))
                        .ifPresent(now -> articles.render(now, links));
                return null;
            });
        }
    }
}
