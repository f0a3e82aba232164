package org.taar.desk;

import java.util.List;
import org.taar.text.FieldDiff;
import org.taar.text.TextDirection;

/** What the story page's template is given (desk/story.jte). Every string is shown escaped but {@code bodyHtml}. */
public final class StoryView {
    private StoryView() {}

    /**
     * One story's desk page.
     *
     * @param bodyHtml the body as readers will see it, sanitized again here: the only markup the page trusts
     * @param seen the story's state as rendered, posted back by every form ({@link SeenToken})
     * @param change on a refused action, what changed since the editor opened the page; else null
     * @param form the edit form's values: the story's own, or what the editor posted when it was refused
     */
    public record Page(DeskViews.Frame frame, long id, String headline, String summary, String bodyHtml, String status,
                       String reason, String publicUrl, List<String> formerUrls, List<Field> fields, Verbatim verbatim,
                       List<VersionRow> versions, List<AuditRow> rules, List<AuditRow> audit, List<Link> copies,
                       Link original, List<AdvisoryRow> advisories, Actions actions, String seen, Change change,
                       EditForm form, List<Option> sections, String scheduleAt, String zone) {
        /** The story's language as parsed, a lang attribute for its text (null when unknown or garbage). */
        public String lang() {
            return TextDirection.wellFormed(fields.stream().filter(f -> f.key().equals("story.field.language"))
                    .map(Field::value).findFirst().orElse(null));
        }

        /** {@code rtl} when the story's text runs right to left (Urdu, Arabic...), so preview and edit fields do too. */
        public String dir() {
            return TextDirection.rightToLeft(lang()) ? "rtl" : null;
        }
    }

    /** One parsed field: a word of the desk's text and its value. */
    public record Field(String key, String value) {}

    /**
     * The delivery that brought the story's current copy, as text.
     *
     * @param capped only the first {@code shownBytes} of {@code size} bytes are shown
     */
    public record Verbatim(String text, boolean capped, long size, long shownBytes, String downloadPath, String name) {}

    /**
     * One version as kept.
     *
     * @param replacedEdit the agency's version replaced an editor's edit
     * @param diffs headline, summary and body against the copy before it (none for the first)
     */
    public record VersionRow(int version, String outcome, String reason, String receivedAt, String deliveryPath,
                             String deliveryName, boolean edit, boolean replacedEdit, List<FieldDiff> diffs) {
        public boolean anyChange() {
            return diffs.stream().anyMatch(FieldDiff::changed);
        }
    }

    /** One audit entry; {@code label} is the action in the desk's words (the stored word when the desk has none). */
    public record AuditRow(String action, String label, String actor, String reason, String at) {}

    public record Link(String label, String href, String detail) {}

    public record AdvisoryRow(long id, String source, String status, String text, String at) {}

    /** Which forms the page offers for the story's status (the server checks again). */
    public record Actions(boolean publish, boolean hold, boolean kill, boolean restore, boolean edit, boolean schedule) {}

    /**
     * What changed between the page the editor acted from and the story now.
     *
     * @param diffs headline, summary and body, from the copy the editor saw to the current one
     * @param since audit entries written after the editor's page was rendered
     */
    public record Change(List<FieldDiff> diffs, List<AuditRow> since, boolean known) {}

    public record EditForm(String headline, String summary, String body, String section, String tags) {}

    public record Option(String value, String label) {}
}
