package org.taar.format;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The one way Taar opens XML: the charset decided by {@link Charsets}, the text repaired and
 * defended by {@link XmlRepairReader}, and the JDK's StAX parser with DTDs and external entities
 * off. Streaming: memory does not grow with the size of the document.
 */
public final class SafeXml {
    private SafeXml() {}

    /** An open reader over a document, and the repair count for a warning once it is read. */
    public static final class Document implements AutoCloseable {
        private final XMLStreamReader reader;
        private final XmlRepairReader repair;

        Document(XMLStreamReader reader, XmlRepairReader repair) {
            this.reader = reader;
            this.repair = repair;
        }

        public XMLStreamReader reader() {
            return reader;
        }

        /** A warning if the text had to be repaired, to add after reading. */
        public String repairWarning() {
            int n = repair.repairs();
            return n == 0 ? null : "repaired " + n + " malformed character" + (n == 1 ? "" : "s")
                    + " or entity reference" + (n == 1 ? "" : "s");
        }

        @Override
        public void close() {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // Closing a reader over memory releases nothing that matters.
            }
        }
    }

    /**
     * @param contentType the HTTP Content-Type it came with, or null
     * @param warnings receives what the charset decision noticed
     */
    public static Document open(byte[] content, String contentType, List<String> warnings) throws ParseException {
        Charsets.Decision d = Charsets.decide(content, contentType);
        warnings.addAll(d.warnings());
        var decoder = d.charset().newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        XmlRepairReader repair = new XmlRepairReader(new InputStreamReader(
                new ByteArrayInputStream(content, d.bomLength(), content.length - d.bomLength()), decoder));
        try {
            return new Document(factory().createXMLStreamReader(repair), repair);
        } catch (XMLStreamException e) {
            throw error(e);
        }
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return f;
    }

    /** A parse error as a person should read it: the line, and what was wrong there. */
    public static ParseException error(XMLStreamException e) {
        Throwable cause = e.getNestedException() != null ? e.getNestedException() : e.getCause();
        if (cause instanceof XmlRepairReader.RefusedDoctype refused) return new ParseException(refused.getMessage(), e);
        String message = e.getMessage() == null ? "malformed XML" : e.getMessage();
        // The JDK prefixes "ParseError at [row,col]:[3,14]\nMessage: ..."; keep the message part.
        int m = message.indexOf("Message: ");
        if (m >= 0) message = message.substring(m + 9);
        String where = e.getLocation() != null && e.getLocation().getLineNumber() > 0
                ? "line " + e.getLocation().getLineNumber() + ": " : "";
        return new ParseException("XML is malformed at " + where + message.strip(), e);
    }
}
