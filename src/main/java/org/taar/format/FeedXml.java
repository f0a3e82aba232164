package org.taar.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.taar.item.NewsItem;
import org.taar.text.HtmlEscape;

/** Namespaces and cursor helpers the RSS and Atom parsers share. */
final class FeedXml {
    static final String XML = "http://www.w3.org/XML/1998/namespace";
    static final String ATOM_10 = "http://www.w3.org/2005/Atom";
    static final String ATOM_03 = "http://purl.org/atom/ns#";
    static final String RSS_10 = "http://purl.org/rss/1.0/";
    static final String RSS_09 = "http://my.netscape.com/rdf/simple/0.9/";
    static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
    static final String DC = "http://purl.org/dc/elements/1.1/";
    static final String DCTERMS = "http://purl.org/dc/terms/";
    static final String XHTML = "http://www.w3.org/1999/xhtml";

    static final String ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd";
    /**
     * The namespaces RSS's own elements have been put in: none (0.91-0.94, 2.0), RSS 1.0 and 0.90's,
     * and the default namespaces UserLand and Harvard once published for RSS 2.0 (feedparser reads
     * the same list as plain RSS).
     */
    private static final Set<String> RSS_NAMESPACES = Set.of(
            "http://purl.org/rss/1.0", "http://my.netscape.com/rdf/simple/0.9", "http://backend.userland.com/rss",
            "http://backend.userland.com/rss2", "http://blogs.law.harvard.edu/tech/rss",
            "http://purl.org/rss/1.0/modules/rss091#");
    /** Atom 1.0, 0.3 and the drafts before it (Echo, Pie), whose feeds still turn up in archives. */
    private static final Set<String> ATOM_NAMESPACES = Set.of(
            "http://www.w3.org/2005/atom", "http://purl.org/atom/ns#", "http://purl.org/echo", "http://purl.org/pie");

    private FeedXml() {}

    /** A namespace URI as feeds vary it: case and a trailing slash do not matter. */
    private static String key(String ns) {
        String k = ns.strip().toLowerCase(Locale.ROOT);
        return k.endsWith("/") ? k.substring(0, k.length() - 1) : k;
    }

    /** RSS's own elements: no namespace or one of the namespaces RSS versions have used. */
    static boolean isRss(String ns) {
        return ns == null || ns.isEmpty() || RSS_NAMESPACES.contains(key(ns));
    }

    static boolean isDc(String ns) {
        return ns != null && (DC.equals(ns) || key(ns).equals("http://purl.org/dc/elements/1.0"));
    }

    static boolean isItunes(String ns) {
        return ns != null && key(ns).equals(ITUNES);
    }

    /** Media RSS, under both spellings feeds use (with and without the trailing slash). */
    static boolean isMedia(String ns) {
        return ns != null && ns.startsWith("http://search.yahoo.com/mrss");
    }

    static boolean isAtom(String ns) {
        return ns != null && !ns.isEmpty() && ATOM_NAMESPACES.contains(key(ns));
    }

    static String ns(XMLStreamReader r) {
        String ns = r.getNamespaceURI();
        return ns == null ? "" : ns;
    }

    /** An attribute by local name in any namespace or none (Atom feeds write both href and atom:href). */
    static String attr(XMLStreamReader r, String localName) {
        String plain = r.getAttributeValue(null, localName);
        if (plain != null) return plain;
        for (int i = 0; i < r.getAttributeCount(); i++) {
            if (r.getAttributeLocalName(i).equals(localName) && !XML.equals(r.getAttributeNamespace(i))) {
                return r.getAttributeValue(i);
            }
        }
        return null;
    }

    static String xmlBase(XMLStreamReader r) {
        return Text.blankToNull(r.getAttributeValue(XML, "base"));
    }

    static String xmlLang(XMLStreamReader r) {
        return Text.blankToNull(r.getAttributeValue(XML, "lang"));
    }

