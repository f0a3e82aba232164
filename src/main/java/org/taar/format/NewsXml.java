package org.taar.format;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.taar.text.HtmlEscape;

/**
 * A small read-only element tree for the IPTC XML formats (NewsML-G2, NewsML 1.2, NITF), built
 * from {@link SafeXml}'s secure stream. These formats spread one story's metadata over a deep
 * tree (NewsML 1.2 components nest, G2 picks headlines by language), which reads far more
 * plainly as lookups on a tree than as a cursor state machine; a delivery is already capped in
 * size by {@link Formats}, so holding it whole is affordable.
 */
final class NewsXml {
    /** Deeper nesting is refused: no news format needs it, and recursion over it would overflow the stack. */
    static final int MAX_DEPTH = 256;

    private NewsXml() {}

    /** One element: local name, namespace, attributes by local name (xml:lang as "xml:lang"), content in order. */
    static final class Element {
        final String name;
        final String namespace;
        final Element parent;
        final int line;
        private final Map<String, String> attributes = new LinkedHashMap<>();
        private final List<Object> content = new ArrayList<>();

        Element(String name, String namespace, Element parent, int line) {
            this.name = name;
            this.namespace = namespace == null ? "" : namespace;
            this.parent = parent;
            this.line = line;
        }

        /** A synthetic element holding {@code child}, to read a fragment as if it were inside its usual parent. */
        static Element wrap(String name, Element child) {
            Element e = new Element(name, child.namespace, null, child.line);
            e.content.add(child);
            return e;
        }

        String attr(String localName) {
            return Text.blankToNull(attributes.get(localName));
        }

        List<Element> children() {
            List<Element> out = new ArrayList<>();
            for (Object o : content) if (o instanceof Element e) out.add(e);
            return out;
        }

        List<Element> children(String localName) {
            List<Element> out = new ArrayList<>();
            for (Object o : content) if (o instanceof Element e && e.name.equals(localName)) out.add(e);
            return out;
        }

        /** The first child with this local name, or null. */
        Element child(String localName) {
            for (Object o : content) if (o instanceof Element e && e.name.equals(localName)) return e;
            return null;
        }

        /** Follows a path of child names; null as soon as one is missing. */
        Element path(String... names) {
            Element e = this;
            for (String n : names) {
                if (e == null) return null;
                e = e.child(n);
            }
            return e;
        }

        /** Every descendant with this local name, in document order. */
        List<Element> descendants(String localName) {
            List<Element> out = new ArrayList<>();
            collect(localName, out);
            return out;
        }

        private void collect(String localName, List<Element> out) {
            for (Object o : content) {
                if (o instanceof Element e) {
                    if (e.name.equals(localName)) out.add(e);
                    e.collect(localName, out);
                }
            }
        }

        /** All text inside, with runs of whitespace collapsed; null when there is none. */
        String text() {
            StringBuilder b = new StringBuilder();
            appendText(b);
            return Text.blankToNull(b.toString().replaceAll("\\s+", " "));
        }

        /** All text inside except that of the named child elements, collapsed; null when there is none. */
        String textWithout(String... skipped) {
            StringBuilder b = new StringBuilder();
            java.util.Set<String> skip = java.util.Set.of(skipped);
            for (Object o : content) {
                if (o instanceof String s) b.append(s);
                else if (!skip.contains(((Element) o).name)) ((Element) o).appendText(b);
                else b.append(' ');
            }
            return Text.blankToNull(b.toString().replaceAll("\\s+", " "));
        }

        /** All text inside, line breaks kept (for plain-text bodies). */
        String rawText() {
            StringBuilder b = new StringBuilder();
            appendText(b);
            return b.toString();
        }

        private void appendText(StringBuilder b) {
            for (Object o : content) {
                if (o instanceof String s) b.append(s);
                else ((Element) o).appendText(b);
            }
        }

        /** Text of a child element, collapsed; null when absent or empty. */
        String childText(String localName) {
            Element c = child(localName);
            return c == null ? null : c.text();
        }

        /** The content written back as markup without namespace prefixes, as {@link Stax#innerXml} does. */
        String innerXml() {
            return innerXmlWithout(Set.of());
        }

        /** As {@link #innerXml()}, leaving out these descendants (by identity) and all they hold. */
        String innerXmlWithout(Set<Element> skipped) {
            StringBuilder b = new StringBuilder();
            for (Object o : content) {
                if (o instanceof String s) b.append(HtmlEscape.escape(s));
                else ((Element) o).outerXml(b, skipped);
            }
            return b.toString();
        }

        private void outerXml(StringBuilder b, Set<Element> skipped) {
            if (skipped.contains(this)) return;
            b.append('<').append(name);
            attributes.forEach((k, v) -> b.append(' ').append(k.replace("xml:", "")).append("=\"")
                    .append(HtmlEscape.escape(v)).append('"'));
            b.append('>');
            for (Object o : content) {
                if (o instanceof String s) b.append(HtmlEscape.escape(s));
                else ((Element) o).outerXml(b, skipped);
            }
            b.append("</").append(name).append('>');
        }

        /** The xml:lang in force here (inherited from ancestors), as written; null when none. */
        String lang() {
            for (Element e = this; e != null; e = e.parent) {
                String l = e.attr("xml:lang");
                if (l != null) return l;
            }
            return null;
        }

        /** The part of a QCode after the scheme alias ("nprov:IANS" → "IANS"), or the whole value. */
        static String code(String qcode) {
            if (qcode == null) return null;
            int colon = qcode.indexOf(':');
            return Text.blankToNull(colon >= 0 ? qcode.substring(colon + 1) : qcode);
        }

        @Override
        public String toString() {
            return "<" + name + "> at line " + line;
        }
    }

    /** Reads the whole document; {@code warnings} receives the charset and repair notes. */
    static Element read(byte[] content, List<String> warnings) throws ParseException {
        try (SafeXml.Document doc = SafeXml.open(content, null, warnings)) {
            XMLStreamReader r = doc.reader();
            Element root = null;
            Element current = null;
            int depth = 0;
            while (r.hasNext()) {
                int event = r.next();
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (++depth > MAX_DEPTH) {
                            throw new ParseException("XML nests deeper than " + MAX_DEPTH + " elements at line "
                                    + r.getLocation().getLineNumber() + "; refused");
                        }
                        Element e = new Element(r.getLocalName(), r.getNamespaceURI(), current,
                                r.getLocation().getLineNumber());
                        for (int i = 0; i < r.getAttributeCount(); i++) {
                            String ns = r.getAttributeNamespace(i);
                            String key = XMLConstants.XML_NS_URI.equals(ns) ? "xml:" + r.getAttributeLocalName(i)
                                    : r.getAttributeLocalName(i);
                            e.attributes.putIfAbsent(key, r.getAttributeValue(i));
                        }
                        if (current == null) root = e;
                        else current.content.add(e);
                        current = e;
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        depth--;
                        if (current != null) current = current.parent;
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (current != null) current.content.add(r.getText());
                    }
                    default -> { }
                }
            }
            if (root == null) throw new ParseException("no XML element found");
            String repaired = doc.repairWarning();
            if (repaired != null) warnings.add(repaired);
            return root;
        } catch (XMLStreamException e) {
            throw SafeXml.error(e);
        }
    }
}
