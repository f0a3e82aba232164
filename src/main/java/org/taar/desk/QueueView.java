package org.taar.desk;

import java.util.List;
import org.taar.text.TextDirection;

/** What the queue page's templates are given. */
public final class QueueView {
    private QueueView() {}

    /**
     * One row of the queue as shown: every field already in words, escaped by the template.
     *
     * @param status the outcome's label (published, held…), for the badge and its class
     * @param now the story's status now when an editor changed it since, else null
     * @param deskPath the story's desk page, or null when nothing became a story (rejected)
     * @param originalPath the first story's desk page, for a duplicate
     */
    public record Row(long id, String time, String isoTime, String status, String now, String headline, String deskPath,
                      String source, String agency, String section, String language, String why, String embargo,
                      String originalPath) {
        /** The headline's language as a lang attribute (null when the wire gave none or garbage). */
        public String lang() {
            return TextDirection.wellFormed(language);
        }

        /** {@code rtl} for an Urdu, Arabic, Hebrew... headline, so it reads right to left in the queue; else null. */
        public String dir() {
            return TextDirection.rightToLeft(language) ? "rtl" : null;
        }
    }

    /** A status tab: its label, count, link and whether it is the one shown. */
    public record Tab(String status, String label, long count, String href, boolean current) {}

    /** A choice in a filter's select. */
    public record Option(String value, String label, boolean selected) {}

    /**
     * The queue page.
     *
     * @param filterQuery the filter as a query string (without cursor), for live updates and paging links
     * @param olderHref the next page's link, or null on the last page
     * @param live whether this is the newest page (only it follows the wire live)
     * @param lastId the newest row's id, from which live updates continue
     */
    public record Page(DeskViews.Frame frame, List<Tab> tabs, List<Row> rows, List<Option> sections,
                       List<Option> sources, String agency, String language, String from, String to, String q,
                       String status, String filterQuery, String olderHref, boolean live, long lastId,
                       String countsWindow) {
        /** Whether any filter is set: the filter form opens by itself then, and is folded away otherwise (phones). */
        public boolean filtered() {
            return !filterQuery.isEmpty();
        }
    }

    /** The rows alone, for the live updates the page's script asks for. */
    public record Rows(DeskText t, List<Row> rows) {}
}
