package org.taar.site;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * An XML document written with the JDK's {@link XMLStreamWriter}, which does all the escaping;
 * this class only adds what the writer leaves to its caller: dropping the code points XML 1.0
 * cannot carry (controls, lone surrogates), which agency copy sometimes holds, and a line break
 * after each element so the feeds stay readable.
 */
final class XmlOut {
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

    private final StringWriter text;
    private final XMLStreamWriter w;

    XmlOut(int sizeHint) {
        this.text = new StringWriter(sizeHint);
        try {
            this.w = FACTORY.createXMLStreamWriter(text);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Opens an element; a name with a prefix ("dc:creator") must have its namespace declared on an ancestor. */
    XmlOut start(String name) {
        return run(() -> w.writeStartElement(name));
    }

    XmlOut namespace(String prefix, String uri) {
        return run(() -> {
            if (prefix == null) w.writeDefaultNamespace(uri);
            else w.writeNamespace(prefix, uri);
        });
    }

    XmlOut attribute(String name, String value) {
        return run(() -> w.writeAttribute(name, legal(value)));
    }

    /** Closes the innermost open element and ends the line. */
    XmlOut end() {
        return run(() -> {
            w.writeEndElement();
            w.writeCharacters("\n");
        });
    }

    /** Ends the line after a start tag, for elements whose children go on lines of their own. */
    XmlOut newline() {
        return run(() -> w.writeCharacters("\n"));
    }

    /** Text inside the innermost open element. */
    XmlOut text(String value) {
        return run(() -> w.writeCharacters(legal(value)));
    }

    /** An element holding only text; null text writes an empty element. */
    XmlOut element(String name, String value) {
        return run(() -> {
            w.writeStartElement(name);
            w.writeCharacters(legal(value));
            w.writeEndElement();
            w.writeCharacters("\n");
        });
    }

    /** The document's bytes in UTF-8; every open element is closed. */
    byte[] bytes() {
        run(() -> {
            w.writeEndDocument();
            w.close();
        });
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code s} without the code points XML 1.0 forbids; "" for null. */
    static String legal(String s) {
        if (s == null) return "";
        StringBuilder b = null;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            int n = Character.charCount(c);
            boolean ok = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
            if (!ok && b == null) b = new StringBuilder(s.length()).append(s, 0, i);
            else if (ok && b != null) b.appendCodePoint(c);
            i += n;
        }
        return b == null ? s : b.toString();
    }

    private interface Write {
        void run() throws XMLStreamException;
    }

    private XmlOut run(Write step) {
        try {
            step.run();
        } catch (XMLStreamException e) {
            // Writing to a StringWriter cannot fail; only a misuse of the writer (a bug) lands here.
            throw new IllegalStateException(e);
        }
        return this;
    }
}