    /**
     * The element's content as one HTML string, for RSS descriptions and other HTML carried as
     * text: text and CDATA as they are (they hold the escaped HTML), and child elements (XHTML
     * written unescaped, sometimes beside a CDATA section) written back as markup.
     * Leaves the cursor on the element's end tag.
     */
    static String mixed(XMLStreamReader r) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        StringBuilder markup = null;
        int depth = 1;
        while (depth > 0 && r.hasNext()) {
            int e = r.next();
            switch (e) {
                case XMLStreamConstants.START_ELEMENT -> {
                    if (markup == null) markup = new StringBuilder(text);
                    depth++;
                    markup.append('<').append(r.getLocalName());
                    for (int i = 0; i < r.getAttributeCount(); i++) {
                        markup.append(' ').append(r.getAttributeLocalName(i)).append("=\"")
                                .append(HtmlEscape.escape(r.getAttributeValue(i))).append('"');
                    }
                    markup.append('>');
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    depth--;
                    if (depth > 0 && markup != null) markup.append("</").append(r.getLocalName()).append('>');
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (markup != null) markup.append(r.getText());
                    else text.append(r.getText());
                }
                default -> { }
            }
        }
        return markup != null ? markup.toString() : text.toString();
    }

    /** Calls {@code child} with the cursor on each child element; it must leave the cursor on that child's end tag. */
    static void children(XMLStreamReader r, Child child) throws XMLStreamException {
        while (r.hasNext()) {
            int e = r.next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                child.read(r);
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                return;
            }
        }
    }

    @FunctionalInterface
    interface Child {
        void read(XMLStreamReader r) throws XMLStreamException;
    }

    /**
     * iTunes podcast elements: summary is a description, author a byline, keywords and category
     * (its text attribute) tags, the episode title a media title.
     */
    static void itunes(XMLStreamReader r, FeedEntry e) throws XMLStreamException {
        switch (r.getLocalName()) {
            case "summary" -> e.description(mixed(r), false);
            case "author" -> e.byline(Stax.text(r));
            case "keywords" -> e.keywords(Stax.text(r));
            case "category" -> {
                e.tag(attr(r, "text"));
                Stax.skip(r);
            }
            case "title" -> {
                String t = Stax.text(r);
                if (e.mediaTitle == null) e.mediaTitle = Text.blankToNull(t);
            }
            default -> Stax.skip(r);
        }
    }

    static String lower(String s) {
        return s == null ? null : s.strip().toLowerCase(Locale.ROOT);
    }

    /** Runs the reading, turning the StAX parser's unchecked failures on broken input into XMLStreamException. */
    static void guarded(Reading reading) throws XMLStreamException {
        try {
            reading.run();
        } catch (SinkFailure e) {
            throw e;
        } catch (RuntimeException e) {
            XMLStreamException x = new XMLStreamException(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            x.initCause(e);
            throw x;
        }
    }

    @FunctionalInterface
    interface Reading {
        void run() throws XMLStreamException;
    }

    /**
     * The delivery warning for a feed that broke off after some entries were read:
     * "feed truncated at line 512: ...; 30 items kept".
     */
    static String truncated(XMLStreamException e, int kept) {
        String m = SafeXml.error(e).getMessage();
        String prefix = "XML is malformed at ";
        String what = m.startsWith(prefix) ? "feed truncated at " + m.substring(prefix.length()) : "feed truncated: " + m;
        return what + "; " + kept + " item" + (kept == 1 ? "" : "s") + " kept";
    }

    /**
     * A failure of whoever takes the items (the pipeline's store, say): it must pass through the
     * reading untouched, not be mistaken for a broken feed.
     */
    static final class SinkFailure extends RuntimeException {
        SinkFailure(RuntimeException cause) {
            super(cause);
        }
    }

    /**
     * Turns entries into news items as they are read and hands them on, dropping (with a
     * warning) those with neither title nor text.
     */
    static final class Emitter {
        private final ParseContext ctx;
        private final List<String> warnings;
        private final Consumer<NewsItem> sink;
        private int entries;

        Emitter(ParseContext ctx, List<String> warnings, Consumer<NewsItem> sink) {
            this.ctx = ctx;
            this.warnings = warnings;
            this.sink = sink;
        }

        void emit(FeedEntry entry, String feedLanguage) {
            entries++;
            NewsItem item = entry.toItem(entries, ctx, feedLanguage, warnings);
            if (item == null) return;
            try {
                sink.accept(item);
            } catch (RuntimeException e) {
                throw new SinkFailure(e);
            }
        }

        int entries() {
            return entries;
        }

        void finish() {
            if (entries == 0) warnings.add("the feed has no items");
        }
    }

    /** Thrown inside the reading when the document is XML but not of the parser's format. */
    static final class WrongFormat extends XMLStreamException {
        WrongFormat(String message) {
            super(message);
        }
    }

    /** The part of a streaming feed parse that differs between formats: reading the root element. */
    @FunctionalInterface
    interface Document {
        void read(XMLStreamReader r, Emitter out) throws XMLStreamException;
    }

    /**
     * Opens the document safely and runs the format's reading over it, streaming items to the
     * sink. A feed that breaks off after some items keeps them, with a warning naming the line;
     * a failure of the sink passes through unchanged.
     */
    static ParseResult stream(String format, byte[] content, ParseContext ctx, Consumer<NewsItem> sink, Document document)
            throws ParseException {
        List<String> warnings = new ArrayList<>();
        Emitter out = new Emitter(ctx, warnings, sink);
        try (SafeXml.Document doc = SafeXml.open(content, null, warnings)) {
            XMLStreamReader r = doc.reader();
            try {
                guarded(() -> document.read(r, out));
            } catch (WrongFormat e) {
                throw new ParseException(e.getMessage());
            } catch (XMLStreamException e) {
                if (out.entries() == 0) throw SafeXml.error(e);
                warnings.add(truncated(e, out.entries()));
            } catch (SinkFailure e) {
                throw (RuntimeException) e.getCause();
            }
            String repaired = doc.repairWarning();
            if (repaired != null) warnings.add(repaired);
        }
        out.finish();
        return new ParseResult(format, List.of(), warnings);
    }

    /** Collects what a streaming parse emits, for the parse that returns all items at once. */
    static ParseResult collect(String format, StreamingParse parse) throws ParseException {
        List<NewsItem> items = new ArrayList<>();
        ParseResult r = parse.run(items::add);
        return new ParseResult(format, items, r.warnings());
    }

    @FunctionalInterface
    interface StreamingParse {
        ParseResult run(Consumer<NewsItem> sink) throws ParseException;
    }
}
