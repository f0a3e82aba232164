package org.taar.format;

import static org.taar.format.FeedXml.attr;
import static org.taar.format.FeedXml.ns;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Consumer;
import java.util.Optional;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.taar.item.NewsItem;

/**
 * Reads Atom 1.0 and Atom 0.3 feeds (and a bare {@code <feed>} without namespace, which some
 * generators write): text constructs of type text, html and xhtml (0.3: a MIME type with mode
 * xml, escaped or base64), xml:base on feed, entry and content, Dublin Core and Media RSS.
 */
public final class AtomParser implements FormatParser {
    public static final String NAME = "atom";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean accepts(byte[] content) {
        Optional<XmlSniff.Root> root = XmlSniff.root(content);
        return root.isPresent() && root.get().is("feed", FeedXml.ATOM_10, FeedXml.ATOM_03, "");
    }

    private static final class Feed {
        String base;
        String language;
        String link;
        String rawLink;
        String self;
    }

    @Override
    public ParseResult parse(byte[] content, ParseContext ctx) throws ParseException {
        return FeedXml.collect(NAME, sink -> parse(content, ctx, sink));
    }

    /** Streams: each entry goes to the sink when its element ends, with the feed as read so far. */
    @Override
    public ParseResult parse(byte[] content, ParseContext ctx, Consumer<NewsItem> sink) throws ParseException {
        Feed feed = new Feed();
        return FeedXml.stream(NAME, content, ctx, sink, (r, out) -> {
            String root = Stax.rootName(r);
            if (root == null) throw new XMLStreamException("no XML element");
            if (!root.equals("feed")) throw new FeedXml.WrongFormat("not Atom: the root element is <" + root + ">");
            String rootNs = ns(r);
            if (!rootNs.isEmpty() && !FeedXml.isAtom(rootNs)) {
                throw new FeedXml.WrongFormat("not Atom: <feed> in namespace " + rootNs);
            }
            feed.base = HtmlContent.resolveBase(null, FeedXml.xmlBase(r));
            feed.language = FeedXml.xmlLang(r);
            FeedXml.children(r, c -> {
                String name = c.getLocalName();
                if (!isAtom(ns(c))) {
                    Stax.skip(c);
                } else if (name.equals("entry")) {
                    FeedEntry e = entry(c, feed);
                    // Without xml:base, the document's own address (its self link) is the
                    // base URI (RFC 4287 section 4.2.7); feeds give it before their entries.
                    String documentBase = feed.base != null ? feed.base : feed.self;
                    feed.link = HtmlContent.absoluteUrl(documentBase, feed.rawLink);
                    if (e.base == null) e.base = documentBase;
                    e.feedLink = feed.link != null ? feed.link : documentBase;
                    out.emit(e, feed.language);
                } else if (name.equals("link")) {
                    String rel = attr(c, "rel");
                    if ((rel == null || rel.equals("alternate")) && feed.rawLink == null) {
                        feed.rawLink = Text.blankToNull(attr(c, "href"));
                    } else if ("self".equals(rel) && feed.self == null) {
                        feed.self = HtmlContent.absoluteUrl(feed.base, attr(c, "href"));
                    }
                    Stax.skip(c);
                } else {
                    Stax.skip(c);
                }
            });
        });
    }

    /** Atom's own elements; feeds without a namespace have them in none. */
    private static boolean isAtom(String ns) {
        return ns.isEmpty() || FeedXml.isAtom(ns);
    }

    /** A text construct's value and whether it is plain text (as opposed to HTML or XHTML markup). */
    private record Construct(String value, boolean isText, String src) {}

