package org.taar.text;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.TextNode;
import org.taar.item.NewsItem;
import org.taar.text.legacy.LegacyFont;
import org.taar.text.legacy.LegacyFontDetector;

/**
 * The normalize stage in one place: Unicode cleanup of every text field, body sanitizing, then what the
 * dateline and the letters tell us (place, agency, date, language) where the item does not say it itself.
 */
public final class Normalizer {

    // A dateline date this far after the item's own time belongs to the previous year (31 December read on 1 January).
    private static final Duration FUTURE_TOLERANCE = Duration.ofDays(30);

    private final UnicodeCleaner cleaner;
    private final HtmlSanitizer sanitizer;
    private final DatelineParser datelines;
    private final Agencies agencies;
    private final ZoneId siteZone;
    private final Clock clock;
    private final LegacyFontDetector legacyFonts;

    public Normalizer(UnicodeCleaner cleaner, HtmlSanitizer sanitizer, DatelineParser datelines, Agencies agencies,
            ZoneId siteZone) {
        this(cleaner, sanitizer, datelines, agencies, siteZone, Clock.systemUTC());
    }

    /** As the other constructor, with the clock that supplies the year when the item carries no time at all. */
    public Normalizer(UnicodeCleaner cleaner, HtmlSanitizer sanitizer, DatelineParser datelines, Agencies agencies,
            ZoneId siteZone, Clock clock) {
        this(cleaner, sanitizer, datelines, agencies, siteZone, clock, new LegacyFontDetector());
    }

    /** As the other constructors, with the detector that finds Kruti Dev / Chanakya text to convert. */
    public Normalizer(UnicodeCleaner cleaner, HtmlSanitizer sanitizer, DatelineParser datelines, Agencies agencies,
            ZoneId siteZone, Clock clock, LegacyFontDetector legacyFonts) {
        this.legacyFonts = legacyFonts;
        this.cleaner = cleaner;
        this.sanitizer = sanitizer;
        this.datelines = datelines;
        this.agencies = agencies;
        this.siteZone = siteZone;
        this.clock = clock;
    }

    /** A cleaned copy of the item, with dateline facts and language filled in where it had none. */
    public NewsItem normalize(NewsItem item) {
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
        String body = tally.clean(item.bodyHtml());
        tally.report(b);
        if (item.language() == null || item.language().isBlank() || item.language().equals("hi")) {
            body = convertLegacyFont(b, body);
        }
        b.bodyHtml = body == null ? null : sanitizer.sanitize(body);

        if (b.agency != null && !b.agency.isEmpty()) b.agency = agencies.code(b.agency).orElse(b.agency);
        String bodyText = b.bodyHtml == null ? "" : sanitizer.toPlainText(b.bodyHtml);
        applyDateline(b, firstParagraph(bodyText));
        Corrections.mark(b);
        if (b.language == null || b.language.isBlank()) {
            b.language = language((b.headline == null ? "" : b.headline) + " " + bodyText);
        }
        return b.build();
    }

    /**
     * Hindi wire copy still arrives typed in Kruti Dev or Chanakya. The font is decided on headline, summary and
     * body together (more text, surer answer); each field is converted only if it holds legacy text itself, and
     * in the body only text nodes, so tags, attributes and links keep their bytes. Returns the body to sanitize.
     */
    private String convertLegacyFont(NewsItem.Builder b, String body) {
        Document doc = body == null ? null : Jsoup.parseBodyFragment(body);
        String bodyText = doc == null ? "" : doc.body().text();
        String all = String.join("\n", b.headline == null ? "" : b.headline, b.summary == null ? "" : b.summary, bodyText);
        Optional<LegacyFont> font = legacyFonts.detect(all);
        if (font.isEmpty()) return body;
        LegacyFont f = font.get();
        b.headline = convertField(b.headline, f);
        b.subheadline = convertField(b.subheadline, f);
        b.summary = convertField(b.summary, f);
        if (doc != null && legacyFonts.detect(bodyText).isPresent()) {
            for (var e : doc.body().select("*")) {
                for (TextNode t : e.textNodes()) t.text(LegacyFontDetector.convertSpans(t.getWholeText(), f));
            }
            body = doc.body().html();
        }
        b.warn("legacy font " + f.displayName() + " converted");
        return body;
    }

    // A headline of four words may be too short to judge alone, but it shares the item's font when it is legacy
    // at all: it must not look like real Latin text (no English words), which the detector's verdict says.
    private String convertField(String s, LegacyFont f) {
        if (s == null || s.isBlank()) return s;
        if (legacyFonts.detect(s).isEmpty() && !legacyFonts.couldBe(s)) return s;
        return LegacyFontDetector.convertSpans(s, f);
    }

    private void applyDateline(NewsItem.Builder b, String firstParagraph) {
        Optional<Dateline> found = datelines.parse(firstParagraph);
        if (found.isEmpty()) return;
        Dateline d = found.get();
        if (b.located == null || b.located.isEmpty()) b.located = d.place();
        if (b.agency == null || b.agency.isEmpty()) b.agency = d.agencyCode();
        if (b.contentCreated == null && d.hasDate()) b.contentCreated = datelineInstant(d, b).orElse(null);
    }

    private Optional<Instant> datelineInstant(Dateline d, NewsItem.Builder b) {
        Instant reference = b.versionCreated != null ? b.versionCreated
                : b.firstCreated != null ? b.firstCreated : clock.instant();
        int year = reference.atZone(siteZone).getYear();
        Optional<Instant> candidate = at(year, d);
        if (candidate.isPresent() && candidate.get().isAfter(reference.plus(FUTURE_TOLERANCE))) {
            candidate = at(year - 1, d);
        }
        if (candidate.isEmpty()) {
            b.warn("dateline date " + d.day() + "/" + d.month() + " does not exist in " + year + "; content date left empty");
        }
        return candidate;
    }

    private Optional<Instant> at(int year, Dateline d) {
        try {
            return Optional.of(LocalDate.of(year, d.month(), d.day()).atStartOfDay(siteZone).toInstant());
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    private static String firstParagraph(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    // Counting letters and vowel signs, not characters, so that digits and punctuation do not vote.
    static String language(String text) {
        int devanagari = 0;
        int latin = 0;
        int letters = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            // Vowel signs are marks, not letters, yet they are half of what Devanagari text is written with.
            if (!Character.isLetter(cp) && type != Character.NON_SPACING_MARK && type != Character.COMBINING_SPACING_MARK) {
                continue;
            }
            letters++;
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            if (script == Character.UnicodeScript.DEVANAGARI) devanagari++;
            else if (script == Character.UnicodeScript.LATIN) latin++;
        }
        if (letters == 0) return null;
        if (devanagari * 2 > letters) return "hi";
        if (latin * 2 > letters) return "en";
        return null;
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
