package org.taar.format;

import java.io.IOException;
import java.io.Reader;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.taar.text.HtmlEscape;

/**
 * Splits a WordPress export, however large, into one small export per published post, read as a
 * stream: the export's own {@code <rss>} tag and channel title, link and language, the post's
 * author entry, the post's {@code <item>} as written, and its featured image's attachment. Each
 * becomes one delivery that {@link WxrParser} reads like the whole file, so a decade of posts is
 * archived and imported post by post without the file in memory.
 *
 * <p>The caller reads the file twice: {@link #learn} keeps the channel, the authors and every
 * attachment's address, caption and alt text (a few hundred bytes each: the one thing kept for
 * the whole file), then {@link #posts} hands over the posts.
 */
public final class WxrSplitter {
    private static final Pattern RSS_TAG = Pattern.compile("<rss\\b[^>]*>", Pattern.DOTALL);
    private static final Pattern AUTHOR = Pattern.compile("<wp:author>.*?</wp:author>", Pattern.DOTALL);
    private static final Pattern META = Pattern.compile(
            "<wp:postmeta>\\s*<wp:meta_key>(?:<!\\[CDATA\\[)?(.*?)(?:\\]\\]>)?</wp:meta_key>\\s*"
                    + "<wp:meta_value>(?:<!\\[CDATA\\[)?(.*?)(?:\\]\\]>)?</wp:meta_value>", Pattern.DOTALL);

    private static final Map<String, Pattern> FIELDS = new ConcurrentHashMap<>();

    private String rssTag = "<rss version=\"2.0\">";
    private String channel = "";
    private final Map<String, String> authors = new HashMap<>();
    private final Map<String, String> attachments = new HashMap<>();
    private final Map<String, Integer> leftOut = new TreeMap<>();
    private final long maxChars;

    /** @param maxBytes the largest post read; an item longer than this (in characters) stops the reading */
    public WxrSplitter(long maxBytes) {
        this.maxChars = maxBytes;
    }

    /** The first reading: channel, authors and attachments. */
    public void learn(Reader in) throws IOException {
        Scan scan = new Scan(in, maxChars);
        String header = scan.header();
        Matcher rss = RSS_TAG.matcher(header);
        if (!rss.find() || !rss.group().contains(WxrParser.WP_PREFIX)) {
            throw new IOException("not a WordPress export: no <rss> declaring the wp: namespace");
        }
        rssTag = rss.group();
        StringBuilder ch = new StringBuilder();
        for (String tag : new String[] {"title", "link", "language", "wp:wxr_version", "wp:base_site_url"}) {
            String v = rawField(header, tag);
            if (v != null) ch.append('<').append(tag).append('>').append(v).append("</").append(tag).append(">\n");
        }
        channel = ch.toString();
        Matcher a = AUTHOR.matcher(header);
        while (a.find()) {
            String login = field(a.group(), "wp:author_login");
            if (login != null) authors.put(login, a.group());
        }
        String item;
        while ((item = scan.nextItem()) != null) {
            if (!"attachment".equals(field(item, "wp:post_type"))) continue;
            String id = field(item, "wp:post_id");
            String url = field(item, "wp:attachment_url");
            if (id == null || url == null) continue;
            String alt = null;
            Matcher m = META.matcher(item);
            while (m.find()) if (m.group(1).equals("_wp_attachment_image_alt")) alt = m.group(2);
            attachments.put(id, attachmentItem(id, url, field(item, "title"), field(item, "excerpt:encoded"), alt));
        }
    }

    /** The second reading: each published or scheduled post as a small export of its own. */
    public void posts(Reader in, Consumer<String> post) throws IOException {
        Scan scan = new Scan(in, maxChars);
        scan.header();
        String item;
        while ((item = scan.nextItem()) != null) {
            String type = field(item, "wp:post_type");
            String status = field(item, "wp:status");
            if (!"post".equals(type) || !("publish".equals(status) || "future".equals(status))) {
                if (!"attachment".equals(type)) {
                    leftOut.merge((type == null ? "item" : type) + (status == null ? "" : " (" + status + ")"), 1, Integer::sum);
                }
                continue;
            }
            StringBuilder doc = new StringBuilder(item.length() + 2048);
            doc.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n").append(rssTag).append("\n<channel>\n").append(channel);
            String login = field(item, "dc:creator");
            if (login != null && authors.containsKey(login)) doc.append(authors.get(login)).append('\n');
            doc.append(item).append('\n');
            Matcher m = META.matcher(item);
            while (m.find()) {
                if (m.group(1).equals("_thumbnail_id") && attachments.containsKey(m.group(2).strip())) {
                    doc.append(attachments.get(m.group(2).strip())).append('\n');
                }
            }
            doc.append("</channel>\n</rss>\n");
            post.accept(doc.toString());
        }
    }

    /** What the export held that is not a published post, by kind: pages, drafts, menu entries. */
    public Map<String, Integer> leftOut() {
        return leftOut;
    }