    private static FeedEntry entry(XMLStreamReader r, Feed feed) throws XMLStreamException {
        FeedEntry e = new FeedEntry();
        e.base = HtmlContent.resolveBase(feed.base, FeedXml.xmlBase(r));
        e.language = FeedXml.xmlLang(r);
        String[] links = new String[2]; // [0] alternate text/html, [1] first alternate
        FeedXml.children(r, c -> {
            String name = c.getLocalName();
            String ns = ns(c);
            if (isAtom(ns)) {
                switch (name) {
                    case "id" -> e.id = Text.blankToNull(Stax.text(c));
                    case "title" -> {
                        Construct t = construct(c, e);
                        e.title = t.value();
                        e.titleIsText = t.isText();
                    }
                    case "summary" -> {
                        Construct t = construct(c, e);
                        e.description = t.value();
                        e.descriptionIsText = t.isText();
                    }
                    case "content" -> {
                        String contentBase = FeedXml.xmlBase(c);
                        Construct t = construct(c, e);
                        if (t.src() != null) {
                            String src = HtmlContent.absoluteUrl(e.base, t.src());
                            if (src != null && links[1] == null) links[1] = src;
                            e.warnings.add("content is out of line (src=" + FeedEntry.shorten(t.src()) + "); only the link kept");
                        } else if (t.value() != null) {
                            e.content = t.value();
                            e.contentIsText = t.isText();
                            if (contentBase != null) e.contentBase = HtmlContent.resolveBase(e.base, contentBase);
                        }
                    }
                    case "published", "issued", "created" -> e.created(name, Stax.text(c));
                    case "updated", "modified" -> e.modified(name, Stax.text(c));
                    case "author" -> {
                        String[] author = new String[1];
                        FeedXml.children(c, a -> {
                            if (a.getLocalName().equals("name") && author[0] == null) author[0] = Stax.text(a);
                            else Stax.skip(a);
                        });
                        if (author[0] != null && !author[0].isBlank()) {
                            e.byline = e.byline == null ? author[0].strip() : e.byline + ", " + author[0].strip();
                        }
                    }
                    case "category" -> {
                        String label = attr(c, "label");
                        e.tag(label != null && !label.isBlank() ? label : attr(c, "term"));
                        Stax.skip(c);
                    }
                    case "link" -> {
                        String rel = FeedXml.lower(attr(c, "rel"));
                        String type = FeedXml.lower(attr(c, "type"));
                        String href = Text.blankToNull(attr(c, "href"));
                        if (href != null && (rel == null || rel.equals("alternate"))) {
                            if (links[1] == null) links[1] = href;
                            if (links[0] == null && (type == null || type.contains("html"))) links[0] = href;
                        } else if (href != null && "enclosure".equals(rel)
                                && ((type != null && type.startsWith("image/")) || (type == null && FeedXml.looksLikeImage(href)))) {
                            e.image(href, attr(c, "title"));
                        }
                        Stax.skip(c);
                    }
                    default -> Stax.skip(c);
                }
            } else if (ns.equals(FeedXml.DC)) {
                switch (name) {
                    case "creator" -> {
                        String by = Stax.text(c);
                        if (e.byline == null) e.byline = by;
                    }
                    case "subject" -> e.tag(Stax.text(c));
                    case "date" -> e.created("dc:date", Stax.text(c));
                    case "language" -> e.language = Text.blankToNull(Stax.text(c));
                    default -> Stax.skip(c);
                }
            } else if (FeedXml.isMedia(ns)) {
                FeedXml.media(c, e);
            } else {
                Stax.skip(c);
            }
        });
        e.link = links[0] != null ? links[0] : links[1];
        return e;
    }

    /**
     * Reads a text construct. Atom 1.0: type text (default), html or xhtml. Atom 0.3: type is a
     * MIME type (default text/plain) and mode says how it is carried: xml (default), escaped or base64.
     */
    private static Construct construct(XMLStreamReader r, FeedEntry e) throws XMLStreamException {
        String type = FeedXml.lower(attr(r, "type"));
        String mode = FeedXml.lower(attr(r, "mode"));
        String src = Text.blankToNull(attr(r, "src"));
        if (src != null) {
            Stax.skip(r);
            return new Construct(null, false, src);
        }
        if (type == null || type.equals("text") || type.equals("text/plain")) {
            if ("base64".equals(mode)) return new Construct(base64(Stax.text(r), e), true, null);
            if ("escaped".equals(mode)) return new Construct(Stax.text(r), false, null);
            // Plain text, unless a 0.3 feed wrote markup inline anyway.
            String v = FeedXml.mixed(r);
            return new Construct(v, !HtmlContent.looksLikeHtml(v) || "text".equals(type), null);
        }
        if (type.equals("html") || type.equals("text/html")) {
            if ("base64".equals(mode)) return new Construct(base64(Stax.text(r), e), false, null);
            return new Construct(FeedXml.mixed(r), false, null);
        }
        if (type.equals("xhtml") || type.contains("xhtml") || type.endsWith("+xml") || type.endsWith("/xml")) {
            return new Construct(Stax.innerXml(r), false, null);
        }
        if (type.startsWith("text/")) return new Construct(Stax.text(r), true, null);
        e.warnings.add("content of type " + type + " is not text; left out");
        Stax.skip(r);
        return new Construct(null, false, null);
    }

    private static String base64(String value, FeedEntry e) {
        try {
            return new String(Base64.getMimeDecoder().decode(value.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException x) {
            e.warnings.add("base64 content unreadable; left out");
            return null;
        }
    }
}
