package org.taar.format;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an XML delivery is, from its first few kilobytes: the root element's name and namespace.
 * XML parsers decide {@link FormatParser#accepts} with it, without parsing the document.
 */
public final class XmlSniff {
    /** How much of the start of a document is looked at. */
    static final int HEAD = 16 * 1024;
    /** The first element after any declaration, comments, processing instructions and doctype. */
    private static final Pattern ROOT = Pattern.compile(
            "\\A[^<]{0,1024}?(?:\\s|<\\?.*?\\?>|<!--.*?-->|<!DOCTYPE[^>\\[]*(?:\\[.*?\\])?\\s*>)*"
                    + "<(?:([A-Za-z_][\\w.-]*):)?([A-Za-z_][\\w.-]*)([^>]*)>", Pattern.DOTALL);
    private static final Pattern XMLNS = Pattern.compile("xmlns(?::([\\w.-]+))?\\s*=\\s*[\"']([^\"']*)[\"']");

    /**
     * @param name the root's local name (e.g. "rss", "feed", "newsItem")
     * @param namespace the root's namespace URI, or "" when it has none
     * @param attributes the rest of the root's start tag, for version attributes and the like
     */
    public record Root(String name, String namespace, String attributes) {
        public boolean is(String localName, String... namespaces) {
            if (!name.equalsIgnoreCase(localName)) return false;
            return namespaces.length == 0 || List.of(namespaces).contains(namespace);
        }
    }

    private XmlSniff() {}

    public static Optional<Root> root(byte[] content) {
        if (content.length == 0) return Optional.empty();
        // Only the head is looked at: sniffing must not cost a pass over a large document.
        byte[] start = content.length <= HEAD ? content : java.util.Arrays.copyOf(content, HEAD);
        Charsets.Decision d = Charsets.decide(start, null);
        String head = new String(start, d.bomLength(), start.length - d.bomLength(), d.charset());
        Matcher m = ROOT.matcher(head);
        if (!m.find()) return Optional.empty();
        String prefix = m.group(1) == null ? "" : m.group(1);
        String attributes = m.group(3);
        String namespace = "";
        Matcher ns = XMLNS.matcher(attributes);
        while (ns.find()) {
            String p = ns.group(1) == null ? "" : ns.group(1);
            if (p.equals(prefix)) namespace = ns.group(2);
        }
        return Optional.of(new Root(m.group(2), namespace, attributes));
    }
}
