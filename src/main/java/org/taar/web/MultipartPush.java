package org.taar.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.io.MaxHeaderLengthLimitException;
import org.apache.james.mime4j.io.MaxHeaderLimitException;
import org.apache.james.mime4j.io.MaxLineLimitException;
import org.apache.james.mime4j.io.MaxNestingDepthLimitException;
import org.apache.james.mime4j.io.MaxPartCountLimitException;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.stream.NameValuePair;
import org.apache.james.mime4j.stream.RawBody;
import org.apache.james.mime4j.stream.RawFieldParser;
import org.taar.format.Attachment;
import org.taar.intake.AttachmentNames;
import org.taar.intake.MediaKinds;
import org.taar.item.Media;

/**
 * A push with its pictures ({@code multipart/form-data}, {@code multipart/mixed} or
 * {@code multipart/related}), read with mime4j's streaming parser from the body RequestBody has
 * already read under its cap. The part named {@code story}, or else the first part that is no
 * picture, video or audio, is the delivery; every other part is an attachment under its file name
 * made safe (intake/AttachmentNames). Parts, header fields and header lengths are capped, so a
 * body of ten thousand tiny parts or a header bomb is refused cheaply.
 */
final class MultipartPush {
    static final int MAX_PARTS = 100;
    static final int MAX_FIELDS = 32;
    static final int MAX_HEADER = 8 * 1024;
    private static final Pattern BOUNDARY = Pattern.compile("(?i)(?:^|[;\\s])boundary\\s*=\\s*(\"[^\"]{1,200}\"|[^;\\s\"]{1,200})");

    private MultipartPush() {}

    /** The delivery's own bytes and name, and what came beside them. */
    record Parsed(String name, byte[] story, List<Attachment> attachments) {}

    /** A body that cannot be taken, with the HTTP status and the reason to answer. */
    static final class Refused extends Exception {
        final int status;

        Refused(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    static boolean isMultipart(String contentType) {
        return contentType != null && contentType.strip().toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    private record Part(String field, String filename, String contentType, byte[] bytes) {
        boolean media() {
            return MediaKinds.of(bytes, filename) != null || Media.Kind.ofContentType(contentType) != null;
        }
    }

    static Parsed parse(byte[] body, String contentType) throws Refused {
        // A header value never holds a line break (Jetty refuses one), but nothing here relies on it.
        String type = contentType.replaceAll("[\\r\\n]", " ");
        if (!BOUNDARY.matcher(type).find()) {
            throw new Refused(400, "a multipart body needs a boundary in its Content-Type");
        }
        List<Part> parts = parts(body, type);
        Part story = null;
        for (Part p : parts) {
            if ("story".equalsIgnoreCase(p.field())) {
                story = p;
                break;
            }
        }
        if (story == null) {
            for (Part p : parts) {
                if (!p.media() && p.bytes().length > 0) {
                    story = p;
                    break;
                }
            }
        }
        if (story == null) {
            throw new Refused(400, "no story part: name it 'story', or send the story as a part that is "
                    + "no picture, video or audio");
        }
        AttachmentNames names = new AttachmentNames();
        String storyName = names.next(story.filename(), "push");
        List<Attachment> attachments = new ArrayList<>();
        for (Part p : parts) {
            if (p == story || p.bytes().length == 0) continue;
            attachments.add(new Attachment(names.next(p.filename(), p.field()), p.contentType(), p.bytes()));
        }
        return new Parsed(storyName, story.bytes(), attachments);
    }

    private static List<Part> parts(byte[] body, String contentType) throws Refused {
        MimeConfig limits = new MimeConfig.Builder()
                .setStrictParsing(false)
                .setMaxHeaderCount(MAX_FIELDS)
                .setMaxTotalHeaderCount(MAX_FIELDS * (MAX_PARTS + 1))
                .setMaxHeaderLen(MAX_HEADER)
                // Binary parts have no lines: only header fields are bounded, above, and the body by its cap.
                .setMaxLineLen(-1)
                .setMaxPartCount(MAX_PARTS + 1)
                .setMaxNestingDepth(4)
                .build();
        MimeTokenStream stream = new MimeTokenStream(limits);
        List<Part> parts = new ArrayList<>();
        try {
            stream.parseHeadless(new ByteArrayInputStream(body), contentType);
            int depth = 0;
            String field = null;
            String filename = null;
            String type = null;
            for (EntityState state = stream.getState(); state != EntityState.T_END_OF_STREAM; state = stream.next()) {
                switch (state) {
                    case T_START_MULTIPART -> depth++;
                    case T_END_MULTIPART -> depth--;
                    case T_START_BODYPART -> {
                        if (depth == 1) {
                            field = null;
                            filename = null;
                            type = null;
                        }
                    }
                    case T_FIELD -> {
                        if (depth != 1) break;
                        Field f = stream.getField();
                        if (f.getName().equalsIgnoreCase("Content-Disposition")) {
                            RawBody d = RawFieldParser.DEFAULT.parseRawBody(RawFieldParser.DEFAULT.parseField(f.getRaw()));
                            field = param(d, "name");
                            filename = filename(d);
                        } else if (f.getName().equalsIgnoreCase("Content-Type")) {
                            type = f.getBody() == null ? null : f.getBody().split(";", 2)[0].strip();
                        }
                    }
                    case T_BODY -> {
                        // A part that is itself multipart is not read into: an agency sends flat parts.
                        if (depth != 1) break;
                        if (parts.size() >= MAX_PARTS) {
                            throw new Refused(413, "more than " + MAX_PARTS + " parts in one push");
                        }
                        try (InputStream in = stream.getDecodedInputStream()) {
                            parts.add(new Part(field, filename, type, in.readAllBytes()));
                        }
                    }
                    default -> { }
                }
            }
        } catch (MimeException | IOException e) {
            throw refusal(e);
        }
        return parts;
    }

    private static Refused refusal(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MaxPartCountLimitException) return new Refused(413, "more than " + MAX_PARTS + " parts in one push");
            if (t instanceof MaxHeaderLimitException) {
                return new Refused(400, "a part has more than " + MAX_FIELDS + " header fields");
            }
            if (t instanceof MaxHeaderLengthLimitException || t instanceof MaxLineLimitException) {
                return new Refused(400, "a part's header is longer than " + MAX_HEADER + " bytes");
            }
            if (t instanceof MaxNestingDepthLimitException) return new Refused(400, "parts nested too deep");
        }
        return new Refused(400, "the multipart body cannot be read: " + e.getMessage());
    }

    private static String param(RawBody d, String name) {
        for (NameValuePair p : d.getParams()) {
            if (p.getName() != null && p.getName().equalsIgnoreCase(name)) return p.getValue();
        }
        return null;
    }

    /** filename, or RFC 5987's filename*=UTF-8''... that browsers send for names outside ASCII. */
    private static String filename(RawBody d) {
        String plain = param(d, "filename");
        String extended = param(d, "filename*");
        if (extended != null) {
            Matcher m = Pattern.compile("(?i)utf-8'[^']*'(.*)").matcher(extended);
            if (m.matches()) {
                try {
                    return URLDecoder.decode(m.group(1).replace("+", "%2B"), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException badEscape) {
                    return plain;
                }
            }
        }
        return plain;
    }
}
