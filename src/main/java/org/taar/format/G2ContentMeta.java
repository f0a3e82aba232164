package org.taar.format;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.taar.item.NewsItem;
import org.taar.item.Place;
import org.taar.item.Subject;

/**
 * A NewsML-G2 item's contentMeta (the 2.35 schema's administrative and descriptive metadata): the
 * headlines, slugline, by, descriptions, located with its broader places, urgency, dates, info
 * sources, subjects with their qcodes and keywords, each picked in the item's language when the
 * item carries several.
 */
final class G2ContentMeta {
    /** Description roles (drol:, dcrol: or none) that are a summary of the story, best first. */
    private static final List<String> SUMMARY_ROLES = List.of("summary", "abstract", "teaser", "lead", "synopsis");

    private G2ContentMeta() {}

    static void read(NewsXml.Element meta, NewsItem.Builder b, String who) {
        String lang = b.language;
        headlines(meta, b);
        b.slugline = textOf(NewsmlG2Parser.pick(meta.children("slugline"), lang));
        b.byline = textOf(NewsmlG2Parser.pick(meta.children("by"), lang));
        // A creditline credits a source ("Reuters/Pool"), it does not name the writer.
        if (b.byline == null) b.byline = creators(meta, lang);
        b.summary = summary(meta, lang);
        located(meta.child("located"), b, lang);
        urgency(meta.child("urgency"), b, who);
        b.contentCreated = date(meta.child("contentCreated"), b, who);
        Instant modified = date(meta.child("contentModified"), b, who);
        if (b.versionCreated == null) b.versionCreated = modified;
        for (NewsXml.Element source : meta.children("infoSource")) {
            b.agency = NewsmlG2Parser.agency(source);
            if (b.agency != null) break;
        }
        Set<String> tags = new LinkedHashSet<>(b.tags);
        for (NewsXml.Element subject : meta.children("subject")) {
            String name = textOf(NewsmlG2Parser.pick(subject.children("name"), lang));
            if (name == null) name = subject.attr("literal");
            String code = subject.attr("qcode") != null ? subject.attr("qcode") : subject.attr("uri");
            if (code != null) b.subjects.add(new Subject(name, code));
            // Subject names were the site's tags before their codes were kept; they stay so.
            if (name != null) tags.add(name);
        }
        for (NewsXml.Element keyword : meta.children("keyword")) {
            String k = keyword.text();
            // Only a keyword's own xml:lang sets it apart; one without is in the item's language.
            String own = keyword.attr("xml:lang");
            if (k != null && (own == null || lang == null || NewsmlG2Parser.sameLanguage(own, lang))) {
                tags.add(k);
            }
        }
        b.tags = new ArrayList<>(tags);
    }

    private static void headlines(NewsXml.Element meta, NewsItem.Builder b) {
        List<NewsXml.Element> mains = new ArrayList<>();
        List<NewsXml.Element> subs = new ArrayList<>();
        for (NewsXml.Element h : meta.children("headline")) {
            String role = lower(NewsXml.Element.code(h.attr("role")));
            if (role == null || role.equals("main") || role.equals("headline")) mains.add(h);
            else if (role.startsWith("sub") || role.equals("alternative") || role.equals("short")) subs.add(h);
        }
        if (mains.isEmpty()) {
            for (NewsXml.Element h : meta.children("headline")) if (!subs.contains(h)) mains.add(h);
        }
        b.headline = textOf(NewsmlG2Parser.pick(mains, b.language));
        b.subheadline = textOf(NewsmlG2Parser.pick(subs, b.language));
        if (b.subheadline != null && b.subheadline.equals(b.headline)) b.subheadline = null;
    }

    /** The writers among the creators: people, not organisations (a creator with a QCode or of type organisation). */
    private static String creators(NewsXml.Element meta, String lang) {
        List<String> names = new ArrayList<>();
        for (NewsXml.Element creator : meta.children("creator")) {
            String type = lower(NewsXml.Element.code(creator.attr("type")));
            if (creator.attr("qcode") != null || (type != null && type.startsWith("organi"))) continue;
            String name = textOf(NewsmlG2Parser.pick(creator.children("name"), lang));
            if (name == null) name = creator.attr("literal");
            if (name != null && !names.contains(name)) names.add(name);
        }
        return names.isEmpty() ? null : String.join(", ", names);
    }

    private static String summary(NewsXml.Element meta, String lang) {
        for (String wanted : SUMMARY_ROLES) {
            List<NewsXml.Element> found = new ArrayList<>();
            for (NewsXml.Element d : meta.children("description")) {
                if (wanted.equals(lower(NewsXml.Element.code(d.attr("role"))))) found.add(d);
            }
            String s = textOf(NewsmlG2Parser.pick(found, lang));
            if (s != null) return s;
        }
        List<NewsXml.Element> roleless = new ArrayList<>();
        for (NewsXml.Element d : meta.children("description")) if (d.attr("role") == null) roleless.add(d);
        return textOf(NewsmlG2Parser.pick(roleless, lang));
    }

    /** located's name is the dateline place; its broader places (state, country) go to places. */
    private static void located(NewsXml.Element located, NewsItem.Builder b, String lang) {
        if (located == null) return;
        b.located = textOf(NewsmlG2Parser.pick(located.children("name"), lang));
        for (NewsXml.Element broader : located.children("broader")) {
            String name = textOf(NewsmlG2Parser.pick(broader.children("name"), lang));
            String kind = placeKind(broader);
            if (name != null && kind != null) b.places.add(new Place(name, kind));
        }
    }

    /** city, state or country from a concept's type (cptype:statprov) or, lacking one, its scheme (iso3166-1a2:DE). */
    static String placeKind(NewsXml.Element concept) {
        String type = lower(NewsXml.Element.code(concept.attr("type")));
        if (type == null) {
            String qcode = concept.attr("qcode");
            int colon = qcode == null ? -1 : qcode.indexOf(':');
            type = colon < 0 ? null : qcode.substring(0, colon).toLowerCase(Locale.ROOT);
        }
        if (type == null) return null;
        if (type.startsWith("iso3166-1") || type.startsWith("countr") || type.equals("cntry")) return Place.COUNTRY;
        if (type.startsWith("iso3166-2") || type.equals("statprov") || type.startsWith("prov") || type.equals("state")) {
            return Place.STATE;
        }
        if (type.equals("city")) return Place.CITY;
        return null;
    }

    private static void urgency(NewsXml.Element urgency, NewsItem.Builder b, String who) {
        if (urgency == null) return;
        String u = urgency.text();
        try {
            int n = Integer.parseInt(u == null ? "" : u);
            if (n < 1 || n > 9) throw new NumberFormatException();
            b.urgency = n;
        } catch (NumberFormatException e) {
            b.warn(who + ": urgency '" + u + "' is not 1-9; ignored");
        }
    }

    static Instant date(NewsXml.Element e, NewsItem.Builder b, String who) {
        if (e == null) return null;
        String value = e.text();
        if (value == null) return null;
        Optional<Instant> t = Dates.parse(value, java.time.ZoneOffset.UTC);
        if (t.isEmpty()) b.warn(who + ": " + e.name + " '" + value + "' is not a readable date; ignored");
        return t.orElse(null);
    }

    private static String textOf(NewsXml.Element e) {
        return e == null ? null : e.text();
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
