package org.taar.format;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.taar.item.NewsItem;

/**
 * One feed entry as RSS, Atom and JSON Feed parsers read it, raw, and the rules they share for
 * turning it into a news item: which text is the body and which the summary, where the headline
 * comes from when there is no title, what the uri is, which URLs are absolute.
 */
final class FeedEntry {
    static final int SUMMARY_CHARS = 300;
    static final int HEADLINE_WORDS = 12;
    private static final Pattern LANGUAGE = Pattern.compile("^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$");

    String id;
    String title;
    /** The title is plain text by declaration (Atom type="text"): never read as HTML. */
    boolean titleIsText;
    /** The full content (RSS content:encoded, Atom content, JSON content_html/content_text). */
    String content;
    boolean contentIsText;
    /** The description or summary; the body too when there is no content. */
    String description;
    boolean descriptionIsText;
    String link;
    /** xml:base in force for the entry, already absolute; null when none was declared. */
    String base;
    /** xml:base in force for the content, when the content declares its own. */
    String contentBase;
    /** The feed's own link, the last resort for resolving relative URLs. */
    String feedLink;
    String created;
    String createdLabel;
    String modified;
    String modifiedLabel;
    String byline;
    final List<String> tags = new ArrayList<>();
    String imageUrl;
    String imageCaption;
    String language;
    final List<String> warnings = new ArrayList<>();

    void created(String label, String value) {
        if (created == null && value != null && !value.isBlank()) {
            created = value.strip();
            createdLabel = label;
        }
    }

    void modified(String label, String value) {
        if (modified == null && value != null && !value.isBlank()) {
            modified = value.strip();
            modifiedLabel = label;
        }
    }

    void tag(String value) {
        String t = HtmlContent.text(value);
        if (t != null) tags.add(t);
    }

    void image(String url, String caption) {
        if (imageUrl == null && url != null && !url.isBlank()) {
            imageUrl = url.strip();
            imageCaption = caption;
        }
    }

    /**
     * The news item, or null (with a delivery warning) when the entry has neither title nor text.
     *
     * @param n the entry's position in the feed, from 1, for warnings
     * @param feedLanguage the feed's language, for entries that declare none
     */
    NewsItem toItem(int n, ParseContext ctx, String feedLanguage, List<String> deliveryWarnings) {
        NewsItem.Builder b = NewsItem.builder();
        String label = "item " + n;

        if (link != null) {
            String abs = HtmlContent.absoluteUrl(base != null ? base : feedLink, link);
            if (abs == null) warnings.add(label + ": link '" + shorten(link) + "' is not an http(s) URL; left out");
            b.link = abs;
        }
        String resolveAgainst = contentBase != null ? contentBase : base != null ? base
                : b.link != null ? b.link : HtmlContent.absoluteUrl(null, feedLink);

        String contentHtml = html(content, contentIsText, resolveAgainst);
        String descriptionHtml = html(description, descriptionIsText, resolveAgainst);
        if (contentHtml != null) {
            b.bodyHtml = contentHtml;
            b.summary = descriptionIsText ? Text.blankToNull(description) : HtmlContent.text(description);
        } else if (descriptionHtml != null) {
            b.bodyHtml = descriptionHtml;
            b.summary = HtmlContent.excerpt(HtmlContent.storyText(descriptionHtml), SUMMARY_CHARS);
        }

        b.headline = titleIsText ? collapse(title) : HtmlContent.text(title);
        if (b.headline == null) {
            String plain = b.bodyHtml == null ? null : HtmlContent.storyText(b.bodyHtml);
            if (plain == null) {
                deliveryWarnings.add(label + ": no title or description");
                return null;
            }
            b.headline = HtmlContent.firstWords(plain, HEADLINE_WORDS);
            warnings.add(label + ": no title; headline taken from the first words of the text");
        }

        // The image is the entry's, not the content's: content's own xml:base does not apply to it.
        String image = HtmlContent.absoluteUrl(base != null ? base : b.link != null ? b.link : feedLink, imageUrl);
        if (image != null) b.bodyHtml = HtmlContent.withLeadImage(b.bodyHtml, image, HtmlContent.text(imageCaption));
        if (image != null && !HtmlContent.isTracker(image)) b.image = image;

        b.firstCreated = date(createdLabel, created, label);
        b.versionCreated = date(modifiedLabel, modified, label);
        if (b.firstCreated == null) b.firstCreated = b.versionCreated != null ? b.versionCreated
                : ctx == null ? null : ctx.receivedAt();
        if (b.versionCreated == null) b.versionCreated = b.firstCreated;

        String idText = Text.blankToNull(id);
        if (idText != null) {
            String url = HtmlContent.absoluteUrl(null, idText);
            b.uri = url != null ? url : Text.uriFor(idText);
        } else if (b.link != null) {
            b.uri = b.link;
        } else {
            b.uri = Text.derivedUri(ctx == null ? null : ctx.source(), b.headline, created);
            warnings.add(label + ": no guid, id or link; derived uri " + b.uri);
        }

        b.byline = HtmlContent.text(byline);
        Set<String> unique = new LinkedHashSet<>(tags);
        b.tags = new ArrayList<>(unique);
        if (!b.tags.isEmpty()) b.section = b.tags.get(0);
        b.language = language(language);
        if (b.language == null) b.language = language(feedLanguage);
        for (String w : warnings) b.warn(w.startsWith(label + ":") ? w : label + ": " + w);
        return b.build();
    }

    /** A language tag in BCP 47 shape ("hi", "en-US"), or null for anything else. */
    static String language(String value) {
        if (value == null) return null;
        String v = value.strip().replace('_', '-');
        return LANGUAGE.matcher(v).matches() ? v : null;
    }

    private static String html(String value, boolean isText, String base) {
        if (value == null || value.isBlank()) return null;
        return isText ? Text.paragraphs(value) : HtmlContent.body(value, base);
    }

    private Instant date(String what, String value, String label) {
        if (value == null) return null;
        Optional<Instant> t = Dates.parse(value);
        if (t.isEmpty()) warnings.add(label + ": " + what + " '" + shorten(value) + "' is not a date; ignored");
        return t.orElse(null);
    }

    private static String collapse(String s) {
        return s == null ? null : Text.blankToNull(s.replaceAll("[\\s\\u00A0]+", " "));
    }

    static String shorten(String s) {
        String t = s.strip();
        return t.length() <= 80 ? t : t.substring(0, 77) + "...";
    }
}
