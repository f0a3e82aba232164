package org.taar.format;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells an RFC 5322 message from wire text that also opens with {@code Key: value} lines. A message
 * opens with a block of header fields (after an optional mbox {@code From } line); it is one when
 * that block holds at least two fields that mail carries and one that only mail carries (From, a
 * transport trace, a message id, MIME-Version, a signature), and none of Taar's wiretext keys
 * that mail never has (Headline, Byline, Embargo...).
 */
final class EmailSniff {
    private static final int HEAD_BYTES = 64 * 1024;
    /** A header field: RFC 5322 ftext (printable ASCII but colon), then a colon. */
    private static final Pattern FIELD = Pattern.compile("^([!-9;-~]{1,76})[ \\t]*:(.*)$");
    /** The separator line mbox files and some saved messages begin with. */
    private static final Pattern MBOX_FROM = Pattern.compile("^From \\S+ .*\\d{4}\\s*$");

    private static final Set<String> MAIL = Set.of("from", "to", "cc", "bcc", "subject", "date", "message-id",
            "mime-version", "received", "return-path", "delivered-to", "reply-to", "sender", "content-type",
            "content-transfer-encoding", "dkim-signature", "x-mailer", "user-agent", "in-reply-to", "references",
            "x-received", "authentication-results", "thread-topic", "thread-index", "x-originating-ip", "importance",
            "arc-seal", "x-google-dkim-signature", "list-id", "content-language", "x-ms-exchange-organization-scl");
    /** Fields only a mail carries: a From, a trace of its transport, its id, MIME or a signature. */
    private static final Set<String> ONLY_MAIL = Set.of("from", "received", "x-received", "message-id", "mime-version",
            "return-path", "delivered-to", "dkim-signature", "arc-seal", "authentication-results");
    /** Taar's own wiretext header keys (WireTextParser) that no mail header is named. */
    private static final Set<String> WIRETEXT_ONLY = Set.of("headline", "subheadline", "summary", "byline", "embargo",
            "slugline", "ednote", "urgency", "located", "tags", "section", "agency", "uri");

    private EmailSniff() {}

    static boolean isMessage(byte[] content) {
        int from = Text.bomLength(content);
        if (Text.containsNul(content)) return false;
        String head = new String(content, from, Math.min(content.length - from, HEAD_BYTES), StandardCharsets.ISO_8859_1);
        String[] lines = head.split("\r\n|\r|\n", -1);
        // The last line of a cut head may be cut too.
        int end = content.length - from > HEAD_BYTES ? lines.length - 1 : lines.length;
        int i = 0;
        while (i < lines.length && lines[i].isBlank()) i++;
        if (i < lines.length && MBOX_FROM.matcher(lines[i]).matches()) i++;
        Set<String> names = new HashSet<>();
        boolean sawField = false;
        for (; i < end; i++) {
            String line = lines[i];
            if (line.isEmpty()) break;
            if (sawField && (line.charAt(0) == ' ' || line.charAt(0) == '\t')) continue;
            Matcher m = FIELD.matcher(line);
            // A broken line ends what is checked; the fields before it still decide.
            if (!m.matches()) break;
            sawField = true;
            names.add(m.group(1).toLowerCase(Locale.ROOT));
        }
        if (names.stream().anyMatch(WIRETEXT_ONLY::contains)) return false;
        long mail = names.stream().filter(MAIL::contains).count();
        return mail >= 2 && names.stream().anyMatch(ONLY_MAIL::contains);
    }

    /** The content without a leading byte order mark, blank lines and mbox separator, which mime4j would read as body. */
    static int messageStart(byte[] content) {
        int i = Text.bomLength(content);
        while (i < content.length && (content[i] == '\r' || content[i] == '\n' || content[i] == ' ' || content[i] == '\t')) i++;
        if (content.length - i > 5 && content[i] == 'F' && content[i + 1] == 'r' && content[i + 2] == 'o'
                && content[i + 3] == 'm' && content[i + 4] == ' ') {
            int nl = i;
            while (nl < content.length && content[nl] != '\n') nl++;
            String line = new String(content, i, nl - i, StandardCharsets.ISO_8859_1).strip();
            if (MBOX_FROM.matcher(line).matches()) i = Math.min(content.length, nl + 1);
        }
        return i;
    }
}
