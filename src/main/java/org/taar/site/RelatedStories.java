package org.taar.site;

import java.util.List;
import org.jsoup.Jsoup;
import org.taar.site.Related;
import org.taar.site.Views;
import org.taar.story.Story;
import org.taar.search.IndexedStory;
import org.taar.search.Indexer;
import org.taar.search.SearchIndex;

/** Related stories for an article from the search index (more-like-this on headline and text). */
public final class RelatedStories implements Related {
    private final SearchIndex index;
    private final int n;

    public RelatedStories(SearchIndex index, int n) {
        this.index = index;
        this.n = n;
    }

    @Override
    public List<Views.RelatedLink> of(Story s) {
        if (!s.isPublished()) return List.of();
        IndexedStory doc = Indexer.toIndexed(s);
        // Headlines come back escaped for HTML; the template escapes again, so unescape here.
        return index.like(s.id(), doc.headline(), doc.text(), n).stream()
                .map(h -> new Views.RelatedLink(h.path(), Jsoup.parse(h.headlineHtml()).text())).toList();
    }
}
