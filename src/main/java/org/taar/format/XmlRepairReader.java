package org.taar.format;

import java.io.IOException;
import java.io.Reader;
import org.jsoup.nodes.Entities;

/**
 * Streams XML text to the parser with the repairs real feeds need and the defences hostile ones
 * call for, so the StAX parser behind it can stay strict and secure:
 * <ul>
 *   <li>whatever comes before the first '<' (a BOM, whitespace, garbage) is dropped;</li>
 *   <li>the XML declaration is dropped (the charset is decided before decoding, and a
 *       declaration after a comment would otherwise be fatal);</li>
 *   <li>a DOCTYPE is dropped, unless it declares entities, which is refused: entity expansion
 *       is how "billion laughs" and external-entity attacks work, and no real feed needs it;</li>
 *   <li>HTML named entities (&amp;nbsp; &amp;eacute; ...) become numeric references, a stray
 *       '&amp;' becomes &amp;amp;, references to characters XML forbids are dropped;</li>
 *   <li>characters XML 1.0 forbids (control characters, lone surrogates) are dropped;</li>
 *   <li>C1 controls (U+0080-U+009F), as characters or references, become the windows-1252 characters
 *       they stand for, and an upper-case hexadecimal reference ({@code &#X41;}) is written as XML wants.</li>
 * </ul>
 * Newlines inside what is dropped are kept, so the parser's line numbers stay those of the file.
 */
final class XmlRepairReader extends Reader {
    /** Thrown (as the cause of an IOException) when the document declares entities. */
    static final class RefusedDoctype extends IOException {
        RefusedDoctype(String message) {
            super(message);
        }
    }

    private static final int MAX_ENTITY_NAME = 40;
    private static final int MAX_DOCTYPE = 64 * 1024;

    private final Reader src;
    // Own buffer with look-ahead: the repair inspects a character at a time, the decoder must not.
    private final char[] buf = new char[64 * 1024];
    private int pos;
    private int lim;
    private boolean srcEof;
    private final StringBuilder out = new StringBuilder(8192 + 256);
    private int outPos;
    private boolean started;
    private boolean eof;
    private int repairs;

    XmlRepairReader(Reader in) {
        this.src = in;
    }

    /** How many characters or references were changed or dropped. */
    int repairs() {
        return repairs;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        while (outPos >= out.length()) {
            if (eof) return -1;
            out.setLength(0);
            outPos = 0;
            while (out.length() < 8192 && !eof) step();
        }
        int n = Math.min(len, out.length() - outPos);
        out.getChars(outPos, outPos + n, buf, off);
        outPos += n;
        return n;
    }

    private void step() throws IOException {
        if (started) {
            // Fast path: a run of ordinary text goes straight through.
            while (pos < lim && out.length() < 8192) {
                char c = buf[pos];
                if (c == '<' || c == '&' || !(c >= 0x20 && c < 0x80 || c >= 0xA0 && c < 0xD800 || c == '\n' || c == '\t' || c == '\r')) {
                    break;
                }
                out.append(c);
                pos++;
            }
            if (pos < lim && out.length() >= 8192) return;
        }
        int c = next();
        if (c < 0) {
            eof = true;
            return;
        }
        if (!started) {
            if (c == '<') {
                started = true;
                lessThan();
            } else if (c == '\n') {
                out.append('\n');
            }
            return;
        }
        if (c == '<') lessThan();
        else if (c == '&') ampersand();
        else emit(c);
    }

    private void lessThan() throws IOException {
        if (lookingAt("![CDATA[")) {
            out.append("<![CDATA[");
            copyUntil("]]>");
        } else if (lookingAt("!--")) {
            out.append("<!--");
            copyUntil("-->");
        } else if (lookingAtIgnoreCase("!DOCTYPE")) {
            doctype();
        } else if (lookingAt("?")) {
            processingInstruction();
        } else {
            out.append('<');
        }
    }

