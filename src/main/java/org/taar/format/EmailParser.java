package org.taar.format;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.dom.address.MailboxList;
import org.apache.james.mime4j.io.MaxHeaderLimitException;
import org.apache.james.mime4j.io.MaxLineLimitException;
import org.apache.james.mime4j.io.MaxNestingDepthLimitException;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.taar.item.NewsItem;
import org.taar.item.PubStatus;
import org.taar.text.Agencies;
import org.taar.text.DatelineParser;

/**
 * An e-mailed story (RFC 5322 with MIME, a {@code .eml} file), read with Apache James mime4j: the
 * subject is the headline, the Message-ID the identity, the Date its time, the sender's name the
 * byline, and the text (plain, or HTML when that has more) is read as wire copy. Attached and inline
 * pictures, video and audio are the item's media, their bytes handed to the delivery (see
 * {@link EmailMedia}); other attachments are named in warnings, not read, except a story attached to a
 * mail that has no text of its own.
 */
public final class EmailParser implements FormatParser {
    public static final String NAME = "email";
    static final int MAX_HEADER_FIELDS = 500;
    static final int MAX_HEADER_LINE = 16 * 1024;
    static final int MAX_NESTING = 20;
    /** A forward of a forward of a forward is read; deeper nesting is no story. */
    private static final int MAX_NESTED_READS = 3;
    /** A mail text this short beside an attached story is a covering note ("story attached, pls use"). */
    private static final int COVERING_NOTE = 300;

    // Caps that keep a hostile message from costing memory: header fields, line and part counts, nesting.
    private static final MimeConfig LIMITS = new MimeConfig.Builder()
            .setStrictParsing(false)
            .setMaxHeaderCount(MAX_HEADER_FIELDS)
            .setMaxTotalHeaderCount(4 * MAX_HEADER_FIELDS)
            .setMaxLineLen(MAX_HEADER_LINE)
            .setMaxHeaderLen(4 * MAX_HEADER_LINE)
            .setMaxPartCount(1000)
            .setMaxNestingDepth(MAX_NESTING)
            .build();

    private static final Set<String> NOT_A_PERSON = Set.of("desk", "news", "newsroom", "bureau", "service", "services",
            "team", "editor", "editorial", "editors", "admin", "administrator", "noreply", "donotreply", "mailer", "daemon",
            "postmaster", "feed", "feeds", "wire", "alerts", "alert", "notification", "notifications", "support", "info",
            "office", "media", "agency", "newswire", "डेस्क", "ब्यूरो", "समाचार", "न्यूज", "न्यूज़", "संपादक");

    private final Agencies agencies = new Agencies();
    private final EmailSubject subjects = new EmailSubject(agencies);
    private final EmailStory stories = new EmailStory(new DatelineParser(agencies), subjects);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean accepts(byte[] content) {
        return EmailSniff.isMessage(content);
    }

    @Override
    public ParseResult parse(byte[] content, ParseContext ctx) throws ParseException {
        List<String> mime = new ArrayList<>();
        Message message = read(content, mime);
        List<EmailParts.Attachment> media = new ArrayList<>();
        NewsItem.Builder item = story(message, ctx, 0, media);
        if (item.headline == null || item.headline.isBlank()) {
            throw new ParseException("the message has neither a subject nor any text to take a headline from");
        }
        EmailMedia.attach(item, media, ctx);
        mime.forEach(item::warn);
        // Text decoded from damaged base64 is partly garbage; the desk decides whether it reads.
        if (mime.stream().anyMatch(w -> w.contains("base64"))) held(item, "the message's base64 is damaged");
        return new ParseResult(NAME, List.of(item.build()), List.of());
    }

