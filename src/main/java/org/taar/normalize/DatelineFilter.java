package org.taar.normalize;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Optional;
import java.util.regex.Pattern;
import org.taar.item.NewsItem;
import org.taar.text.Dateline;
import org.taar.text.DatelineParser;
import org.taar.text.HtmlSanitizer;

/**
 * Reads the dateline at the head of the body ("मुंबई, 3 मार्च (भाषा)") for the place, agency and date the item
 * does not state itself, since many wire formats carry them only there, and the state and country written after
 * the city as the item's places; the dateline stays in the body. It may stand below a byline line.
 */
public final class DatelineFilter implements ItemFilter {

    // A dateline date this far after the item's own time belongs to the previous year (31 December read on 1 January).
    private static final Duration FUTURE_TOLERANCE = Duration.ofDays(30);
    // Far more than any first paragraph's opening words take, markup and all.
    static final int OPENING_CHARS = 64 * 1024;
    // Two short lines above the dateline and the dateline itself fit well within this.
    private static final int OPENING_LINES_CHARS = 2048;
    private static final Pattern BREAK = Pattern.compile("(?i)<br\\s*/?>");

    private final DatelineParser datelines;
    private final HtmlSanitizer bodies;
    private final ZoneId siteZone;
    private final Clock clock;

    /**
     * @param bodies reads the body as plain text, paragraph by paragraph
     * @param clock supplies the year when the item carries no time at all
     */
    public DatelineFilter(DatelineParser datelines, HtmlSanitizer bodies, ZoneId siteZone, Clock clock) {
        this.datelines = datelines;
        this.bodies = bodies;
        this.siteZone = siteZone;
        this.clock = clock;
    }

    @Override
    public NewsItem apply(NewsItem item) {
        String bodyText = item.bodyHtml() == null ? "" : bodies.toPlainText(linesAsParagraphs(opening(item.bodyHtml())));
        Optional<Dateline> found = datelines.find(openingLines(bodyText));
        if (found.isEmpty()) return item;
        Dateline d = found.get();
        NewsItem.Builder b = item.toBuilder();
        if (b.located == null || b.located.isEmpty()) b.located = d.place();
        if (b.agency == null || b.agency.isEmpty()) b.agency = d.agencyCode();
        // The state and country after the city (लखनऊ (उत्तर प्रदेश) [भारत]) are places, not part of the city's name.
        if (b.places.isEmpty()) b.places = new ArrayList<>(d.qualifiers());
        if (b.contentCreated == null && d.hasDate()) b.contentCreated = datelineInstant(d, b).orElse(null);
        return b.build();
    }

    private Optional<Instant> datelineInstant(Dateline d, NewsItem.Builder b) {
        Instant reference = b.versionCreated != null ? b.versionCreated
                : b.firstCreated != null ? b.firstCreated : clock.instant();
        int year = d.year() != null ? d.year() : reference.atZone(siteZone).getYear();
        Optional<Instant> candidate = at(year, d);
        if (d.year() == null && candidate.isPresent() && candidate.get().isAfter(reference.plus(FUTURE_TOLERANCE))) {
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
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The start of the body, enough for its first paragraph's first words (a dateline sits within
     * its first hundred characters): a multi-megabyte body is not turned into text whole to read
     * them. Cut after a tag, so no half tag becomes text.
     */
    static String opening(String bodyHtml) {
        if (bodyHtml.length() <= OPENING_CHARS) return bodyHtml;
        int cut = bodyHtml.lastIndexOf('>', OPENING_CHARS);
        return cut < 0 ? bodyHtml.substring(0, OPENING_CHARS) : bodyHtml.substring(0, cut + 1);
    }

    // A byline set off by a line break ("By Jane Smith<br>LONDON (Reuters) -") is a line of its own for this reading.
    private static String linesAsParagraphs(String html) {
        return BREAK.matcher(html).replaceAll("</p><p>");
    }

    // The dateline may stand below a byline line; a few lines are all the parser looks at.
    private static String openingLines(String text) {
        return text.length() <= OPENING_LINES_CHARS ? text : text.substring(0, OPENING_LINES_CHARS);
    }
}
