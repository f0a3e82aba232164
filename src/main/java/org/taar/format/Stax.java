package org.taar.format;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.taar.text.HtmlEscape;

/** Small readers over a StAX cursor that every XML format parser needs. */
public final class Stax {
    private Stax() {}

    /**
     * The text of the element the cursor is on, children's text included, leaving the cursor on
     * its end tag. Use for elements that hold plain text (titles, dates, ids).
     */
    public static String text(XMLStreamReader r) throws XMLStreamException {
        StringBuilder b = new StringBuilder();
        int depth = 1;
        while (depth > 0 && r.hasNext()) {
            int e = r.next();
            switch (e) {
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        b.append(r.getText());
                default -> { }
            }
        }
        return b.toString();
    }

    /**
     * The content of the element the cursor is on, written back as markup (for XHTML bodies
     * such as Atom type="xhtml" or NITF body.content), leaving the cursor on its end tag.
     * Namespace prefixes are dropped: the markup goes to the HTML sanitizer next.
     */
    public static String innerXml(XMLStreamReader r) throws XMLStreamException {
        StringBuilder b = new StringBuilder();
        int depth = 1;
        while (depth > 0 && r.hasNext()) {
            int e = r.next();
            switch (e) {
                case XMLStreamConstants.START_ELEMENT -> {
                    depth++;
                    b.append('<').append(r.getLocalName());
                    for (int i = 0; i < r.getAttributeCount(); i++) {
                        b.append(' ').append(r.getAttributeLocalName(i)).append("=\"")
                                .append(HtmlEscape.escape(r.getAttributeValue(i))).append('"');
                    }
                    b.append('>');
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    depth--;
                    if (depth > 0) b.append("</").append(r.getLocalName()).append('>');
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        b.append(HtmlEscape.escape(r.getText()));
                default -> { }
            }
        }
        return b.toString();
    }

    /** Moves past the element the cursor is on, leaving it on its end tag. */
    public static void skip(XMLStreamReader r) throws XMLStreamException {
        int depth = 1;
        while (depth > 0 && r.hasNext()) {
            int e = r.next();
            if (e == XMLStreamConstants.START_ELEMENT) depth++;
            else if (e == XMLStreamConstants.END_ELEMENT) depth--;
        }
    }

    /** The local name of the document's root element, without reading further; null if none. */
    public static String rootName(XMLStreamReader r) throws XMLStreamException {
        while (r.hasNext()) {
            if (r.next() == XMLStreamConstants.START_ELEMENT) return r.getLocalName();
        }
        return null;
    }
}
