package org.taar.format;

import static org.taar.format.FeedXml.attr;
import static org.taar.format.FeedXml.ns;

import java.util.function.Consumer;
import java.util.Optional;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.taar.item.NewsItem;

/**
 * Reads RSS 0.90 to 2.0: the {@code <rss>} family (0.91 to 0.94, 2.0), whose items sit inside
 * {@code <channel>}, and the RDF family (0.90, 1.0), whose items are the channel's siblings; the
 * reading is the same for both. Understands the content, Dublin Core, DC terms, Atom and Media
 * RSS extensions. A feed that breaks off after some items keeps them, with a warning.
 */
public final class RssParser implements FormatParser {
    public static final String NAME = "rss";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean accepts(byte[] content) {
        Optional<XmlSniff.Root> root = XmlSniff.root(content);
        return root.isPresent() && (root.get().is("rss") || root.get().is("RDF", FeedXml.RDF));
    }

    /** What the channel says that its items inherit. */
    private static final class Channel {
        String base;
        String language;
        String link;
    }

    @Override
    public ParseResult parse(byte[] content, ParseContext ctx) throws ParseException {
        return FeedXml.collect(NAME, sink -> parse(content, ctx, sink));
    }

    /** Streams: each item goes to the sink when its element ends, with the channel as read so far. */
    @Override
    public ParseResult parse(byte[] content, ParseContext ctx, Consumer<NewsItem> sink) throws ParseException {
        Channel channel = new Channel();
        return FeedXml.stream(NAME, content, ctx, sink, (r, out) -> {
            String root = Stax.rootName(r);
            if (root == null) throw new XMLStreamException("no XML element");
            if (!root.equals("rss") && !root.equals("RDF")) {
                throw new FeedXml.WrongFormat("not RSS: the root element is <" + root + ">");
            }
            channel.base = HtmlContent.resolveBase(null, FeedXml.xmlBase(r));
            channel.language = FeedXml.xmlLang(r);
            FeedXml.children(r, c -> {
                if (c.getLocalName().equals("channel")) {
                    readChannel(c, channel, out);
                } else if (c.getLocalName().equals("item")) {
                    out.emit(item(c, channel), channel.language);
                } else {
                    Stax.skip(c);
                }
            });
        });
    }

    private static void readChannel(XMLStreamReader r, Channel ch, FeedXml.Emitter out) throws XMLStreamException {
        ch.base = HtmlContent.resolveBase(ch.base, FeedXml.xmlBase(r));
        if (FeedXml.xmlLang(r) != null) ch.language = FeedXml.xmlLang(r);
        FeedXml.children(r, c -> {
            String name = c.getLocalName();
            String ns = ns(c);
            if (name.equals("item")) {
                out.emit(item(c, ch), ch.language);
            } else if (name.equals("link") && isRss(ns) && ch.link == null) {
                ch.link = HtmlContent.absoluteUrl(ch.base, Stax.text(c));
            } else if (name.equals("language") && (isRss(ns) || FeedXml.DC.equals(ns))) {
                String lang = Text.blankToNull(Stax.text(c));
                if (lang != null) ch.language = lang;
            } else {
                Stax.skip(c);
            }
        });
    }

    /** RSS's own elements: no namespace (0.9x, 2.0) or the RSS 1.0 / 0.90 namespace. */
    private static boolean isRss(String ns) {
        return ns.isEmpty() || ns.equals(FeedXml.RSS_10) || ns.equals(FeedXml.RSS_09);
    }

    private static FeedEntry item(XMLStreamReader r, Channel ch) throws XMLStreamException {
        FeedEntry e = new FeedEntry();
        e.base = HtmlContent.resolveBase(ch.base, FeedXml.xmlBase(r));
        e.language = FeedXml.xmlLang(r);
        e.feedLink = ch.link;
        String[] permaLink = new String[1];
        FeedXml.children(r, c -> {
            String name = c.getLocalName();
            String ns = ns(c);
            if (isRss(ns)) {
                switch (name) {
                    case "title" -> e.title = Stax.text(c);
                    case "link" -> e.link = Text.blankToNull(Stax.text(c));
                    case "guid" -> {
                        String isPermaLink = attr(c, "isPermaLink");
                        e.id = Text.blankToNull(Stax.text(c));
                        if (e.id != null && !"false".equalsIgnoreCase(String.valueOf(isPermaLink).strip())) permaLink[0] = e.id;
                    }
                    case "description" -> e.description = FeedXml.mixed(c);
                    case "author" -> e.byline = author(Stax.text(c));
                    case "category" -> e.tag(Stax.text(c));
                    case "pubDate" -> e.created("pubDate", Stax.text(c));
                    case "enclosure" -> {
                        String type = FeedXml.lower(attr(c, "type"));
                        String url = attr(c, "url");
                        if ((type != null && type.startsWith("image/")) || (type == null && FeedXml.looksLikeImage(url))) {
                            e.image(url, null);
                        }
                        Stax.skip(c);
                    }
                    default -> Stax.skip(c);
                }
            } else if (ns.equals(FeedXml.CONTENT) && name.equals("encoded")) {
                e.content = FeedXml.mixed(c);
            } else if (ns.equals(FeedXml.DC)) {
                switch (name) {
                    case "title" -> {
                        String t = Stax.text(c);
                        if (e.title == null) e.title = t;
                    }
                    case "creator" -> {
                        String by = Stax.text(c);
                        if (e.byline == null || e.byline.isBlank()) e.byline = by;
                    }
                    case "subject" -> e.tag(Stax.text(c));
                    case "date" -> e.created("dc:date", Stax.text(c));
                    case "language" -> e.language = Text.blankToNull(Stax.text(c));
                    case "description" -> {
                        String d = FeedXml.mixed(c);
                        if (e.description == null) e.description = d;
                    }
                    default -> Stax.skip(c);
                }
            } else if (ns.equals(FeedXml.DCTERMS)) {
                switch (name) {
                    case "created", "issued" -> e.created("dcterms:" + name, Stax.text(c));
                    case "modified" -> e.modified("dcterms:modified", Stax.text(c));
                    default -> Stax.skip(c);
                }
            } else if (FeedXml.isAtom(ns)) {
                switch (name) {
                    case "updated" -> e.modified("atom:updated", Stax.text(c));
                    case "published" -> e.created("atom:published", Stax.text(c));
                    case "link" -> {
                        String rel = attr(c, "rel");
                        if ((rel == null || rel.equals("alternate")) && e.link == null) e.link = Text.blankToNull(attr(c, "href"));
                        Stax.skip(c);
                    }
                    default -> Stax.skip(c);
                }
            } else if (FeedXml.isMedia(ns)) {
                FeedXml.media(c, e);
            } else if (ns.equals(FeedXml.XHTML) && name.equals("body")) {
                String body = Stax.innerXml(c);
                if (e.content == null) e.content = body;
            } else {
                Stax.skip(c);
            }
        });
        if (e.link == null && permaLink[0] != null) e.link = permaLink[0];
        return e;
    }

    /** RSS 2.0 authors are e-mail addresses, often "jo@example.com (Jo Writer)": the name is the byline. */
    static String author(String value) {
        String v = Text.blankToNull(value);
        if (v == null) return null;
        int open = v.indexOf('(');
        int close = v.lastIndexOf(')');
        if (open >= 0 && close > open && v.substring(0, open).contains("@")) {
            String name = Text.blankToNull(v.substring(open + 1, close));
            if (name != null) return name;
        }
        return v;
    }
}
