package org.taar.normalize;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import org.taar.item.NewsItem;
import org.taar.text.Agencies;
import org.taar.text.DatelineParser;
import org.taar.text.HtmlSanitizer;
import org.taar.text.UnicodeCleaner;
import org.taar.text.legacy.LegacyFontDetector;

/**
 * The normalize stage: a parsed item through a fixed chain of small filters, each doing one thing. The chain is
 * built here and only here, in the order the steps depend on each other, as a Lucene analyzer builds its tokens'.
 */
public final class Normalizer {
    private final List<ItemFilter> filters;

    /**
     * @param siteZone the zone a dateline's day is read in
     * @param clock supplies the year of a dateline when the item carries no time at all
     */
    public Normalizer(UnicodeCleaner cleaner, LegacyFontDetector legacyFonts, HtmlSanitizer sanitizer,
            Agencies agencies, DatelineParser datelines, ZoneId siteZone, Clock clock) {
        this.filters = List.of(
                // Text first: every later filter compares letters, so they must be NFC without invisible characters.
                new CleanupFilter(cleaner),
                // Before sanitizing, while the body still holds every text node the agency typed.
                new LegacyFontFilter(legacyFonts),
                // The one sanitizer, once; the filters after it only read the body, never write it.
                new SanitizeFilter(sanitizer),
                // The item's own agency name as a code, before the dateline may fill an empty one (already a code).
                new AgencyFilter(agencies),
                new DatelineFilter(datelines, sanitizer, siteZone, clock),
                // An item without a headline gets one from its summary, body, link or picture, before
                // the filters that read the headline; the pipeline holds one that still has none.
                new HeadlineFilter(),
                // Before language: the headline it reads is the one without "CORRECTED:".
                new CorrectionFilter(),
                new LanguageFilter(),
                // Last: an advisory is recognized in the cleaned, converted text, with its language known.
                new KillSignalFilter());
    }

    /** A normalized copy of the item: cleaned, converted, sanitized, with dateline facts and language filled in, an
     * advisory marked as the kill it is. */
    public NewsItem normalize(NewsItem item) {
        NewsItem out = item;
        for (ItemFilter f : filters) out = f.apply(out);
        return out;
    }

    /** The filters in the order they run. */
    public List<ItemFilter> filters() {
        return filters;
    }
}
