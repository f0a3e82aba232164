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
        return root.isPresent() && root.get().is("feed")
                && (root.get().namespace().isEmpty() || FeedXml.isAtom(root.get().namespace()));
    }

    private static final class Feed {
        String base;
        String language;
        String link;
        String rawLink;
        String self;
        /** The feed's rights and authors, which entries without their own inherit (RFC 4287 4.2.10, 4.1.1). */
        String rights;
        String author;
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
                    e.rights(feed.rights);
                    e.inheritByline(feed.author);
                    out.emit(e, feed.language);
                } else if (name.equals("link")) {
                    String rel = attr(c, "rel");
                    if ((rel == null || rel.equals("alternate")) && feed.rawLink == null) {
                        feed.rawLink = Text.blankToNull(attr(c, "href"));
                    } else if ("self".equals(rel) && feed.self == null) {
                        feed.self = HtmlContent.absoluteUrl(feed.base, attr(c, "href"));
                    }
                    Stax.skip(c);
                } else if (name.equals("rights") || name.equals("copyright")) {
                    FeedEntry holder = new FeedEntry();
                    Construct t = construct(c, holder);
                    if (feed.rights == null) feed.rights = t.isText() ? t.value() : HtmlContent.text(t.value());
                } else if (name.equals("author")) {
                    String a = author(c);
                    if (feed.author == null) feed.author = a;
                } else {
                    Stax.skip(c);
                }
            });
        });
    }

    /** An author's name; its e-mail address when it gives no name; its text when it has no child elements. */
    private static String author(XMLStreamReader c) throws XMLStreamException {
        String[] parts = new String[3]; // name, email, loose text
        StringBuilder loose = new StringBuilder();
        while (c.hasNext()) {
            int ev = c.next();
            if (ev == javax.xml.stream.XMLStreamConstants.START_ELEMENT) {
                String n = c.getLocalName();
                String v = Stax.text(c);
                if (n.equals("name") && parts[0] == null) parts[0] = Text.blankToNull(v);
                else if (n.equals("email") && parts[1] == null) parts[1] = Text.blankToNull(v);
            } else if (ev == javax.xml.stream.XMLStreamConstants.CHARACTERS || ev == javax.xml.stream.XMLStreamConstants.CDATA) {
                loose.append(c.getText());
            } else if (ev == javax.xml.stream.XMLStreamConstants.END_ELEMENT) {
                break;
            }
        }
        if (parts[0] != null) return RssParser.author(parts[0]);
        String text = RssParser.author(loose.toString());
        return text != null ? text : parts[1];
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
        String[] sourceAuthor = new String[1];
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
                        if (t.value() != null && !t.value().isBlank()) {
                            // The summary is the description; a media:description read before it is the other one.
                            if (e.description != null && e.otherDescription == null) {
                                e.otherDescription = e.description;
                                e.otherDescriptionIsText = e.descriptionIsText;
                            }
                            e.description = t.value();
                            e.descriptionIsText = t.isText();
                        }
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
                        String a = author(c);
                        if (a != null) e.byline = e.byline == null ? a : e.byline + ", " + a;
                    }
                    case "rights", "copyright" -> {
                        Construct t = construct(c, e);
                        e.rights(t.isText() ? t.value() : HtmlContent.text(t.value()));
                    }
                    case "source" -> source(c, e, sourceAuthor);
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
                        } else if (href != null && "enclosure".equals(rel)) {
                            if (!e.media.addOne(href, type, attr(c, "length"), attr(c, "title")) && e.enclosureUrl == null) {
                                e.enclosureUrl = href;
                            }
                        }
                        Stax.skip(c);
                    }
                    default -> Stax.skip(c);
                }
            } else if (FeedXml.isDc(ns) || FeedXml.DCTERMS.equals(ns)) {
                switch (name) {
                    case "creator", "author" -> e.byline(Stax.text(c));
                    case "subject" -> e.tag(Stax.text(c));
                    case "date", "created", "issued" -> e.created("dc:" + name, Stax.text(c));
                    case "modified" -> e.modified("dcterms:modified", Stax.text(c));
                    case "language" -> e.language = Text.blankToNull(Stax.text(c));
                    case "rights" -> e.rights(Stax.text(c));
                    default -> Stax.skip(c);
                }
            } else if (FeedXml.isMedia(ns)) {
                FeedMedia.read(c, e);
            } else if (FeedXml.isItunes(ns)) {
                FeedXml.itunes(c, e);
            } else {
                Stax.skip(c);
            }
        });
        // The entry's source feed speaks for the entry where the entry is silent (RFC 4287 4.2.11).
        if (e.byline == null) e.byline = sourceAuthor[0];
        e.link = links[0] != null ? links[0] : links[1];
        return e;
    }

    /** The entry's source element: its first author, and its rights, for an entry without its own. */
    private static void source(XMLStreamReader r, FeedEntry e, String[] sourceAuthor) throws XMLStreamException {
        FeedXml.children(r, c -> {
            if (!isAtom(ns(c))) {
                Stax.skip(c);
            } else if (c.getLocalName().equals("author")) {
                String a = author(c);
                if (sourceAuthor[0] == null) sourceAuthor[0] = a;
            } else if (c.getLocalName().equals("rights")) {
                Construct t = construct(c, new FeedEntry());
                e.rights(t.isText() ? t.value() : HtmlContent.text(t.value()));
            } else {
                Stax.skip(c);
            }
        });
    }

    /**
     * Reads a text construct. Atom 1.0: type text (the default), html, xhtml, or a MIME type: an
     * XML type holds markup, a text/ type text, and any other is base64 (RFC 4287 4.1.3.3). Atom 0.3:
     * type is a MIME type (default text/plain) and mode says how it is carried: xml (the default),
     * escaped or base64. An empty or unknown type is read as feedparser reads it: base64 when it
     * decodes to text, else the text as written.
     */
    private static Construct construct(XMLStreamReader r, FeedEntry e) throws XMLStreamException {
        String type = mediaType(attr(r, "type"));
        String mode = FeedXml.lower(attr(r, "mode"));
        String src = Text.blankToNull(attr(r, "src"));
        if (src != null) {
            Stax.skip(r);
            return new Construct(null, false, src);
        }
        boolean html = type != null && (type.equals("html") || type.equals("text/html"));
        boolean xhtml = type != null && (type.equals("xhtml") || type.contains("xhtml"));
        boolean xml = type != null && (type.endsWith("+xml") || type.endsWith("/xml"));
        boolean text = type == null || type.equals("text") || type.equals("text/plain") || type.startsWith("text/") && !html;
        if ("base64".equals(mode)) {
            String decoded = base64(Stax.text(r), e, true);
            return decoded == null ? new Construct(null, false, null) : new Construct(decoded, text && !HtmlContent.looksLikeHtml(decoded), null);
        }
        if ("escaped".equals(mode)) {
            String v = Stax.text(r);
            return new Construct(v, text && !html && !xhtml, null);
        }
        if (html) return new Construct(FeedXml.mixed(r), false, null);
        if (xhtml || xml) return new Construct(Stax.innerXml(r), false, null);
        if (text) {
            // Plain text, unless a 0.3 feed wrote markup inline anyway.
            String v = FeedXml.mixed(r);
            return new Construct(v, !HtmlContent.looksLikeHtml(v) || "text".equals(type), null);
        }
        // A media type that is neither text nor XML: base64 by the specification; kept as written when it is not.
        String v = FeedXml.mixed(r);
        String decoded = base64(v, e, false);
        if (decoded != null) return new Construct(decoded, !HtmlContent.looksLikeHtml(decoded), null);
        if (type.contains("/") && !type.startsWith("application/octet-stream") && looksLikeBase64(v)) {
            e.warnings.add("content of type " + type + " is not text; left out");
            return new Construct(null, false, null);
        }
        return new Construct(v, !HtmlContent.looksLikeHtml(v), null);
    }

    /** The type attribute as a lower-case media type without parameters; null when absent or empty. */
    private static String mediaType(String type) {
        String t = FeedXml.lower(type);
        if (t == null) return null;
        int semi = t.indexOf(';');
        if (semi >= 0) t = t.substring(0, semi).strip();
        return t.isEmpty() ? null : t;
    }

    private static boolean looksLikeBase64(String v) {
        String t = v.replaceAll("\\s+", "");
        return t.length() >= 4 && t.length() % 4 == 0 && t.matches("[A-Za-z0-9+/]+={0,2}");
    }

    /**
     * Base64 decoded to text: UTF-8 without control characters. Null when it is not; with a warning
     * when base64 was declared (mode="base64"), silently when it was only a guess from the type.
     */
    private static String base64(String value, FeedEntry e, boolean declared) {
        if (value == null || value.isBlank()) return null;
        String v = value.strip();
        if (!declared && !looksLikeBase64(v)) return null;
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(v);
        } catch (IllegalArgumentException x) {
            if (declared) e.warnings.add("base64 content unreadable; left out");
            return null;
        }
        if (Text.invalidUtf8Offset(bytes) >= 0 || Text.containsNul(bytes) || hasControls(bytes)) {
            if (declared) e.warnings.add("base64 content is not UTF-8 text; left out");
            return null;
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static boolean hasControls(byte[] b) {
        for (byte x : b) if (x >= 0 && x < 0x20 && x != '\n' && x != '\r' && x != '\t') return true;
        return false;
    }
}
