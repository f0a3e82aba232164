package org.taar.normalize;

import org.taar.item.NewsItem;
import org.taar.text.Agencies;

/** Turns the agency's name as the item writes it ("Press Trust of India") into its code (PTI), so that one agency has one name on the site. */
public final class AgencyFilter implements ItemFilter {
    private final Agencies agencies;

    public AgencyFilter(Agencies agencies) {
        this.agencies = agencies;
    }

    @Override
    public NewsItem apply(NewsItem item) {
        if (item.agency() == null || item.agency().isEmpty()) return item;
        NewsItem.Builder b = item.toBuilder();
        b.agency = agencies.code(item.agency()).orElse(item.agency());
        return b.build();
    }
}
