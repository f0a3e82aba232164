package org.taar.item;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One version of one agency item, as every parser produces it and every later stage reads it.
 * It carries the ninjs 2.1 fields Taar uses; format.NinjsWriter turns it into ninjs JSON.
 *
 * @param uri the agency's own identifier, stable across versions
 * @param version grows with each update (1 when the format has no version)
 * @param bodyHtml the body as HTML paragraphs ({@code <p>..</p>}), sanitized by the normalize stage
 * @param agency the canonical agency code (IANS, PTI, ...) from the item or its dateline; null when unknown
 * @param section the section the source declared, as written; null when none
 * @param tags the keywords the source declared
 * @param link the story's page on the source's own site (a feed item's link), absolute; null when none
 * @param media its pictures, video and audio, the lead picture first (a ninjs association, a NewsML-G2
 *     package's itemRef, a feed item's enclosure or media:content, an e-mail attachment); for a picture,
 *     video or audio item sent alone (type picture, video or audio), the one media item it is
 * @param warnings what a parser or normalizer noticed but could live with
 * @param correction the agency marked this version a correction of what it sent before (see normalize/CorrectionFilter)
 * @param signals the agency's item-level signals (AP's {@code signals}, e.g. {@code newscontent}), as
 *     written; null when the item carries none, which is not the same as an empty list
 * @param disclaimer a disclaimer a routing rule set for this story ({@code set_disclaimer}); null
 *     for the source's own
 * @param subjects the agency's coded subjects (qcodes, refnums), code and name kept; not its keywords
 * @param places the state and country (or other parts) of where it was reported from, beyond {@code located}
 * @param rights the rights or copyright notice the source sent with the item, as written; null when none
 * @param kill the kill advisory this item is, as its parser read it (the advisory word and the story
 *     it names); null when the item announces none. An item may still be a kill without it: a
 *     cancel of itself, or an advisory the kill stage recognizes in the text.
 */
public record NewsItem(
        String uri,
        int version,
        PubStatus pubstatus,
        String type,
        String language,
        String headline,
        String subheadline,
        String summary,
        String bodyHtml,
        String byline,
        String located,
        Instant contentCreated,
        Instant firstCreated,
        Instant versionCreated,
        Instant embargoed,
        Integer urgency,
        String agency,
        String section,
        List<String> tags,
        String slugline,
        String ednote,
        String link,
        List<Media> media,
        List<String> warnings,
        boolean correction,
        List<String> signals,
        String disclaimer,
        List<Subject> subjects,
        List<Place> places,
        String rights,
        KillSignal kill) {

    public NewsItem {
        tags = tags == null ? List.of() : List.copyOf(tags);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        signals = signals == null ? null : List.copyOf(signals);
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
        places = places == null ? List.of() : List.copyOf(places);
        media = media == null ? List.of() : List.copyOf(media);
        pubstatus = pubstatus == null ? PubStatus.USABLE : pubstatus;
        type = type == null ? "text" : type;
    }

    /** The lead picture: the first picture among its media; null when it has none. */
    public Media leadPicture() {
        for (Media m : media) if (m.kind() == Media.Kind.PICTURE) return m;
        return null;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.uri = uri; b.version = version; b.pubstatus = pubstatus; b.type = type; b.language = language;
        b.headline = headline; b.subheadline = subheadline; b.summary = summary; b.bodyHtml = bodyHtml;
        b.byline = byline; b.located = located; b.contentCreated = contentCreated; b.firstCreated = firstCreated;
        b.versionCreated = versionCreated; b.embargoed = embargoed; b.urgency = urgency; b.agency = agency;
        b.section = section; b.tags = new ArrayList<>(tags); b.slugline = slugline; b.ednote = ednote;
        b.link = link;
        b.media = new ArrayList<>(media);
        b.warnings = new ArrayList<>(warnings);
        b.correction = correction;
        b.signals = signals == null ? null : new ArrayList<>(signals);
        b.disclaimer = disclaimer;
        b.subjects = new ArrayList<>(subjects);
        b.places = new ArrayList<>(places);
        b.rights = rights;
        b.kill = kill;
        return b;
    }

    /** Mutable helper for parsers and normalizers; the record itself stays immutable. */
    public static final class Builder {
        public String uri;
        public int version = 1;
        public PubStatus pubstatus = PubStatus.USABLE;
        public String type = "text";
        public String language;
        public String headline;
        public String subheadline;
        public String summary;
        public String bodyHtml;
        public String byline;
        public String located;
        public Instant contentCreated;
        public Instant firstCreated;
        public Instant versionCreated;
        public Instant embargoed;
        public Integer urgency;
        public String agency;
        public String section;
        public List<String> tags = new ArrayList<>();
        public String slugline;
        public String ednote;
        public String link;
        public List<Media> media = new ArrayList<>();
        public List<String> warnings = new ArrayList<>();
        public boolean correction;
        public List<String> signals;
        public String disclaimer;
        public List<Subject> subjects = new ArrayList<>();
        public List<Place> places = new ArrayList<>();
        public String rights;
        public KillSignal kill;

        public Builder warn(String warning) {
            warnings.add(warning);
            return this;
        }

        public NewsItem build() {
            return new NewsItem(uri, version, pubstatus, type, language, headline, subheadline, summary, bodyHtml,
                    byline, located, contentCreated, firstCreated, versionCreated, embargoed, urgency, agency,
                    section, tags, slugline, ednote, link, media, warnings, correction, signals, disclaimer, subjects, places,
                    rights, kill);
        }
    }
}
