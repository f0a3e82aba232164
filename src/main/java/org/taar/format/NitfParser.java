package org.taar.format;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.taar.item.PubStatus;
import org.taar.item.NewsItem;
import org.taar.item.Place;
import org.taar.item.Subject;

/**
 * Reads IPTC NITF 3.x ({@code <nitf>}, with or without the NITF namespace): one story per
 * document. The body's headline (hl1) wins over head/title, which is often a file name. Its
 * pictures, video and audio ({@code media}) are the item's media (see {@link NitfMedia}).
 * NewsML-G2 and NewsML 1.2 carry NITF inside them and use {@link #fill} for it.
 */
public final class NitfParser implements FormatParser {
    public static final String NAME = "nitf";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean accepts(byte[] content) {
        return XmlSniff.root(content).map(r -> r.name().equals("nitf")).orElse(false);
    }

    @Override
    public ParseResult parse(byte[] content, ParseContext ctx) throws ParseException {
        List<String> warnings = new ArrayList<>();
        NewsXml.Element root = NewsXml.read(content, warnings);
        if (!root.name.equals("nitf")) throw new ParseException("not NITF: the root element is <" + root.name + ">");
        NewsItem.Builder b = NewsItem.builder();
        fill(root, b);
        if (!StandInHeadline.fill(b, "nitf")) {
            warnings.add("nitf: no headline (hl1 or title) and nothing to stand in for it; item dropped");
            return new ParseResult(NAME, List.of(), warnings);
        }
        if (b.firstCreated == null && ctx != null) b.firstCreated = ctx.receivedAt();
        if (b.uri == null) {
            b.uri = Text.derivedUri(ctx == null ? null : ctx.source(), b.headline,
                    b.firstCreated == null ? null : b.firstCreated.toString());
            b.warn("no doc-id; derived uri " + b.uri);
        }
        MediaFields.scopeParts(b);
        return new ParseResult(NAME, List.of(b.build()), warnings);
    }

    /** Fills from an {@code <nitf>} element whatever the builder does not have yet. */
    static void fill(NewsXml.Element nitf, NewsItem.Builder b) {
        NewsXml.Element head = nitf.child("head");
        NewsXml.Element body = nitf.child("body");
        NewsXml.Element bodyHead = body == null ? null : body.child("body.head");
        if (b.language == null) {
            // xml:lang on body or nitf (lang() looks up the tree), else NITF's own baselang attribute.
            String lang = body != null ? body.lang() : nitf.lang();
            b.language = lang != null ? lang : nitf.attr("baselang");
        }
        String byline = null;
        if (bodyHead != null) {
            NewsXml.Element hedline = bodyHead.child("hedline");
            if (hedline != null) {
                if (b.headline == null) b.headline = hedline.childText("hl1");
                if (b.subheadline == null) b.subheadline = hedline.childText("hl2");
            }
            NewsXml.Element bylineElement = bodyHead.child("byline");
            // byttl is the writer's title ("AP Writer"), not part of the name.
            if (bylineElement != null) byline = bylineElement.textWithout("byttl");
            if (b.summary == null) b.summary = bodyHead.childText("abstract");
            NewsXml.Element dateline = bodyHead.child("dateline");
            if (dateline != null) {
                located(dateline, b);
                NewsXml.Element storyDate = dateline.child("story.date");
                if (storyDate != null && b.contentCreated == null) {
                    b.contentCreated = date(storyDate.attr("norm"), b, "story.date");
                }
            }
            if (b.agency == null) {
                NewsXml.Element distributor = bodyHead.child("distributor");
                if (distributor != null) b.agency = NewsAgency.canonical(distributor.text());
            }
        }
        if (head != null) {
            if (b.headline == null) b.headline = head.childText("title");
            docdata(head.child("docdata"), b);
            subjects(head.children("tobject"), b);
        }
        if (b.byline == null) b.byline = Bylines.writer(byline, agencies(nitf, b.agency));
        Set<NewsXml.Element> taken = Set.of();
        if (body != null && b.media.isEmpty()) {
            List<String> noted = new ArrayList<>();
            NitfMedia.Found media = NitfMedia.read(body.child("body.content"), noted);
            media.media().into(b, "nitf");
            noted.forEach(b::warn);
            // A picture's caption goes with the picture: left in the body too, a reader would see it twice.
            taken = media.taken();
        }
        if (body != null && b.bodyHtml == null) {
            NewsXml.Element content = body.child("body.content");
            StringBuilder html = new StringBuilder();
            if (content != null) html.append(content.innerXmlWithout(taken));
            NewsXml.Element end = body.child("body.end");
            if (end != null) {
                for (NewsXml.Element tagline : end.children("tagline")) {
                    String t = tagline.text();
                    if (t != null) html.append("<p>").append(Text.escape(t)).append("</p>");
                }
            }
            b.bodyHtml = NewsBodies.nitf(html.toString());
        }
    }

