package org.taar.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.james.mime4j.dom.Body;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.field.ContentTypeField;
import org.jsoup.Jsoup;

/**
 * What a message holds, read from mime4j's tree: its text as plain text or HTML (the inline text
 * parts; of alternatives, the one with more to read) and what is attached.
 */
final class EmailParts {
    /** Signatures of a signed message: proof of sender, not something the desk needs to hear about. */
    private static final Set<String> SIGNATURES = Set.of("application/pgp-signature", "application/pkcs7-signature",
            "application/x-pkcs7-signature");

    /**
     * Something attached: its file name (or the subject of an attached message), type and decoded size;
     * {@code text} holds a text attachment's decoded text, {@code message} an attached message, {@code bytes}
     * a picture's, video's or audio's bytes (null when they were not held: see {@link EmailBodies}), and
     * {@code description} its Content-Description, which senders use as a caption.
     */
    record Attachment(String name, String type, long size, String text, Message message, byte[] bytes,
                      boolean overCap, String description) {
        Attachment(String name, String type, long size, String text, Message message) {
            this(name, type, size, text, message, null, false, null);
        }

        String describe() {
            return "'" + name + "' (" + type + ", " + EmailParts.size(size) + ")";
        }
    }

    private static final String NO_NAME = "(no name)";

    final List<String> plain = new ArrayList<>();
    final List<String> html = new ArrayList<>();
    final List<Attachment> attachments = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    /** The structure was broken so that text may have been lost: the story is held for the desk. */
    boolean broken;

    static EmailParts of(Message message) {
        EmailParts parts = new EmailParts();
        parts.walk(message);
        return parts;
    }

    /** The inline plain text, or null when there is none. */
    String plainText() {
        String t = String.join("\n\n", plain);
        return t.isBlank() ? null : t;
    }

    /** The inline HTML, or null when there is none. */
    String htmlText() {
        String t = String.join("\n", html);
        return t.isBlank() ? null : t;
    }

    private void walk(Entity e) {
        Body body = e.getBody();
        String type = e.getMimeType() == null ? "text/plain" : e.getMimeType().toLowerCase(Locale.ROOT);
        if (body instanceof Multipart mp) {
            multipart(e, mp, type);
        } else if (body instanceof Message nested) {
            String name = e.getFilename() != null ? e.getFilename()
                    : nested.getSubject() != null ? nested.getSubject() : "forwarded message";
            attachments.add(new Attachment(name, "message/rfc822", size(body), null, nested));
        } else if (body instanceof EmailBodies.Kept text && inline(e, type)) {
            String decoded = EmailText.decode(text, type, warnings);
            (type.equals("text/html") ? html : plain).add(type.equals("text/html") ? decoded : EmailText.unflow(decoded, e));
        } else if (!SIGNATURES.contains(type)) {
            String name = fileName(e);
            String text = body instanceof EmailBodies.Kept k ? EmailText.unflow(EmailText.decode(k, type, warnings), e) : null;
            byte[] bytes = body instanceof EmailBodies.Held h ? h.bytes() : null;
            boolean overCap = body instanceof EmailBodies.Counted c && c.overCap;
            String description = e.getHeader() == null || e.getHeader().getField("Content-Description") == null ? null
                    : Text.blankToNull(e.getHeader().getField("Content-Description").getBody());
            attachments.add(new Attachment(name, type, size(body), text, null, bytes, overCap, description));
        }
    }

    private void multipart(Entity e, Multipart mp, String type) {
        if (mp.getCount() == 0) {
            broken = true;
            ContentTypeField ct = (ContentTypeField) e.getHeader().getField("Content-Type");
            String boundary = ct == null ? null : ct.getBoundary();
            warnings.add(boundary == null ? "a multipart part declares no boundary; its text cannot be read"
                    : "the multipart boundary '" + boundary + "' never occurs; the message's text cannot be read");
            return;
        }
        if (type.equals("multipart/encrypted")) {
            broken = true;
            warnings.add("the message is encrypted; its text cannot be read");
            return;
        }
        if (type.equals("multipart/alternative")) {
            List<EmailParts> candidates = new ArrayList<>();
            for (Entity child : mp.getBodyParts()) {
                EmailParts candidate = new EmailParts();
                candidate.walk(child);
                candidates.add(candidate);
            }
            int most = candidates.stream().mapToInt(EmailParts::readableLength).max().orElse(0);
            // Plain text is the cleaner reading; HTML wins only when it has clearly more to read.
            EmailParts chosen = candidates.stream().filter(c -> !c.plain.isEmpty() && c.readableLength() * 11L >= most * 10L)
                    .findFirst()
                    .orElseGet(() -> candidates.stream().filter(c -> c.readableLength() == most).findFirst().orElseThrow());
            merge(chosen);
            return;
        }
        for (Entity child : mp.getBodyParts()) walk(child);
    }

    private void merge(EmailParts other) {
        plain.addAll(other.plain);
        html.addAll(other.html);
        attachments.addAll(other.attachments);
        warnings.addAll(other.warnings);
        broken |= other.broken;
    }

    /** Letters a reader would see, to choose between alternatives. */
    int readableLength() {
        int n = 0;
        for (String p : plain) n += p.strip().length();
        for (String h : html) n += Jsoup.parse(h).body().text().length();
        return n;
    }

    private static boolean inline(Entity e, String type) {
        if (!type.equals("text/plain") && !type.equals("text/html")) return false;
        if ("attachment".equalsIgnoreCase(e.getDispositionType())) return false;
        return fileName(e).equals(NO_NAME);
    }

    /** The disposition's file name, else the older Content-Type name parameter that many programs still send. */
    private static String fileName(Entity e) {
        String name = e.getFilename();
        if ((name == null || name.isBlank()) && e.getHeader().getField("Content-Type") instanceof ContentTypeField ct) {
            name = ct.getParameter("name");
        }
        return name == null || name.isBlank() ? NO_NAME : name.strip();
    }

    private static long size(Body body) {
        try {
            return body instanceof org.apache.james.mime4j.dom.SingleBody s ? s.size() : -1;
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    /** A size as a person reads it. */
    static String size(long bytes) {
        if (bytes < 0) return "size unknown";
        if (bytes < 1024) return bytes + " bytes";
        if (bytes < 1024 * 1024) return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
