package org.taar.format;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.taar.item.PubStatus;
import org.taar.item.NewsItem;
import org.taar.item.Subject;

/**
 * Reads IPTC NewsML 1.x ({@code <NewsML>}): each NewsItem becomes one item. A NewsML 1 story is
 * a tree of NewsComponents; the news lines (headline, dateline...) are taken from the shallowest
 * component that has them, and the body from the component whose Role is Body (or, lacking
 * roles, the first text content), never from photo, logo, contact or stylesheet components.
 */
public final class NewsmlParser implements FormatParser {
    public static final String NAME = "newsml";

    /** Component roles whose lines and content are not the story's own (captions, contacts, styling). */
    private static final Set<String> NOT_STORY = Set.of("photo", "picture", "image", "logo", "video", "audio",
            "graphic", "stylesheet", "contact", "caption", "headline", "subheadline", "byline", "dateline");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean accepts(byte[] content) {
        return XmlSniff.root(content).map(r -> r.name().equals("NewsML")).orElse(false);
    }

    @Override
    public ParseResult parse(byte[] content, ParseContext ctx) throws ParseException {
        List<String> warnings = new ArrayList<>();
        NewsXml.Element root = NewsXml.read(content, warnings);
        if (!root.name.equals("NewsML")) throw new ParseException("not NewsML 1.x: the root element is <" + root.name + ">");
        String envelopeAgency = root.path("NewsEnvelope", "SentFrom", "Party") == null ? null
                : root.path("NewsEnvelope", "SentFrom", "Party").attr("FormalName");
        List<NewsXml.Element> newsItems = root.children("NewsItem");
        if (newsItems.isEmpty()) warnings.add("NewsML: no NewsItem");
        List<NewsItem> items = new ArrayList<>();
        for (int i = 0; i < newsItems.size(); i++) {
            String label = "NewsItem " + (i + 1);
            NewsItem.Builder b = NewsItem.builder();
            read(newsItems.get(i), b, label);
            if (b.agency == null && envelopeAgency != null) b.agency = NewsAgency.canonical(envelopeAgency);
            if (b.urgency == null) b.urgency = urgency(root.path("NewsEnvelope", "Priority"));
            b.byline = Bylines.writer(b.byline, b.agency, envelopeAgency);
            if (b.headline == null && b.pubstatus == PubStatus.CANCELED && b.uri != null) {
                b.headline = b.slugline != null ? b.slugline : b.uri;
                b.warn(label + ": canceled item without a headline; kept so that the kill reaches the story");
            }
            if (!StandInHeadline.fill(b, label)) {
                warnings.add(label + ": no headline and nothing to stand in for it; item dropped");
                continue;
            }
            if (b.firstCreated == null && ctx != null) b.firstCreated = ctx.receivedAt();
            if (b.uri == null) {
                b.uri = Text.derivedUri(ctx == null ? null : ctx.source(), b.headline,
                        b.firstCreated == null ? null : b.firstCreated.toString());
                b.warn(label + ": no NewsIdentifier; derived uri " + b.uri);
            }
            MediaFields.scopeParts(b);
            items.add(b.build());
        }
        return new ParseResult(NAME, items, warnings);
    }