    private static Message read(byte[] content, List<String> mime) throws ParseException {
        DefaultMessageBuilder builder = new DefaultMessageBuilder();
        builder.setMimeEntityConfig(LIMITS);
        builder.setBodyFactory(new EmailBodies());
        builder.setDecodeMonitor(new NotedProblems(mime));
        int start = EmailSniff.messageStart(content);
        try {
            return builder.parseMessage(new ByteArrayInputStream(content, start, content.length - start));
        } catch (IOException | RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null && cause.getCause() != cause) cause = cause.getCause();
            if (cause instanceof MaxHeaderLimitException) {
                throw new ParseException("the message has more header fields than a mail has (limit "
                        + MAX_HEADER_FIELDS + " a part); refused", e);
            }
            if (cause instanceof MaxNestingDepthLimitException) {
                throw new ParseException("the message nests parts or messages more than " + MAX_NESTING + " deep; refused", e);
            }
            if (cause instanceof MaxLineLimitException) {
                throw new ParseException("a header line of the message is longer than " + MAX_HEADER_LINE
                        + " characters; refused", e);
            }
            throw new ParseException("the message could not be read: " + cause.getMessage(), e);
        }
    }

    /** One message (or an attached one) as a story; its pictures, video and audio (and its attached message's) into {@code media}. */
    private NewsItem.Builder story(Message m, ParseContext ctx, int depth, List<EmailParts.Attachment> media)
            throws ParseException {
        NewsItem.Builder item = NewsItem.builder();
        EmailSubject.Reading subject = subjects.read(subjectOf(m, item.warnings));
        Mailbox from = sender(m);
        String dateRaw = fieldBody(m, "Date");
        Instant date = date(m, dateRaw, item);
        Instant created = date != null ? date : ctx == null ? null : ctx.receivedAt();
        ParseContext here = new ParseContext(ctx == null ? null : ctx.source(), created);

        EmailParts parts = EmailParts.of(m);
        item.warnings.addAll(parts.warnings);
        String plain = parts.plainText();
        EmailText.Cleaned cleaned = plain == null ? null : EmailText.clean(plain);
        String subjectHeadline = subject.headline();
        if (cleaned != null && cleaned.forwardedSubject() != null && subjects.generic(subjectHeadline)) {
            subjectHeadline = subjects.read(cleaned.forwardedSubject()).headline();
        }
        EmailStory.Reading reading = cleaned != null ? stories.plain(cleaned.text(), subjectHeadline, here)
                : parts.htmlText() != null ? stories.html(parts.htmlText(), subjectHeadline, here)
                : stories.plain("", subjectHeadline, here);

        // A mail that only covers an attached story: the attachment is the story.
        List<EmailParts.Attachment> unread = new ArrayList<>(parts.attachments);
        String note = cleaned == null ? null : cleaned.note();
        EmailParts.Attachment attached = attachedStory(parts, reading);
        if (attached != null && depth < MAX_NESTED_READS) {
            unread.remove(attached);
            String covering = reading.hasText() ? plainOf(reading) : null;
            if (attached.message() != null) {
                NewsItem.Builder inner = story(attached.message(), ctx, depth + 1, media);
                inner.warnings.add(0, "the mail's own text " + (covering == null ? "is empty" : "only covers it")
                        + "; the story is read from the attached message " + attached.describe());
                if (covering != null && inner.ednote == null) inner.ednote = covering;
                unread(unread, inner, media);
                if (parts.broken) held(inner, "the message's structure is broken and text may be missing");
                return inner;
            }
            item.warn("the mail's own text " + (covering == null ? "is empty" : "only covers it")
                    + "; the story is read from the attached " + attached.describe());
            if (covering != null) note = covering;
            reading = stories.plain(EmailText.clean(attached.text()).text(), subjectHeadline, here);
        }
        unread(unread, item, media);

        NewsItem w = reading.wire();
        if (w != null) {
            List<String> noted = item.warnings;
            item = w.toBuilder();
            item.warnings.addAll(0, noted);
        }
        item.headline = reading.headline();
        item.bodyHtml = reading.bodyHtml();
        if (item.slugline == null) item.slugline = reading.subjectAside();
        if (item.ednote == null) item.ednote = note;
        if (item.agency == null) item.agency = subject.agency() != null ? subject.agency() : agencyOf(from);
        if (item.urgency == null) item.urgency = subject.urgency();
        if (item.byline == null) item.byline = byline(cleaned != null && cleaned.forwardedFrom() != null
                ? forwardedName(cleaned.forwardedFrom()) : from == null ? null : from.getName());
        if (item.language == null) item.language = language(fieldBody(m, "Content-Language"));
        if (w == null || w.firstCreated() == null || w.firstCreated().equals(created)) item.firstCreated = created;
        if (w == null || w.versionCreated() == null || w.versionCreated().equals(created)) item.versionCreated = item.firstCreated;
        if (w == null || !reading.wireId()) item.uri = uri(m, ctx, item.headline, dateRaw, from);

        if (parts.broken) held(item, "the message's structure is broken and text may be missing");
        else if (!reading.hasText() && item.headline != null) held(item, "the message has no text");
        else if (reading.guessed()) held(item, "neither the subject nor the text gives a headline; the first line stands in");
        return item;
    }

    /** The decoded subject; one sent as raw bytes that are not UTF-8 is read again as windows-1252. */
    private static String subjectOf(Message m, List<String> warnings) {
        String decoded = quietly(m::getSubject);
        Field f = m.getHeader() == null ? null : m.getHeader().getField("Subject");
        if (decoded != null && decoded.indexOf('\uFFFD') >= 0 && f != null && f.getRaw() != null) {
            byte[] raw = f.getRaw().toByteArray();
            if (Text.invalidUtf8Offset(raw) >= 0) {
                String text = new String(raw, WireCopy.WINDOWS_1252);
                String body = text.substring(text.indexOf(':') + 1).replaceAll("\r?\n(?=[ \t])", "").strip();
                decoded = quietly(() -> DecoderUtil.decodeEncodedWords(body, DecodeMonitor.SILENT));
                warnings.add("Subject: not UTF-8; read as windows-1252");
            }
        }
        return EmailText.encodedWords(decoded, warnings);
    }

    private static void held(NewsItem.Builder item, String why) {
        item.pubstatus = PubStatus.WITHHELD;
        if (why != null) item.warn(why + "; held for the desk");
    }

    /** A story attached to a mail whose own text is empty or only a covering note, or null. */
    private static EmailParts.Attachment attachedStory(EmailParts parts, EmailStory.Reading reading) {
        String own = reading.hasText() ? plainOf(reading) : "";
        for (EmailParts.Attachment a : parts.attachments) {
            boolean story = a.message() != null || a.text() != null && a.type().equals("text/plain") && !a.text().isBlank();
            if (!story) continue;
            if (own.isEmpty()) return a;
            int theirs = a.text() != null ? a.text().strip().length() : Integer.MAX_VALUE;
            if (own.length() < COVERING_NOTE && theirs >= 4 * own.length()) return a;
        }
        return null;
    }

    private static String plainOf(EmailStory.Reading r) {
        return org.jsoup.Jsoup.parse(r.bodyHtml()).text().strip();
    }

    /** Attachments the story was not read from: pictures, video and audio into {@code media}, the rest named in a warning. */
    private static void unread(List<EmailParts.Attachment> attachments, NewsItem.Builder item, List<EmailParts.Attachment> media) {
        for (EmailParts.Attachment a : attachments) {
            if (EmailMedia.kind(a) != null) media.add(a);
            else item.warn("attachment " + a.describe() + " not read: of the files sent with a mail, only pictures, video"
                    + " and audio are taken");
        }
    }

    private static Mailbox sender(Message m) {
        MailboxList list = quietly(m::getFrom);
        if (list != null && !list.isEmpty()) return list.get(0);
        return quietly(m::getSender);
    }

    /** The Date field read by Taar's date reader (which knows IST and friends), then mime4j's; else the newest Received. */
    private static Instant date(Message m, String raw, NewsItem.Builder item) {
        if (raw != null) {
            var parsed = Dates.parse(raw.replaceAll("\\s*\\([^)]*\\)\\s*$", ""));
            if (parsed.isPresent()) return parsed.get();
            java.util.Date d = quietly(m::getDate);
            if (d != null) return d.toInstant();
        }
        String received = fieldBody(m, "Received");
        if (received != null && received.lastIndexOf(';') >= 0) {
            var parsed = Dates.parse(received.substring(received.lastIndexOf(';') + 1).replaceAll("\\s*\\([^)]*\\)\\s*$", ""));
            if (parsed.isPresent()) {
                item.warn((raw == null ? "no Date" : "Date '" + raw + "' unreadable") + "; the time it was received is used");
                return parsed.get();
            }
        }
        item.warn((raw == null ? "no Date" : "Date '" + raw + "' unreadable") + "; the time of delivery is used");
        return null;
    }

    /** mid: (RFC 2392) from the Message-ID, else one derived from the source, headline, Date and sender. */
    private static String uri(Message m, ParseContext ctx, String headline, String dateRaw, Mailbox from) {
        String id = quietly(m::getMessageId);
        if (id != null) {
            String bare = id.strip().replaceAll("^<|>$", "").strip();
            if (!bare.isEmpty()) return "mid:" + Text.percentEncode(bare).replace("%40", "@");
        }
        String key = (dateRaw == null ? "" : dateRaw.strip()) + " " + (from == null ? "" : from.getAddress());
        return Text.derivedUri(ctx == null ? null : ctx.source(), headline, key);
    }

    private String agencyOf(Mailbox from) {
        if (from == null) return null;
        if (from.getName() != null) {
            for (String word : from.getName().split("[\\s,()-]+")) {
                String code = agencies.code(word).orElse(null);
                if (code != null && word.length() > 1) return code;
            }
        }
        String domain = from.getDomain();
        if (domain == null) return null;
        String[] labels = domain.toLowerCase(Locale.ROOT).split("\\.");
        return labels.length >= 2 ? agencies.code(labels[labels.length - 2]).orElse(null) : null;
    }

    /** A person's name from the sender's display name; not an address, an agency or a desk. */
    private String byline(String name) {
        // An address is no name, and a name that lost letters to a wrong charset is not printed.
        if (name == null || name.isBlank() || name.contains("@") || name.indexOf('\uFFFD') >= 0) return null;
        String n = name.strip().replaceAll("^[\"']|[\"']$", "").strip();
        String letters = n.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{M}\\p{N}]", "");
        if (agencies.code(n).isPresent() || letters.contains("noreply") || letters.contains("donotreply")
                || letters.contains("mailerdaemon")) {
            return null;
        }
        for (String word : n.toLowerCase(Locale.ROOT).split("[\\s,.()_-]+")) {
            if (NOT_A_PERSON.contains(word) || agencies.code(word).isPresent() && word.length() > 1) return null;
        }
        return n.isEmpty() ? null : n;
    }

    private static String forwardedName(String from) {
        int lt = from.indexOf('<');
        String name = (lt > 0 ? from.substring(0, lt) : lt == 0 ? "" : from).strip().replaceAll("^\"|\"$", "");
        return name.isEmpty() ? null : name;
    }

    private static String language(String contentLanguage) {
        if (contentLanguage == null) return null;
        String first = contentLanguage.split(",")[0].strip();
        return first.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*") ? first : null;
    }

    private static String fieldBody(Message m, String name) {
        Field f = m.getHeader() == null ? null : m.getHeader().getField(name);
        return f == null || f.getBody() == null || f.getBody().isBlank() ? null : f.getBody().strip();
    }

    /** mime4j reads a field when asked and may throw on one it cannot parse; such a field counts as absent. */
    private static <T> T quietly(java.util.function.Supplier<T> get) {
        try {
            return get.get();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** mime4j's notes on what it had to tolerate, each said once. */
    private static final class NotedProblems extends DecodeMonitor {
        private final List<String> into;
        private final Set<String> seen = new LinkedHashSet<>();

        NotedProblems(List<String> into) {
            this.into = into;
        }

        @Override
        public boolean warn(String problem, String handling) {
            String p = problem.replaceAll("\\d+", "N");
            if (seen.size() < 5 && seen.add(p)) into.add("MIME: " + problem + " (" + handling + ")");
            return false;
        }

        @Override
        public boolean isListening() {
            return true;
        }
    }
}
