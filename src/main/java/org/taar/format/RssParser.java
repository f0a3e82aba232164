package org.taar.format;

import static org.taar.format.FeedXml.attr;
import static org.taar.format.FeedXml.ns;

import java.util.function.Consumer;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
        String rights;
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
            boolean rss = FeedXml.isRss(ns);
            if (name.equals("item")) {
                out.emit(item(c, ch), ch.language);
            } else if (name.equals("link") && rss && ch.link == null) {
                ch.link = HtmlContent.absoluteUrl(ch.base, Stax.text(c));
            } else if (name.equals("language") && (rss || FeedXml.isDc(ns))) {
                String lang = Text.blankToNull(Stax.text(c));
                if (lang != null) ch.language = lang;
            } else if ((name.equals("copyright") && rss) || (name.equals("rights")
                    && (FeedXml.isDc(ns) || FeedXml.DCTERMS.equals(ns) || FeedXml.isAtom(ns)))) {
                String rights = Text.blankToNull(FeedXml.mixed(c));
                if (ch.rights == null) ch.rights = rights;
            } else {
                Stax.skip(c);
            }
        });
    }

    private static FeedEntry item(XMLStreamReader r, Channel ch) throws XMLStreamException {
        FeedEntry e = new FeedEntry();
        e.base = HtmlContent.resolveBase(ch.base, FeedXml.xmlBase(r));
        e.language = FeedXml.xmlLang(r);
        e.feedLink = ch.link;
        // RSS 1.0 names each item by its rdf:about, the item's URI.
        String about = Text.blankToNull(r.getAttributeValue(FeedXml.RDF, "about"));
        String[] permaLink = new String[1];
        FeedXml.children(r, c -> {
            String name = c.getLocalName();
            String ns = ns(c);
            if (FeedXml.isRss(ns)) {
                rssElement(c, name, e, permaLink);
            } else if (ns.equals(FeedXml.CONTENT) && name.equals("encoded")) {
                e.content = FeedXml.mixed(c);
            } else if (FeedXml.isDc(ns) || ns.equals(FeedXml.DCTERMS)) {
                dublinCore(c, name, e);
            } else if (FeedXml.isAtom(ns)) {
                atomElement(c, name, e);
            } else if (FeedXml.isMedia(ns)) {
                FeedMedia.read(c, e);
            } else if (FeedXml.isItunes(ns)) {
                FeedXml.itunes(c, e);
            } else if (ns.equals(FeedXml.XHTML) && name.equals("body")) {
                String body = Stax.innerXml(c);
                if (e.content == null) e.content = body;
            } else {
                Stax.skip(c);
            }
        });
        if (about != null) e.id = about;
        if (e.link == null && permaLink[0] != null) e.link = permaLink[0];
        if (e.link == null && about != null && HtmlContent.absoluteUrl(null, about) != null) e.link = about;
        e.rights(ch.rights);
        return e;
    }

    private static void rssElement(XMLStreamReader c, String name, FeedEntry e, String[] permaLink) throws XMLStreamException {
        switch (name) {
            case "title" -> {
                String t = Stax.text(c);
                if (e.title == null || e.title.isBlank()) e.title = t;
            }
            case "link" -> {
                String l = Text.blankToNull(Stax.text(c));
                if (e.link == null) e.link = l;
            }
            case "guid" -> {
                String isPermaLink = attr(c, "isPermaLink");
                String id = Text.blankToNull(Stax.text(c));
                if (id != null && e.id == null) {
                    e.id = id;
                    if (!"false".equalsIgnoreCase(String.valueOf(isPermaLink).strip())) permaLink[0] = id;
                }
            }
            // RSS 0.9x feeds and some generators write <summary> or <abstract> beside (or instead of) <description>.
            case "description", "summary", "abstract" -> e.description(FeedXml.mixed(c), false);
            case "author", "creator" -> e.byline(Stax.text(c));
            case "category" -> e.tag(Stax.text(c));
            case "pubDate", "pubdate", "date" -> e.created(name, Stax.text(c));
            case "copyright", "rights" -> e.rights(FeedXml.mixed(c));
            case "enclosure" -> {
                String url = attr(c, "url");
                if (!e.media.addOne(url, attr(c, "type"), attr(c, "length"), null) && e.enclosureUrl == null) {
                    e.enclosureUrl = Text.blankToNull(url);
                }
                Stax.skip(c);
            }
            default -> Stax.skip(c);
        }
    }

    private static void dublinCore(XMLStreamReader c, String name, FeedEntry e) throws XMLStreamException {
        switch (name) {
            case "title" -> {
                String t = Stax.text(c);
                if (e.title == null || e.title.isBlank()) e.title = t;
            }
            case "creator", "author", "contributor" -> e.byline(Stax.text(c));
            case "subject" -> e.tag(Stax.text(c));
            case "date", "created", "issued" -> e.created("dc:" + name, Stax.text(c));
            case "modified" -> e.modified("dcterms:modified", Stax.text(c));
            case "language" -> e.language = Text.blankToNull(Stax.text(c));
            case "description", "abstract" -> e.description(FeedXml.mixed(c), false);
            case "rights" -> e.rights(Stax.text(c));
            case "identifier" -> {
                // Only a fallback: an RSS 1.0 item's own identity is its rdf:about, which wins below.
                String id = Text.blankToNull(Stax.text(c));
                if (e.id == null) e.id = id;
            }
            default -> Stax.skip(c);
        }
    }

    private static void atomElement(XMLStreamReader c, String name, FeedEntry e) throws XMLStreamException {
        switch (name) {
            case "updated", "modified" -> e.modified("atom:" + name, Stax.text(c));
            case "published", "issued", "created" -> e.created("atom:" + name, Stax.text(c));
            case "id" -> {
                String id = Text.blankToNull(Stax.text(c));
                if (e.id == null) e.id = id;
            }
            case "link" -> {
                String rel = FeedXml.lower(attr(c, "rel"));
                if ((rel == null || rel.equals("alternate")) && e.link == null) e.link = Text.blankToNull(attr(c, "href"));
                Stax.skip(c);
            }
            case "author" -> {
                String[] author = new String[1];
                FeedXml.children(c, a -> {
                    if (a.getLocalName().equals("name") && author[0] == null) author[0] = Stax.text(a);
                    else Stax.skip(a);
                });
                e.byline(author[0]);
            }
            case "category" -> {
                String label = attr(c, "label");
                e.tag(label != null && !label.isBlank() ? label : attr(c, "term"));
                Stax.skip(c);
            }
            case "rights" -> e.rights(FeedXml.mixed(c));
            case "summary" -> e.description(FeedXml.mixed(c), false);
            case "content" -> {
                String body = FeedXml.mixed(c);
                if (e.content == null) e.content = Text.blankToNull(body);
            }
            default -> Stax.skip(c);
        }
    }

    /** An e-mail address as authors write it: bare, after mailto:, or in angle brackets or parentheses. */
    private static final Pattern EMAIL = Pattern.compile(
            "[<(\\[]?\\s*(?:mailto:)?[\\w.+'-]+@[\\w-]+(?:\\.[\\w-]+)+\\s*[>)\\]]?", Pattern.CASE_INSENSITIVE);

    /**
     * The byline in an author field. RSS 2.0 authors are e-mail addresses, usually with the name
     * beside them: "jo@example.com (Jo Writer)", "Jo Writer (jo@example.com)", "Jo Writer
     * &lt;jo@example.com&gt;"; the name is the byline. An address alone is kept as it is.
     */
    static String author(String value) {
        String v = Text.blankToNull(value);
        if (v == null) return null;
        Matcher m = EMAIL.matcher(v);
        if (!m.find()) return v.replaceAll("\\s+", " ");
        String address = m.group().replaceAll("^[<(\\[]\\s*|\\s*[>)\\]]$", "").replaceFirst("(?i)^mailto:", "");
        String rest = EMAIL.matcher(v).replaceAll(" ").strip();
        rest = rest.replaceAll("^[(\\[<\"'\\s,;:-]+|[)\\]>\"'\\s,;:-]+$", "").replaceAll("\\s+", " ");
        return rest.isEmpty() ? address : rest;
    }
}
