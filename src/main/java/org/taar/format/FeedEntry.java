package org.taar.format;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.taar.item.NewsItem;
import org.taar.text.HtmlEscape;

/**
 * One feed entry as RSS, Atom and JSON Feed parsers read it, raw, and the rules they share for
 * turning it into a news item: which text is the body and which the summary, where the headline
 * comes from when there is no title, what the uri is, which URLs are absolute.
 */
final class FeedEntry {
    static final int SUMMARY_CHARS = 300;
    private static final Pattern LANGUAGE = Pattern.compile("^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$");

    String id;
    String title;
    /** The title is plain text by declaration (Atom type="text"): never read as HTML. */
    boolean titleIsText;
    /** Media RSS's title of the item's media: the headline when the item has no title of its own. */
    String mediaTitle;
    /** The full content (RSS content:encoded, Atom content, JSON content_html/content_text). */
    String content;
    boolean contentIsText;
    /** The description or summary; the body too when there is no content. */
    String description;
    boolean descriptionIsText;
    /**
     * A second description where RSS puts two (description and summary, itunes:summary,
     * media:description): the content when there is no other, as feedparser reads it.
     */
    String otherDescription;
    boolean otherDescriptionIsText;
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
    /** The byline is the feed's, not the entry's own: it does not make an empty entry an item. */
    boolean bylineInherited;
    final List<String> tags = new ArrayList<>();
    /** Its pictures, video and audio, as the feed names them. */
    final FeedMedia media = new FeedMedia();
    /** An enclosure that is no picture, video or audio (a document): linked from the body when there is no other. */
    String enclosureUrl;
    /** The entry's rights notice; the feed's when the entry has none (set by the parser). */
    String rights;
    String language;
    final List<String> warnings = new ArrayList<>();
    /** What a format knows beyond a feed entry (a WordPress post's schedule), applied to the finished item. */
    Consumer<NewsItem.Builder> amend;

    /** Keeps the first description; a second one becomes the other description. */
    void description(String value, boolean isText) {
        if (value == null || value.isBlank()) return;
        if (description == null) {
            description = value;
            descriptionIsText = isText;
        } else if (otherDescription == null) {
            otherDescription = value;
            otherDescriptionIsText = isText;
        }
    }

    /** The feed's byline, for an entry without its own. */
    void inheritByline(String value) {
        if (byline == null && value != null) {
            byline = value;
            bylineInherited = true;
        }
    }

    void byline(String value) {
        String by = RssParser.author(value);
        if (by == null) return;
        if (byline == null || byline.isBlank()) byline = by;
    }

    void rights(String value) {
        if (rights == null) rights = Text.blankToNull(value);
    }

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

    /** Comma-separated keywords (media:keywords, itunes:keywords), each a tag. */
    void keywords(String value) {
        if (value == null) return;
        for (String k : value.split(",")) tag(k);
    }

    /** Whether the entry carries anything at all: an entry without a title is still an item if it does. */
    private boolean isEmpty() {
        for (String v : new String[] {id, title, mediaTitle, content, description, otherDescription, link, created,
                modified, bylineInherited ? null : byline, enclosureUrl}) {
            if (v != null && !v.isBlank()) return false;
        }
        return tags.isEmpty() && media.isEmpty();
    }

    /** Every text field through {@link Mojibake#repair}; true when one changed. */
    private boolean repairText() {
        String[] before = {title, mediaTitle, content, description, otherDescription, byline, rights};
        title = Mojibake.repair(title);
        mediaTitle = Mojibake.repair(mediaTitle);
        content = Mojibake.repair(content);
        description = Mojibake.repair(description);
        otherDescription = Mojibake.repair(otherDescription);
        byline = Mojibake.repair(byline);
        rights = Mojibake.repair(rights);
        String[] after = {title, mediaTitle, content, description, otherDescription, byline, rights};
        boolean changed = media.repair();
        for (int i = 0; i < before.length; i++) changed |= before[i] != after[i];
        for (int i = 0; i < tags.size(); i++) {
            String t = Mojibake.repair(tags.get(i));
            changed |= t != tags.get(i);
            tags.set(i, t);
        }
        return changed;
    }

    /**
     * The news item, or null (with a delivery warning) when the entry holds nothing at all. An
     * entry without a title is an item without a headline: the normalize stage builds one from
     * what the item has, or the pipeline holds it for an editor. The item's warnings are its own,
     * without the "item N:" a list of several items puts before them.
     *
     * @param n the entry's position in the feed, from 1, for delivery warnings
     * @param feedLanguage the feed's language, for entries that declare none
     */
    NewsItem toItem(int n, ParseContext ctx, String feedLanguage, List<String> deliveryWarnings) {
        if (isEmpty()) {
            deliveryWarnings.add("item " + n + ": empty (no title, text, link, id, date or media); skipped");
            return null;
        }
        NewsItem.Builder b = NewsItem.builder();
        if (repairText()) warnings.add("repaired mis-decoded characters (windows-1252 punctuation or UTF-8 decoded twice)");
        if (content == null && otherDescription != null) {
            content = otherDescription;
            contentIsText = otherDescriptionIsText;
        }

        if (link != null) {
            String abs = HtmlContent.absoluteUrl(base != null ? base : feedLink, link);
            if (abs == null) warnings.add("link '" + shorten(link) + "' is not an http(s) URL; left out");
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
        if (b.headline == null && mediaTitle != null) {
            b.headline = HtmlContent.text(mediaTitle);
            if (b.headline != null) warnings.add("no title; headline taken from media:title");
        }
        if (b.headline == null) warnings.add("no title");

        // The media are the entry's, not the content's: content's own xml:base does not apply to them. They are
        // not put into the body: the site shows the lead picture as a figure of its own, and pictures the body's
        // own HTML holds stay where they are.
        String entryBase = base != null ? base : b.link != null ? b.link : feedLink;
        media.resolve(entryBase, warnings).into(b, null);
        String enclosure = HtmlContent.absoluteUrl(entryBase, enclosureUrl);
        if (b.bodyHtml == null && enclosure != null) {
            b.bodyHtml = "<p><a href=\"" + HtmlEscape.escape(enclosure) + "\">" + HtmlEscape.escape(enclosure) + "</a></p>";
        }

        b.firstCreated = date(createdLabel, created);
        b.versionCreated = date(modifiedLabel, modified);
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
            String key = b.headline != null ? b.headline : b.bodyHtml != null ? b.bodyHtml : b.summary;
            b.uri = Text.derivedUri(ctx == null ? null : ctx.source(), key, created);
            warnings.add("no guid, id or link; derived uri " + b.uri);
        }

        b.byline = HtmlContent.text(byline);
        Set<String> unique = new LinkedHashSet<>(tags);
        b.tags = new ArrayList<>(unique);
        if (!b.tags.isEmpty()) b.section = b.tags.get(0);
        b.rights = HtmlContent.text(rights);
        b.language = language(language);
        if (b.language == null) b.language = language(feedLanguage);
        if (amend != null) amend.accept(b);
        warnings.forEach(b::warn);
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

    private Instant date(String what, String value) {
        if (value == null) return null;
        Optional<Instant> t = Dates.parse(value);
        if (t.isEmpty()) warnings.add(what + " '" + shorten(value) + "' is not a date; ignored");
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
