package org.taar.normalize;

import org.taar.item.NewsItem;

/** One step of the normalize chain: takes an item and gives back a copy with one concern seen to. */
@FunctionalInterface
public interface ItemFilter {

    /** The item with this filter's change applied; the item itself is never modified (records are immutable). */
    NewsItem apply(NewsItem item);
}
