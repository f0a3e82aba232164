package org.taar.enrich;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.taar.item.NewsItem;
import org.taar.story.Tag;
import org.taar.text.Agencies;
import org.taar.text.DatelineParser;
import org.taar.text.Slugger;

/**
 * Finds what a story is about: known entities in its headline, summary and body (longest match
 * in the {@link Gazetteer}), and unknown people named after a title (मुख्यमंत्री X ने, Dr X).
 * Orders them by salience (named in the headline, then how often, then how early) and merges
 * them after the tags the source declared, one tag per canonical slug, at most {@link #MAX_TAGS}.
 */
public final class Tagger {
    public static final int MAX_TAGS = 8;

    /** Titles and honorifics after which an unknown name is taken to be a person's (keys, see TagText). */
    static final Set<String> TITLES = keys(
            "श्री", "श्रीमती", "सुश्री", "कुमारी", "डॉ", "डा", "प्रधानमंत्री", "मुख्यमंत्री", "राष्ट्रपति",
            "उपराष्ट्रपति", "उपमुख्यमंत्री", "मंत्री", "राज्यपाल", "उपराज्यपाल", "सांसद", "विधायक", "न्यायमूर्ति",
            "जस्टिस", "प्रोफेसर", "प्रो", "पीएम", "सीएम", "mr", "mrs", "ms", "dr", "prof", "president", "minister",
            "governor", "justice", "senator", "chancellor");

    /** Words that end a name after a title: postpositions, where the Hindi sentence marks its subject or object. */
    static final Set<String> POSTPOSITIONS = keys("ने", "के", "की", "का", "को", "से", "पर", "भी", "और", "द्वारा");

    /** Words that follow a title but are not names (प्रधानमंत्री कार्यालय, मुख्यमंत्री आवास, मंत्री पद). */
    static final Set<String> NOT_NAMES = keys(
            "कार्यालय", "आवास", "निवास", "पद", "भवन", "सचिवालय", "चुनाव", "उम्मीदवार", "शासन", "परिषद",
            "समिति", "मंडल", "स्तर", "राहत", "कोष", "योजना", "पुरस्कार", "सम्मान", "शपथ", "बनने", "बने", "रहे",
            "रह", "रहते", "पहले", "बाद", "खुद", "स्वयं", "जी", "ने", "जब", "यह", "वह", "इस", "उस", "एक", "नए", "नई",
            "नया", "पूर्व", "केंद्रीय", "राज्य", "अपने", "अपनी", "तथा", "एवं", "व", "श्री", "डॉ", "बोले", "बोली", "बोलीं",
            "कहा", "सहित", "समेत", "समर्थक", "पत्नी", "पति", "बेटे", "बेटी", "परिवार", "दफ्तर", "काफिले", "काफिला");

    private final Gazetteer gazetteer;
    private final Slugger slugger;
    private final DatelineParser datelines;

