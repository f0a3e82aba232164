package org.taar.format;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.field.ContentTypeField;

/**
 * The text of a mail as a story's text: charsets decided as for any delivery, flowed lines joined
 * (RFC 3676), and what the mail program added rather than the writer taken off: the signature, a
 * "Sent from my phone" line, a quoted reply, the header block of an inline forward.
 */
final class EmailText {
    /** An encoded-word mime4j left as written, because it does not know the charset it names. */
    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?\\s]+)\\?([BbQq])\\?([^?\\s]*)\\?=");
    /** The lines mail programs put before a message forwarded inline, or before the one replied to. */
    private static final Pattern FORWARD_MARK = Pattern.compile(
            "^\\s*(?:-{2,}\\s*(?:Forwarded message|Original Message|Weitergeleitete Nachricht|Ursprüngliche Nachricht|"
                    + "Message transféré|Mensaje reenviado|अग्रेषित संदेश)\\s*-{2,}|Begin forwarded message:)\\s*$",
            Pattern.CASE_INSENSITIVE);
    /** A header line of an inline forward, as mail programs write it (Gmail puts it in bold: *From:*). */
    private static final Pattern FORWARD_FIELD = Pattern.compile(
            "^\\s*\\*?(From|Sent|Date|To|Cc|Bcc|Subject|Reply-To|Von|Gesendet|An|Betreff|Datum|De|Envoyé|Objet|À)\\*?\\s*:\\*?\\s*(.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SENT_FROM = Pattern.compile(
            "^\\s*(?:Sent from (?:my|Mail|Yahoo|Outlook)\\b.*|Get Outlook for \\S+|Sent via .*|Sent using .*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern REPLY_ATTRIBUTION = Pattern.compile("^\\s*On .{4,200} wrote:\\s*$");

    private EmailText() {}

    /** What the text was, once the mail program's additions are taken off. */
    record Cleaned(String text, String forwardedSubject, String forwardedFrom, String note) {}

    /** A text part's bytes as text: the bytes have the last word over the declared charset (see {@link Charsets}). */
    static String decode(EmailBodies.Kept body, String type, List<String> warnings) {
        String label = body.getMimeCharset();
        Charsets.Decision d = Charsets.decide(body.bytes(), label == null ? null : type + "; charset=" + label);
        for (String w : d.warnings()) warnings.add(type + " part: " + w);
        if (body.cut()) {
            warnings.add(type + " part of " + EmailParts.size(body.size()) + " cut to its first "
                    + EmailParts.size(EmailBodies.MAX_TEXT_BYTES));
        }
        return d.decode(body.bytes());
    }

    /** Joins the soft line breaks of {@code format=flowed} text; other text is returned as it is. */
    static String unflow(String text, Entity e) {
        if (!(e.getHeader().getField("Content-Type") instanceof ContentTypeField ct)) return text;
        if (!"flowed".equalsIgnoreCase(ct.getParameter("format"))) return text;
        boolean delsp = "yes".equalsIgnoreCase(ct.getParameter("delsp"));
        StringBuilder out = new StringBuilder(text.length());
        for (String raw : text.split("\r\n|\r|\n", -1)) {
            String line = raw.startsWith(" ") ? raw.substring(1) : raw; // space-stuffing
            boolean soft = line.endsWith(" ") && !line.equals("-- ");
            if (soft && delsp) line = line.substring(0, line.length() - 1);
            out.append(line);
            if (!soft) out.append('\n');
        }
        return out.toString();
    }

    /**
     * Encoded-words in a charset mime4j does not know, decoded as UTF-8 when their bytes are UTF-8 and as
     * windows-1252 otherwise, as the bodies are.
     */
    static String encodedWords(String header, List<String> warnings) {
        if (header == null || !header.contains("=?")) return header;
        Matcher m = ENCODED_WORD.matcher(header);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            byte[] bytes = m.group(2).equalsIgnoreCase("B") ? base64(m.group(3)) : qDecode(m.group(3));
            if (bytes == null) continue;
            Charset named = charset(m.group(1));
            Charset used = Text.invalidUtf8Offset(bytes) < 0 ? StandardCharsets.UTF_8 : named != null ? named : WireCopy.WINDOWS_1252;
            warnings.add("encoded-word in unknown charset '" + m.group(1) + "' read as " + used.name());
            String gap = header.substring(last, m.start());
            // White space between two encoded-words is not part of the text (RFC 2047, 6.2).
            out.append(last > 0 && gap.isBlank() ? "" : gap).append(new String(bytes, used));
            last = m.end();
        }
        return out.append(header.substring(last)).toString();
    }

    /** Takes off what the mail program added; the text the writer typed stays as it was. */
    static Cleaned clean(String text) {
        List<String> lines = new ArrayList<>(List.of(text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)));
        cutSignature(lines);
        cutQuotedReply(lines);
        while (!lines.isEmpty() && (lines.get(lines.size() - 1).isBlank()
                || SENT_FROM.matcher(lines.get(lines.size() - 1)).matches())) {
            lines.remove(lines.size() - 1);
        }
        String subject = null, from = null, note = null;
        for (int i = 0; i < lines.size(); i++) {
            if (!FORWARD_MARK.matcher(lines.get(i)).matches()) continue;
            int j = i + 1;
            while (j < lines.size() && lines.get(j).isBlank()) j++;
            for (; j < lines.size(); j++) {
                Matcher f = FORWARD_FIELD.matcher(lines.get(j));
                if (!f.matches()) break;
                String key = f.group(1).toLowerCase(java.util.Locale.ROOT);
                if (key.equals("subject") || key.equals("betreff") || key.equals("objet")) subject = f.group(2).strip();
                if (key.equals("from") || key.equals("von") || key.equals("de")) from = f.group(2).strip();
            }
            String before = String.join("\n", lines.subList(0, i)).strip();
            note = before.isEmpty() ? null : before;
            lines = new ArrayList<>(lines.subList(j, lines.size()));
            break;
        }
        return new Cleaned(String.join("\n", lines), subject, from, note);
    }

    // The RFC 3676 signature separator ("-- "), also without its space, when what follows is short.
    private static void cutSignature(List<String> lines) {
        for (int i = lines.size() - 1; i >= 0 && i >= lines.size() - 15; i--) {
            String l = lines.get(i);
            if (l.equals("-- ") || l.equals("--")) {
                lines.subList(i, lines.size()).clear();
                return;
            }
        }
    }

    // A reply's quotation at the end ("On ... wrote:" and the lines beginning with '>').
    private static void cutQuotedReply(List<String> lines) {
        int i = lines.size();
        while (i > 0 && (lines.get(i - 1).startsWith(">") || lines.get(i - 1).isBlank())) i--;
        if (i == lines.size()) return;
        if (i > 0 && REPLY_ATTRIBUTION.matcher(lines.get(i - 1)).matches()) i--;
        if (i > 0) lines.subList(i, lines.size()).clear();
    }

    private static byte[] base64(String s) {
        try {
            return Base64.getMimeDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] qDecode(String s) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '_') {
                out.write(' ');
            } else if (c == '=' && i + 2 < s.length() && Character.digit(s.charAt(i + 1), 16) >= 0
                    && Character.digit(s.charAt(i + 2), 16) >= 0) {
                out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }

    private static Charset charset(String label) {
        String l = label.contains("*") ? label.substring(0, label.indexOf('*')) : label; // RFC 2231 language
        try {
            Charset c = Charset.forName(l);
            return c.equals(StandardCharsets.ISO_8859_1) || c.equals(StandardCharsets.US_ASCII) ? WireCopy.WINDOWS_1252 : c;
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }
}