    private static void read(NewsXml.Element item, NewsItem.Builder b, String label) {
        identification(item.path("Identification", "NewsIdentifier"), b, label);
        management(item.child("NewsManagement"), b, label);
        NewsXml.Element top = item.child("NewsComponent");
        if (top == null) return;
        // Breadth first: the shallowest story component's lines are the item's own.
        Deque<NewsXml.Element> queue = new ArrayDeque<>();
        queue.add(top);
        List<NewsXml.Element> story = new ArrayList<>();
        while (!queue.isEmpty()) {
            NewsXml.Element c = queue.poll();
            if (NOT_STORY.contains(role(c))) continue;
            story.add(c);
            queue.addAll(c.children("NewsComponent"));
        }
        if (b.language == null) b.language = item.attr("xml:lang");
        Set<String> tags = new LinkedHashSet<>();
        String dateline = null;
        for (NewsXml.Element c : story) {
            NewsXml.Element lines = c.child("NewsLines");
            if (lines != null) {
                if (b.headline == null) b.headline = lines.childText("HeadLine");
                if (b.subheadline == null) b.subheadline = lines.childText("SubHeadLine");
                // A CreditLine credits a source; it does not name the writer.
                if (b.byline == null) b.byline = lines.childText("ByLine");
                if (dateline == null) dateline = lines.childText("DateLine");
                if (b.slugline == null) b.slugline = lines.childText("SlugLine");
                if (b.rights == null) b.rights = lines.childText("CopyrightLine");
            }
            descriptive(c.child("DescriptiveMetadata"), b, tags);
            for (NewsXml.Element metadata : c.children("Metadata")) {
                for (NewsXml.Element p : metadata.children("Property")) {
                    String name = lower(p.attr("FormalName"));
                    if (name != null && name.contains("keyword") && p.attr("Value") != null) tags.add(p.attr("Value"));
                }
            }
            if (b.agency == null) {
                NewsXml.Element provider = c.path("AdministrativeMetadata", "Provider", "Party");
                if (provider != null) b.agency = NewsAgency.canonical(provider.attr("FormalName"));
            }
            NewsXml.Element creator = c.path("AdministrativeMetadata", "Creator", "Party");
            if (b.byline == null && creator != null) b.byline = creator.attr("FormalName");
            if (b.rights == null) b.rights = NewsmlRights.of(c.child("RightsMetadata"));
        }
        b.tags = new ArrayList<>(tags);
        // The dateline is "Gaza City, Palestinian Territories, May 16, 2021 (AFP) -": its place, never its date.
        if (b.located == null) b.located = Datelines.place(dateline);
        body(story, b, label, dateline);
    }

    private static void identification(NewsXml.Element id, NewsItem.Builder b, String label) {
        if (id == null) return;
        String provider = id.childText("ProviderId");
        String dateId = id.childText("DateId");
        String itemId = id.childText("NewsItemId");
        String revision = id.childText("RevisionId");
        String publicId = id.childText("PublicIdentifier");
        // The PublicIdentifier ends in the revision; the story's identity is what comes before it.
        if (provider != null && dateId != null && itemId != null) {
            b.uri = Text.uriFor("urn:newsml:" + provider + ":" + dateId + ":" + itemId);
        } else if (publicId != null) {
            String stable = publicId.replaceFirst(":\\d+[NU]?$", "");
            b.uri = Text.uriFor(stable);
        } else if (itemId != null) {
            b.uri = Text.uriFor((provider == null ? "" : provider + ":") + itemId);
        }
        if (revision != null) {
            try {
                b.version = Integer.parseInt(revision);
                if (b.version < 0) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                b.version = 1;
                b.warn(label + ": RevisionId '" + revision + "' is not a whole number; using 1");
            }
        }
        if (b.agency == null && provider != null && !provider.contains(".")) b.agency = NewsAgency.canonical(provider);
    }

    private static void management(NewsXml.Element m, NewsItem.Builder b, String label) {
        if (m == null) return;
        b.firstCreated = date(m.childText("FirstCreated"), b, label, "FirstCreated");
        b.versionCreated = date(m.childText("ThisRevisionCreated"), b, label, "ThisRevisionCreated");
        NewsXml.Element urgency = m.child("Urgency");
        b.urgency = urgency(urgency);
        if (b.urgency == null && urgency != null && urgency.attr("FormalName") != null) {
            b.warn(label + ": Urgency '" + urgency.attr("FormalName") + "' is not 1-9; ignored");
        }
        String status = m.child("Status") == null ? null : m.child("Status").attr("FormalName");
        if (status != null) {
            if (status.equalsIgnoreCase("Embargoed")) {
                NewsXml.Element willChange = m.child("StatusWillChange");
                String when = willChange == null ? null : willChange.childText("DateAndTime");
                b.embargoed = date(when, b, label, "StatusWillChange");
                if (b.embargoed == null) {
                    b.pubstatus = PubStatus.WITHHELD;
                    b.warn(label + ": embargoed without a readable release time; item withheld");
                }
            } else {
                try {
                    b.pubstatus = PubStatus.parse(status);
                } catch (IllegalArgumentException e) {
                    b.pubstatus = PubStatus.WITHHELD;
                    b.warn(label + ": unknown Status '" + status + "'; item withheld");
                }
            }
        }
        for (NewsXml.Element instruction : m.children("Instruction")) {
            String what = lower(instruction.attr("FormalName"));
            if (what == null) continue;
            if (what.contains("rectify") || what.contains("correct")) {
                b.correction = true;
            } else if (what.contains("kill") || what.contains("cancel") || what.contains("delete")) {
                b.pubstatus = PubStatus.CANCELED;
            }
        }
    }

