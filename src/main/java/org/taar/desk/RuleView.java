package org.taar.desk;

import java.util.List;

/** What the rules page's templates are given: every field already in words, escaped by the template. */
public final class RuleView {
    private RuleView() {}

    /** A rule of taar.yml, shown and never changed here. */
    public record Configured(String name, String definition) {}

    /** A stored rule in its place (1 first); {@code first} and {@code last} leave out a move that goes nowhere. */
    public record Stored(String name, int position, boolean enabled, String definition, boolean first, boolean last) {}

    /** A logged change: who changed which rule, when, how. */
    public record Logged(String time, String isoTime, String actor, String rule, String what, String detail) {}

    /**
     * The rules page.
     *
     * @param admin whether the person may change rules (the forms are shown only then)
     * @param n the dry run's default size, {@code maxN} its cap
     */
    public record Page(DeskViews.Frame frame, List<Configured> configured, List<Stored> stored, List<Logged> changes,
                       boolean admin, int n, int maxN) {}

    /** One side of a changed decision: its action's word, the rule, the reason and the edits in words. */
    public record Side(String action, String actionLabel, String rule, String reason, String edits) {}

    /** A received version the change would have decided differently. */
    public record Changed(String headline, String href, int version, String source, String time, String isoTime,
                          Side before, Side after) {}

    /** How many versions would go from one action to another. */
    public record Shift(String from, String to, int versions) {}

    /**
     * The dry run of one change, with the form that saves it.
     *
     * @param what the change in a sentence
     * @param kind, name, definition, place the change as the form posts it (definition and place may be null)
     * @param seen the stored rules' stamp the preview was made from
     * @param refusal why the change cannot be made at all, or null
     * @param problems what is wrong with the rules it would leave, each naming its rule
     * @param ran whether the dry run ran (no refusal, no problems)
     * @param runProblems stories the rules could not decide during the run
     */
    public record Preview(DeskViews.Frame frame, String what, String kind, String name, String definition,
                          Integer place, int n, int maxN, String seen, String refusal, List<String> problems,
                          boolean ran, int asked, int examined, boolean cut, List<Shift> shifts, List<Changed> changes,
                          List<String> runProblems) {
        public boolean saveable() {
            return refusal == null && problems.isEmpty();
        }

        /** ADD and EDIT carry a definition the admin may correct on this page. */
        public boolean editable() {
            return "add".equals(kind) || "edit".equals(kind);
        }
    }
}