    private static void docdata(NewsXml.Element docdata, NewsItem.Builder b) {
        if (docdata == null) return;
        String status = docdata.attr("management-status");
        boolean embargoStatus = "embargoed".equalsIgnoreCase(status);
        if (status != null && !embargoStatus) {
            try {
                b.pubstatus = PubStatus.parse(status);
            } catch (IllegalArgumentException e) {
                b.pubstatus = PubStatus.WITHHELD;
                b.warn("unknown management-status '" + status + "'; item withheld");
            }
        }
        NewsXml.Element docId = docdata.child("doc-id");
        if (docId != null) {
            String id = docId.attr("id-string");
            if (b.uri == null && id != null) b.uri = Text.uriFor(id);
            if (b.agency == null && docId.attr("regsrc") != null) b.agency = NewsAgency.canonical(docId.attr("regsrc"));
        }
        NewsXml.Element duKey = docdata.child("du-key");
        if (duKey != null) {
            if (b.uri == null && duKey.attr("key") != null) b.uri = Text.uriFor(duKey.attr("key"));
            String v = duKey.attr("version");
            if (v != null) {
                try {
                    int version = Integer.parseInt(v.strip());
                    if (version >= 0) b.version = version;
                } catch (NumberFormatException e) {
                    b.warn("du-key version '" + v + "' is not a whole number; using " + b.version);
                }
            }
        }
        NewsXml.Element urgency = docdata.child("urgency");
        if (urgency != null && b.urgency == null) {
            String u = urgency.attr("ed-urg") != null ? urgency.attr("ed-urg") : urgency.attr("urgency");
            try {
                int n = Integer.parseInt(u == null ? "" : u.strip());
                if (n >= 1 && n <= 9) b.urgency = n;
                else throw new NumberFormatException();
            } catch (NumberFormatException e) {
                b.warn("urgency '" + u + "' is not 1-9; ignored");
            }
        }
        Instant issue = null;
        NewsXml.Element dateIssue = docdata.child("date.issue");
        if (dateIssue != null) {
            issue = date(dateIssue.attr("norm"), b, "date.issue");
            // The time this version was issued; the first version's issue time is also when the story began.
            if (b.versionCreated == null) b.versionCreated = issue;
            if (b.firstCreated == null) b.firstCreated = issue;
        }
        NewsXml.Element release = docdata.child("date.release");
        if (release != null && b.embargoed == null) {
            Instant r = date(release.attr("norm"), b, "date.release");
            // A release time after the issue time is an embargo; equal or earlier means "on receipt".
            if (r != null && (issue == null || r.isAfter(issue))) b.embargoed = r;
        }
        if (embargoStatus && b.embargoed == null) {
            // Publishing too early breaks the embargo; holding the item is the safe mistake.
            b.pubstatus = PubStatus.WITHHELD;
            b.warn("embargoed without a readable date.release; item withheld");
        }
        NewsXml.Element copyright = docdata.child("doc.copyright");
        if (copyright != null && b.agency == null && copyright.attr("holder") != null) {
            b.agency = NewsAgency.canonical(copyright.attr("holder"));
        }
        if (copyright != null && b.rights == null) b.rights = rights(copyright);
        NewsXml.Element edMsg = docdata.child("ed-msg");
        if (edMsg != null && b.ednote == null) b.ednote = edMsg.attr("info");
        if (docdata.child("correction") != null) b.correction = true;
        NewsXml.Element evloc = docdata.child("evloc");
        if (evloc != null && b.located == null) {
            b.located = firstNonNull(evloc.attr("city"), evloc.text());
            if (b.places.isEmpty()) {
                if (evloc.attr("state-prov") != null) b.places.add(new Place(evloc.attr("state-prov"), Place.STATE));
                String country = firstNonNull(evloc.attr("iso-cc"), evloc.attr("country-code"));
                if (country != null) b.places.add(new Place(country, Place.COUNTRY));
            }
        }
        Set<String> tags = new LinkedHashSet<>(b.tags);
        NewsXml.Element keys = docdata.child("key-list");
        if (keys != null) {
            for (NewsXml.Element k : keys.children("keyword")) {
                String key = k.attr("key");
                if (key != null) tags.add(key.strip());
            }
        }
        NewsXml.Element identified = docdata.child("identified-content");
        if (identified != null) {
            for (NewsXml.Element loc : identified.children("location")) {
                String place = loc.text();
                if (place != null && b.located == null) b.located = place;
            }
            for (NewsXml.Element c : identified.children("classifier")) {
                String value = c.attr("value");
                if (value != null) tags.add(value);
            }
        }
        b.tags = new ArrayList<>(tags);
    }