    static Set<String> keys(String... words) {
        return java.util.Arrays.stream(words).map(TagText::key).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    public Tagger(Gazetteer gazetteer, Slugger slugger) {
        this.gazetteer = gazetteer;
        this.slugger = slugger;
        this.datelines = new DatelineParser(new Agencies(), gazetteer.geography());
    }

    public Gazetteer gazetteer() {
        return gazetteer;
    }

    /** The story's tags: declared ones first (canonicalized), then found ones by salience; at most eight. */
    public List<Tag> tags(NewsItem item) {
        Map<String, Tag> bySlug = new LinkedHashMap<>();
        for (String name : item.tags()) {
            if (bySlug.size() == MAX_TAGS) break;
            Tag t = canonical(name);
            if (t != null) bySlug.putIfAbsent(t.slug(), t);
        }
        for (Tag t : found(item)) {
            if (bySlug.size() == MAX_TAGS) break;
            bySlug.putIfAbsent(t.slug(), t);
        }
        return new ArrayList<>(bySlug.values());
    }

    /** A declared tag under its canonical name and slug when the gazetteer knows it; null when blank. */
    public Tag canonical(String declared) {
        String clean = declared == null ? "" : declared.strip();
        if (clean.isEmpty()) return null;
        return gazetteer.lookup(clean).map(Entity::tag).orElseGet(() -> new Tag(slugger.slug(clean), clean));
    }

    /** Entities and titled names in the story, most salient first (not capped). */
    public List<Tag> found(NewsItem item) {
        Map<String, Mention> mentions = new LinkedHashMap<>();
        int[] position = {0};
        scan(item.headline(), true, null, mentions, position);
        scan(item.subheadline(), false, null, mentions, position);
        scan(item.summary(), false, null, mentions, position);
        // The dateline stays in the body (नई दिल्ली, 5 जून (भाषा)।) but says where the agency filed, not what the story is about.
        Entity dateline = item.located() == null ? null : gazetteer.lookup(item.located()).orElse(null);
        // Its state and country too (लखनऊ (उत्तर प्रदेश) [भारत], 5 जून (एएनआई):): the whole dateline is left out.
        scan(datelines.withoutDateline(TagText.plain(item.bodyHtml())), false, dateline, mentions, position);
        return mentions.values().stream()
                .sorted(Comparator.comparing((Mention m) -> !m.inHeadline)
                        .thenComparing(m -> -m.count)
                        .thenComparingInt(m -> m.first))
                .map(m -> m.tag)
                .toList();
    }

    private static final class Mention {
        final Tag tag;
        final int first;
        boolean inHeadline;
        int count;

        Mention(Tag tag, int first) {
            this.tag = tag;
            this.first = first;
        }
    }

    private void scan(String text, boolean headline, Entity dateline, Map<String, Mention> mentions, int[] position) {
        List<TagText.Token> tokens = TagText.tokens(text);
        int i = 0;
        while (i < tokens.size()) {
            var match = gazetteer.find(tokens, i);
            if (match.isPresent()) {
                if (i == 0 && match.get().entity().equals(dateline)) {
                    i += match.get().length();
                    continue;
                }
                note(match.get().entity().tag(), headline, mentions, position[0] + i);
                i += match.get().length();
                continue;
            }
            int taken = titledName(tokens, i, headline, mentions, position[0] + i);
            i += Math.max(1, taken);
        }
        position[0] += tokens.size();
    }

    /**
     * At a title followed by one to three unknown name words and a postposition (Hindi) or by
     * capitalised words (English), notes the name as a person; returns the words consumed.
     */
    private int titledName(List<TagText.Token> tokens, int at, boolean headline, Map<String, Mention> mentions,
                           int position) {
        if (!TITLES.contains(tokens.get(at).key())) return 0;
        int start = at + 1;
        // "केंद्रीय मंत्री अमित शाह": the gazetteer takes the name at the next step.
        if (start < tokens.size() && gazetteer.find(tokens, start).isPresent()) return 1;
        int end = start;
        boolean latin = start < tokens.size() && !TagText.devanagari(tokens.get(start).surface());
        while (end < tokens.size() && end - start < 3) {
            TagText.Token t = tokens.get(end);
            if (!t.joined() || TITLES.contains(t.key()) || Character.isDigit(t.surface().codePointAt(0))) break;
            if (latin ? !TagText.capitalizedLatin(t.surface()) : (POSTPOSITIONS.contains(t.key()) || NOT_NAMES.contains(t.key()))) break;
            end++;
        }
        if (end == start) return 1;
        if (!latin && !(end < tokens.size() && POSTPOSITIONS.contains(tokens.get(end).key()))) return 1;
        StringBuilder name = new StringBuilder();
        for (int k = start; k < end; k++) name.append(k > start ? " " : "").append(tokens.get(k).surface());
        String n = name.toString();
        Tag tag = gazetteer.lookup(n).map(Entity::tag).orElseGet(() -> new Tag(slugger.slug(n), n));
        note(tag, headline, mentions, position + 1);
        return end - at;
    }

    private static void note(Tag tag, boolean headline, Map<String, Mention> mentions, int position) {
        Mention m = mentions.computeIfAbsent(tag.slug(), s -> new Mention(tag, position));
        m.count++;
        m.inHeadline |= headline;
    }
}