    private void doctype() throws IOException {
        StringBuilder d = new StringBuilder("<!DOCTYPE");
        int depth = 0;
        char quote = 0;
        int c;
        while ((c = next()) >= 0) {
            d.append((char) c);
            if (d.length() > MAX_DOCTYPE) throw new RefusedDoctype("DOCTYPE longer than " + MAX_DOCTYPE + " characters refused");
            if (quote != 0) {
                if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = (char) c;
            } else if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            } else if (c == '>' && depth <= 0) {
                break;
            }
        }
        if (d.indexOf("<!ENTITY") >= 0) {
            throw new RefusedDoctype("the document declares entities in its DOCTYPE; refused (entity expansion and "
                    + "external entities are not allowed)");
        }
        newlinesOf(d);
    }

    private void processingInstruction() throws IOException {
        StringBuilder pi = new StringBuilder("<?");
        int c;
        while ((c = next()) >= 0) {
            pi.append((char) c);
            if (c == '>' && pi.charAt(pi.length() - 2) == '?') break;
        }
        boolean declaration = pi.length() > 6 && pi.substring(2, 5).equalsIgnoreCase("xml")
                && Character.isWhitespace(pi.charAt(5));
        if (declaration) newlinesOf(pi);
        else out.append(pi);
    }

    private void ampersand() throws IOException {
        StringBuilder name = new StringBuilder();
        int c;
        while (name.length() < MAX_ENTITY_NAME && (c = next()) >= 0) {
            if (Character.isLetterOrDigit(c) || c == '#') {
                name.append((char) c);
            } else {
                pos--;
                break;
            }
        }
        int next = next();
        if (next != ';' || name.isEmpty()) {
            if (next >= 0) pos--;
            repairs++;
            out.append("&amp;").append(name);
            return;
        }
        String n = name.toString();
        if (n.charAt(0) == '#') {
            numericReference(n);
        } else if (n.equals("lt") || n.equals("gt") || n.equals("amp") || n.equals("quot") || n.equals("apos")) {
            out.append('&').append(n).append(';');
        } else if (Entities.isNamedEntity(n)) {
            repairs++;
            Entities.getByName(n).codePoints().forEach(cp -> out.append("&#").append(cp).append(';'));
        } else {
            repairs++;
            out.append("&amp;").append(n).append(';');
        }
    }

    private void numericReference(String n) {
        int cp;
        try {
            cp = n.length() > 1 && (n.charAt(1) == 'x' || n.charAt(1) == 'X')
                    ? Integer.parseInt(n.substring(2), 16) : Integer.parseInt(n.substring(1));
        } catch (NumberFormatException e) {
            cp = -1;
        }
        if (cp >= 0x80 && cp <= 0x9F) {
            // As HTML reads them: &#146; is the windows-1252 character of byte 146, a right quote.
            repairs++;
            int mapped = Mojibake.windows1252(cp);
            if (mapped >= 0) out.append("&#").append(mapped).append(';');
        } else if (allowed(cp)) {
            // XML allows only a lower-case x; "&#X41;" is common and means the same.
            out.append('&').append(n.charAt(1) == 'X' ? "#x" + n.substring(2) : n).append(';');
            if (n.charAt(1) == 'X') repairs++;
        } else {
            repairs++;
        }
    }

    private void copyUntil(String end) throws IOException {
        int matched = 0;
        int c;
        while ((c = next()) >= 0) {
            emit(c);
            matched = c == end.charAt(matched) ? matched + 1 : (c == end.charAt(0) ? 1 : 0);
            if (matched == end.length()) return;
        }
    }

    private void emit(int c) throws IOException {
        if (Character.isHighSurrogate((char) c)) {
            int low = next();
            if (low >= 0 && Character.isLowSurrogate((char) low)) {
                out.append((char) c).append((char) low);
                return;
            }
            if (low >= 0) pos--;
            repairs++;
            return;
        }
        if (Character.isLowSurrogate((char) c) || !allowed(c)) {
            repairs++;
            return;
        }
        if (c >= 0x80 && c <= 0x9F) {
            // A C1 control in text is a windows-1252 character read as Latin-1 (don\u0092t): mapped, never kept.
            repairs++;
            int mapped = Mojibake.windows1252(c);
            if (mapped >= 0) out.append((char) mapped);
            return;
        }
        out.append((char) c);
    }

    /** The characters XML 1.0 allows. */
    private static boolean allowed(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD)
                || (cp >= 0x10000 && cp <= 0x10FFFF);
    }

    private void newlinesOf(CharSequence dropped) {
        for (int i = 0; i < dropped.length(); i++) if (dropped.charAt(i) == '\n') out.append('\n');
    }

    private boolean lookingAt(String s) throws IOException {
        return lookingAt(s, false);
    }

    private boolean lookingAtIgnoreCase(String s) throws IOException {
        return lookingAt(s, true);
    }

    // Consumes s if it is next; otherwise leaves the stream as it was.
    private boolean lookingAt(String s, boolean ignoreCase) throws IOException {
        ensure(s.length());
        if (lim - pos < s.length()) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = buf[pos + i];
            char want = s.charAt(i);
            if (ignoreCase ? Character.toUpperCase(c) != Character.toUpperCase(want) : c != want) return false;
        }
        pos += s.length();
        return true;
    }

    /** The next character, or -1 at the end. A character just read can be given back with pos--. */
    private int next() throws IOException {
        if (pos == lim && !fill()) return -1;
        return buf[pos++];
    }

    /** Makes at least n characters available to look at, unless the input ends first. */
    private void ensure(int n) throws IOException {
        while (lim - pos < n && fill()) { }
    }

    // Keeps one character before pos, so that the character just read can always be given back.
    private boolean fill() throws IOException {
        if (srcEof) return false;
        int keep = Math.min(pos, 1);
        int from = pos - keep;
        System.arraycopy(buf, from, buf, 0, lim - from);
        lim -= from;
        pos = keep;
        int n = src.read(buf, lim, buf.length - lim);
        if (n < 0) {
            srcEof = true;
            return false;
        }
        lim += n;
        return true;
    }

    @Override
    public void close() throws IOException {
        src.close();
    }
}
