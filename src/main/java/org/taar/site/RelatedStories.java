package org.taar.site;

import java.util.List;
import org.taar.search.IndexedStory;
import org.taar.search.Indexer;
import org.taar.search.SearchIndex;
import org.taar.story.Story;

/**
 * Related stories for an article from the search index (more-like-this on headline and text).
 * The headlines come as stored, plain text: article.jte escapes them, once.
 */
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
        return index.similar(s.id(), doc.headline(), doc.text(), n).stream()
                .map(h -> new Views.RelatedLink(h.path(), h.headline(), h.language())).toList();
    }
}