    private static String attachmentItem(String id, String url, String title, String excerpt, String alt) {
        StringBuilder b = new StringBuilder("<item>");
        if (title != null) b.append("<title>").append(HtmlEscape.escape(title)).append("</title>");
        if (excerpt != null) b.append("<excerpt:encoded>").append(HtmlEscape.escape(excerpt)).append("</excerpt:encoded>");
        b.append("<wp:post_id>").append(HtmlEscape.escape(id)).append("</wp:post_id>")
                .append("<wp:post_type>attachment</wp:post_type>")
                .append("<wp:attachment_url>").append(HtmlEscape.escape(url)).append("</wp:attachment_url>");
        if (alt != null) {
            b.append("<wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key><wp:meta_value>")
                    .append(HtmlEscape.escape(alt)).append("</wp:meta_value></wp:postmeta>");
        }
        return b.append("</item>").toString();
    }

    /** An element's text as written (CDATA unwrapped, entities left for the XML reader). */
    private static String rawField(String xml, String tag) {
        Matcher m = FIELDS.computeIfAbsent(tag, t -> Pattern.compile(
                "<" + Pattern.quote(t) + "(?:\\s[^>]*)?>(.*?)</" + Pattern.quote(t) + ">", Pattern.DOTALL)).matcher(xml);
        if (!m.find()) return null;
        return m.group(1).strip();
    }

    /** An element's text, CDATA unwrapped and entities decoded. */
    static String field(String xml, String tag) {
        String raw = rawField(xml, tag);
        if (raw == null) return null;
        String t = raw.startsWith("<![CDATA[") && raw.endsWith("]]>") ? raw.substring(9, raw.length() - 3)
                : raw.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&");
        t = t.strip();
        return t.isEmpty() ? null : t;
    }

    /**
     * Finds {@code <item>} elements in the text, outside CDATA sections and comments (a post's
     * HTML may well say "&lt;/item&gt;" inside its CDATA); items do not nest in an export.
     */
    private static final class Scan {
        private final Reader in;
        private final long maxChars;
        private final StringBuilder buf = new StringBuilder();
        private boolean eof;
        private int pos;

        Scan(Reader in, long maxChars) {
            this.in = in;
            this.maxChars = maxChars;
        }

        /** Everything before the first item (or the whole file when it has none). */
        String header() throws IOException {
            int start = find("<item", 0, true);
            String h = buf.substring(0, start < 0 ? buf.length() : start);
            pos = start < 0 ? buf.length() : start;
            return h;
        }

        String nextItem() throws IOException {
            int start = find("<item", pos, true);
            if (start < 0) return null;
            int end = find("</item>", start, false);
            if (end < 0) throw new IOException("the export ends inside an <item> (cut off?)");
            end += "</item>".length();
            String item = buf.substring(start, end);
            buf.delete(0, end);
            pos = 0;
            return item;
        }

        // Scans from `from` for `what` outside CDATA and comments; reads more of the file as needed.
        private int find(String what, int from, boolean tagStart) throws IOException {
            int i = from;
            while (true) {
                if (!ensure(i + Math.max(what.length(), 9) + 1)) {
                    if (i >= buf.length()) return -1;
                }
                if (i >= buf.length()) return -1;
                if (startsWith("<![CDATA[", i)) {
                    int close = skipTo("]]>", i + 9);
                    if (close < 0) return -1;
                    i = close + 3;
                    continue;
                }
                if (startsWith("<!--", i)) {
                    int close = skipTo("-->", i + 4);
                    if (close < 0) return -1;
                    i = close + 3;
                    continue;
                }
                if (startsWith(what, i)) {
                    if (!tagStart) return i;
                    char next = i + what.length() < buf.length() ? buf.charAt(i + what.length()) : '>';
                    if (next == '>' || Character.isWhitespace(next)) return i;
                }
                i++;
            }
        }

        private int skipTo(String close, int from) throws IOException {
            int i = from;
            ensure(i + close.length());
            while (true) {
                int at = buf.indexOf(close, i);
                if (at >= 0) return at;
                if (eof) return -1;
                i = Math.max(from, buf.length() - close.length());
                ensure(buf.length() + 1);
            }
        }

        private boolean startsWith(String s, int at) {
            if (buf.length() < at + s.length()) return false;
            for (int k = 0; k < s.length(); k++) if (buf.charAt(at + k) != s.charAt(k)) return false;
            return true;
        }

        // Reads until the buffer holds at least `n` chars or the file ends; false at the end.
        private boolean ensure(int n) throws IOException {
            char[] chunk = new char[65536];
            while (buf.length() < n && !eof) {
                // A header or an item without end (a hostile or broken file) must not take the memory.
                if (buf.length() > maxChars + 65536L) {
                    throw new IOException("an item or header longer than " + maxChars + " characters; the export is broken");
                }
                int r = in.read(chunk);
                if (r < 0) eof = true;
                else buf.append(chunk, 0, r);
            }
            return buf.length() >= n;
        }
    }
}
