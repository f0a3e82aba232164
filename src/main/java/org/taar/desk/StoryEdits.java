package org.taar.desk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.taar.config.Config;
import org.taar.enrich.Enricher;
import org.taar.item.NewsItem;
import org.taar.store.StoryEdit;
import org.taar.store.StoryVersion.Audit;
import org.taar.story.Story;
import org.taar.story.Tag;
import org.taar.text.HtmlSanitizer;
import org.taar.text.UnicodeCleaner;

/**
 * Turns an editor's edit form into the story's new copy: headline and summary cleaned as received
 * text is (NFC, no control characters, one line), the body as plain paragraphs or as HTML through
 * the one sanitizer, a configured section, and tags under their canonical names. A changed
 * headline gives a new slug as a received version's does (the old address answers 301).
 *
 * <p>When the agency later sends a newer version, it replaces the edit as any update does: its
 * headline, summary, body and tags become the story's, while the section stays as the editor set
 * it (a later version never moves a story between sections). The desk's version list says "agency
 * version N replaced an editor's edit" and shows the difference, and the audit trail has an entry
 * ({@code edit-replaced}, pipeline/Recorder). Keeping the edit instead would mean publishing an
 * agency's correction under copy it no longer stands behind, so the editor is shown it and may edit again.
 */
public final class StoryEdits {
    public static final int MAX_HEADLINE = 400;
    public static final int MAX_SUMMARY = 3_000;
    public static final int MAX_TAGS = 20;
    public static final int MAX_TAG = 80;
    /** Text with a tag in it is taken as HTML; anything else as plain paragraphs. */
    private static final Pattern HTML = Pattern.compile("<\\s*/?\\s*[A-Za-z!]");

    /** The edit form as posted; any field may be null (absent or blank). */
    public record Form(String headline, String summary, String body, String section, String tags, String reason) {}

    private final Config.Site site;
    private final Enricher enricher;
    private final HtmlSanitizer sanitizer;
    private final UnicodeCleaner cleaner = new UnicodeCleaner();

    public StoryEdits(Config.Site site, Enricher enricher, HtmlSanitizer sanitizer) {
        this.site = site;
        this.enricher = enricher;
        this.sanitizer = sanitizer;
    }

    /** Why the form cannot be an edit (a word of the desk's text), before anything is read. */
    public Optional<String> check(Form f) {
        String headline = line(f.headline());
        if (headline == null) return Optional.of("story.error.headline");
        if (headline.codePointCount(0, headline.length()) > MAX_HEADLINE) return Optional.of("story.error.long");
        String summary = line(f.summary());
        if (summary != null && summary.codePointCount(0, summary.length()) > MAX_SUMMARY) {
            return Optional.of("story.error.long");
        }
        if (f.reason() != null && f.reason().length() > StoryActions.MAX_REASON) return Optional.of("story.error.long");
        if (f.section() == null || site.sections().stream().noneMatch(s -> s.slug().equals(f.section()))) {
            return Optional.of("story.error.section");
        }
        List<String> names = names(f.tags());
        if (names.size() > MAX_TAGS || names.stream().anyMatch(n -> n.length() > MAX_TAG)) {
            return Optional.of("story.error.tags");
        }
        return Optional.empty();
    }

    /** The edit of {@code current} the form asks for; empty when it changes nothing. Call {@link #check} first. */
    public Optional<StoryEdit> edit(Story current, Form f, String who, Instant now) {
        NewsItem item = current.item();
        String headline = line(f.headline());
        String summary = line(f.summary());
        String body = body(f.body());
        String before = item.bodyHtml() == null ? "" : item.bodyHtml();
        // The form shows the stored HTML; sent back untouched it must not count as an edit.
        if (body.equals(before) || body.equals(sanitizer.sanitize(before))) body = item.bodyHtml();
        List<Tag> tags = tags(f.tags());
        boolean same = headline.equals(item.headline()) && eq(summary, item.summary()) && eq(body, item.bodyHtml())
                && f.section().equals(current.section()) && slugs(tags).equals(slugs(current.tags()));
        if (same) return Optional.empty();
        NewsItem.Builder b = item.toBuilder();
        b.headline = headline;
        b.summary = summary;
        b.bodyHtml = body;
        b.tags = new ArrayList<>(tags.stream().map(Tag::name).toList());
        // The slug follows the headline; an unchanged headline keeps its address even if the slugger has learned since.
        String slug = headline.equals(item.headline()) ? current.slug() : enricher.slug(headline);
        String actor = "editor:" + who;
        String reason = f.reason() != null ? f.reason() : "edited by an editor";
        return Optional.of(new StoryEdit(current, b.build(), f.section(), slug, tags,
                new Audit("edited", actor, reason), now));
    }

    /** One line of text: cleaned, whitespace (newlines too) folded to single spaces; null when blank. */
    private String line(String s) {
        if (s == null) return null;
        String clean = cleaner.clean(s).replaceAll("\\s+", " ").strip();
        return clean.isEmpty() ? null : clean;
    }

    private String body(String s) {
        if (s == null || s.isBlank()) return "";
        String clean = cleaner.clean(s);
        String html = HTML.matcher(clean).find() ? sanitizer.sanitize(clean) : sanitizer.fromPlainText(clean);
        return html == null ? "" : html;
    }

    private List<Tag> tags(String s) {
        Map<String, Tag> bySlug = new LinkedHashMap<>();
        for (String name : names(s)) {
            Tag t = enricher.tag(line(name));
            if (t != null) bySlug.putIfAbsent(t.slug(), t);
        }
        return List.copyOf(bySlug.values());
    }

    private static List<String> names(String s) {
        if (s == null) return List.of();
        List<String> out = new ArrayList<>();
        for (String part : s.split("[,،、]")) {
            if (!part.isBlank()) out.add(part.strip());
        }
        return out;
    }

    private static List<String> slugs(List<Tag> tags) {
        return tags.stream().map(Tag::slug).toList();
    }

    private static boolean eq(String a, String b) {
        return (a == null ? "" : a).equals(b == null ? "" : b);
    }
}