    private static void descriptive(NewsXml.Element d, NewsItem.Builder b, Set<String> tags) {
        if (d == null) return;
        if (b.language == null && d.child("Language") != null) b.language = d.child("Language").attr("FormalName");
        for (NewsXml.Element p : d.children("Property")) {
            String name = lower(p.attr("FormalName"));
            if (name != null && (name.contains("keyword") || name.equals("topic")) && p.attr("Value") != null) {
                tags.add(p.attr("Value"));
            }
        }
        if (b.located == null) NewsmlRights.location(d.children("Location"), b);
        for (NewsXml.Element code : d.children("SubjectCode")) {
            for (NewsXml.Element s : code.children()) {
                String formal = s.attr("FormalName");
                if (formal == null || !s.name.startsWith("Subject")) continue;
                Subject subject = new Subject(null, formal);
                if (!b.subjects.contains(subject)) b.subjects.add(subject);
            }
        }
        if (b.contentCreated == null && d.childText("DateLineDate") != null) {
            b.contentCreated = date(d.childText("DateLineDate"), b, "DescriptiveMetadata", "DateLineDate");
        }
    }

    /** The story text: the Body component's content, else the first text content of a story component. */
    private static void body(List<NewsXml.Element> story, NewsItem.Builder b, String label, String dateline) {
        NewsXml.Element chosen = null;
        for (NewsXml.Element c : story) {
            if (!"body".equals(role(c)) && !"main".equals(role(c))) continue;
            chosen = textContent(c);
            if (chosen != null) break;
        }
        if (chosen == null) {
            for (NewsXml.Element c : story) {
                chosen = textContent(c);
                if (chosen != null) break;
            }
        }
        if (chosen == null) return;
        NewsXml.Element data = chosen.child("DataContent");
        NewsXml.Element nitf = data.child("nitf");
        NewsXml.Element html = data.child("html");
        String mime = mime(chosen);
        if (nitf != null) {
            NitfParser.fill(nitf, b);
        } else if (html != null) {
            NewsXml.Element body = html.child("body");
            b.bodyHtml = NewsBodies.xhtml(body == null ? html.innerXml() : body.innerXml());
        } else if (mime.contains("html") && !data.children().isEmpty()) {
            b.bodyHtml = NewsBodies.xhtml(data.innerXml());
        } else if (mime.contains("html")) {
            b.bodyHtml = NewsBodies.html(data.rawText());
        } else {
            b.bodyHtml = NewsBodies.plain(data.rawText());
        }
        if (b.bodyHtml == null) b.warn(label + ": body content has no text");
        else b.bodyHtml = NewsBodies.withDateline(b.bodyHtml, dateline);
    }

    /** The component's first ContentItem holding text (plain, HTML, XHTML or NITF) inline, or null. */
    private static NewsXml.Element textContent(NewsXml.Element component) {
        for (NewsXml.Element ci : component.children("ContentItem")) {
            NewsXml.Element data = ci.child("DataContent");
            if (data == null) continue;
            String mime = mime(ci);
            boolean markup = data.child("nitf") != null || data.child("html") != null;
            if (markup || mime.isEmpty() || mime.startsWith("text/plain") || mime.contains("html") || mime.contains("nitf")) {
                if (data.text() != null) return ci;
            }
        }
        return null;
    }

    private static String mime(NewsXml.Element contentItem) {
        NewsXml.Element m = contentItem.child("MimeType");
        String v = m == null ? null : m.attr("FormalName");
        return v == null ? "" : v.toLowerCase(Locale.ROOT);
    }

    private static String role(NewsXml.Element component) {
        NewsXml.Element r = component.child("Role");
        return r == null ? "" : String.valueOf(lower(r.attr("FormalName")));
    }

    /** An Urgency's or Priority's FormalName when it is 1-9; null otherwise. */
    private static Integer urgency(NewsXml.Element e) {
        String v = e == null ? null : e.attr("FormalName");
        if (v == null) return null;
        try {
            int u = Integer.parseInt(v.strip());
            return u >= 1 && u <= 9 ? u : null;
        } catch (NumberFormatException ex) {
            return null;
        }
    }

    private static Instant date(String value, NewsItem.Builder b, String label, String what) {
        if (value == null) return null;
        Optional<Instant> t = Dates.parse(value);
        if (t.isEmpty()) b.warn(label + ": " + what + " '" + value + "' is not a readable date; ignored");
        return t.orElse(null);
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