    /**
     * The dateline's place: location's city (or its text when it has no parts) as located, its state,
     * region and country as places; a dateline without a location gives the place its text names.
     */
    private static void located(NewsXml.Element dateline, NewsItem.Builder b) {
        if (b.located != null) return;
        NewsXml.Element location = dateline.child("location");
        if (location == null) {
            b.located = Datelines.place(dateline.textWithout("story.date"));
            return;
        }
        if (location.children().isEmpty()) {
            b.located = location.text();
            return;
        }
        b.located = firstNonNull(location.childText("city"), location.childText("sublocation"));
        List<Place> places = new ArrayList<>();
        for (String part : List.of("state", "region")) {
            String name = location.childText(part);
            if (name != null) places.add(new Place(name, Place.STATE));
        }
        String country = location.childText("country");
        if (country != null) places.add(new Place(country, Place.COUNTRY));
        if (b.located == null && !places.isEmpty()) b.located = places.remove(0).name();
        if (b.places.isEmpty()) b.places.addAll(places);
    }

    /** tobject.subject: the refnum as written is the code, the most specific of detail, matter and type the name. */
    private static void subjects(List<NewsXml.Element> tobjects, NewsItem.Builder b) {
        Set<String> tags = new LinkedHashSet<>(b.tags);
        for (NewsXml.Element tobject : tobjects) {
            for (NewsXml.Element s : tobject.children("tobject.subject")) {
                String name = firstNonNull(s.attr("tobject.subject.detail"), s.attr("tobject.subject.matter"),
                        s.attr("tobject.subject.type"));
                String code = s.attr("tobject.subject.refnum");
                if (code == null && s.attr("tobject.subject.code") != null) code = s.attr("tobject.subject.code");
                if (code != null) {
                    Subject subject = new Subject(name, code);
                    if (!b.subjects.contains(subject)) b.subjects.add(subject);
                } else if (name != null) {
                    tags.add(name);
                }
            }
        }
        b.tags = new ArrayList<>(tags);
    }

    /** The names the document gives its own agency: distributor, doc-id's registering source, copyright holder. */
    private static String[] agencies(NewsXml.Element nitf, String agency) {
        NewsXml.Element docdata = nitf.path("head", "docdata");
        NewsXml.Element distributor = nitf.path("body", "body.head", "distributor");
        return new String[] {agency, distributor == null ? null : distributor.text(),
                docdata == null ? null : attr(docdata.child("doc-id"), "regsrc"),
                docdata == null ? null : attr(docdata.child("doc.copyright"), "holder")};
    }

    /** doc.copyright has a holder and a year, not a notice: written as one, "© 2021 NTB". */
    private static String rights(NewsXml.Element copyright) {
        String holder = copyright.attr("holder");
        if (holder == null) return null;
        String year = copyright.attr("year");
        return "© " + (year == null ? "" : year + " ") + holder;
    }

    private static String attr(NewsXml.Element e, String name) {
        return e == null ? null : e.attr(name);
    }

    private static Instant date(String value, NewsItem.Builder b, String what) {
        if (value == null) return null;
        Optional<Instant> t = Dates.parse(value, Text.KOLKATA);
        if (t.isEmpty()) b.warn(what + " '" + value + "' is not a readable date; ignored");
        return t.orElse(null);
    }

    private static String firstNonNull(String... values) {
        for (String v : values) if (v != null) return v;
        return null;
    }
}
