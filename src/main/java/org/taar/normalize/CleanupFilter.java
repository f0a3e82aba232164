package org.taar.normalize;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import org.taar.item.NewsItem;
import org.taar.text.UnicodeCleaner;

/**
 * Brings every text field (and the body's bytes) to NFC without invisible characters, since wire copy picks them
 * up on its way and every later step compares text; tags left empty go, repeated tags are kept once.
 */
public final class CleanupFilter implements ItemFilter {
    private final UnicodeCleaner cleaner;

    public CleanupFilter(UnicodeCleaner cleaner) {
        this.cleaner = cleaner;
    }

    @Override
    public NewsItem apply(NewsItem item) {
        NewsItem.Builder b = item.toBuilder();
        Tally tally = new Tally();
        b.headline = tally.clean(item.headline());
        b.subheadline = tally.clean(item.subheadline());
        b.summary = tally.clean(item.summary());
        b.byline = tally.clean(item.byline());
        b.located = tally.clean(item.located());
        b.slugline = tally.clean(item.slugline());
        b.ednote = tally.clean(item.ednote());
        b.agency = tally.clean(item.agency());
        Set<String> tags = new LinkedHashSet<>();
        for (String tag : item.tags()) {
            String t = tally.clean(tag);
            if (t != null && !t.isEmpty()) tags.add(t);
        }
        b.tags = new ArrayList<>(tags);
        b.bodyHtml = tally.clean(item.bodyHtml());
        tally.report(b);
        return b.build();
    }

    /** Adds up what cleaning removed across all fields, so the item gets one warning per kind, not one per field. */
    private final class Tally {
        private int controls;
        private int replacements;

        String clean(String s) {
            if (s == null) return null;
            UnicodeCleaner.Result r = cleaner.cleanCounting(s);
            controls += r.controls();
            replacements += r.replacements();
            return r.text();
        }

        void report(NewsItem.Builder b) {
            if (controls > 0) b.warn("removed " + controls + " control character" + (controls == 1 ? "" : "s"));
            if (replacements > 0) {
                b.warn("text has " + replacements + " replacement character" + (replacements == 1 ? "" : "s")
                        + " (U+FFFD); the source was probably decoded with the wrong charset");
            }
        }
    }
}
