package org.taar.format;

import static org.taar.format.FeedXml.attr;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.taar.item.NewsItem;
import org.taar.item.Media;

/**
 * Reads a WordPress export (WXR 1.0 to 1.2: RSS 2.0 with the {@code wp:} extension), so that a
 * portal on WordPress can move its past over. Each published post is an item: its title, its
 * content (WordPress stores paragraphs as blank lines, so they are made paragraphs here, as
 * WordPress's own {@code wpautop} does on display), its excerpt, author (the display name the export
 * lists for the login), categories (the first is the declared section) and tags, its dates (GMT),
 * its permalink (kept as the item's link, which the import makes a former address of the story) and
 * its featured image (the attachment its {@code _thumbnail_id} names, with that attachment's caption
 * and alt text). A scheduled post is embargoed until its date. Drafts, pages, menu entries and the
 * rest are not news: they are counted in one warning each and left out.
 */
public final class WxrParser implements FormatParser {
    public static final String NAME = "wxr";
    /** WXR 1.0, 1.1 and 1.2 differ in this namespace's version only. */
    static final String WP_PREFIX = "http://wordpress.org/export/1.";
    private static final Pattern BLOCK = Pattern.compile(
            "<(?:p|div|h[1-6]|ul|ol|li|blockquote|table|figure|pre|hr|section|article)[\\s>/]", Pattern.CASE_INSENSITIVE);
    private static final Pattern CAPTION = Pattern.compile("\\[caption[^\\]]*\\](.*?)\\[/caption\\]", Pattern.DOTALL);
    /** WordPress's own media shortcodes; their markup has no meaning outside WordPress. */
    private static final Pattern SHORTCODE = Pattern.compile("\\[/?(?:gallery|embed|video|audio|playlist)\\b[^\\]]*\\]");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean accepts(byte[] content) {
        var root = XmlSniff.root(content);
        if (root.isEmpty() || !root.get().is("rss")) return false;
        // The namespace is declared on <rss>, within the first few hundred bytes of every export.
        String head = new String(content, 0, Math.min(content.length, 4096), StandardCharsets.UTF_8);
        return head.contains(WP_PREFIX);
    }

    /** One {@code <item>} as read: a post or an attachment, whose kind is only known at its end. */
    private static final class Post {
        final FeedEntry entry = new FeedEntry();
        String id;
        String type;
        String status;
        String dateGmt;
        String date;
        String attachmentUrl;
        String thumbnailId;
        String alt;
        final List<String> categories = new ArrayList<>();
    }

    @Override
    public ParseResult parse(byte[] content, ParseContext ctx) throws ParseException {
        return FeedXml.collect(NAME, sink -> parse(content, ctx, sink));
    }

    @Override
    public ParseResult parse(byte[] content, ParseContext ctx, Consumer<NewsItem> sink) throws ParseException {
        // Attachments may come before or after the posts that name them: posts wait for the end.
        List<Post> posts = new ArrayList<>();
        Map<String, Post> attachments = new HashMap<>();
        Map<String, String> authors = new HashMap<>();
        Map<String, Integer> skipped = new TreeMap<>();
        String[] channel = new String[2]; // language, link
        ParseResult r = FeedXml.stream(NAME, content, ctx, sink, (x, out) -> {
            String root = Stax.rootName(x);
            if (root == null || !root.equals("rss")) throw new FeedXml.WrongFormat("not a WordPress export: no <rss>");
            FeedXml.children(x, c -> {
                if (!c.getLocalName().equals("channel")) {
                    Stax.skip(c);
                    return;
                }
                FeedXml.children(c, e -> {
                    String name = e.getLocalName();
                    boolean wp = isWp(e);
                    if (name.equals("item")) {
                        Post p = item(e);
                        if ("attachment".equals(p.type)) {
                            if (p.id != null) attachments.put(p.id, p);
                        } else if ("post".equals(p.type) && ("publish".equals(p.status) || "future".equals(p.status))) {
                            posts.add(p);
                        } else {
                            skipped.merge((p.type == null ? "item" : p.type) + (p.status == null ? "" : " (" + p.status + ")"),
                                    1, Integer::sum);
                        }
                    } else if (name.equals("author") && wp) {
                        author(e, authors);
                    } else if (name.equals("language") && !wp) {
                        channel[0] = Text.blankToNull(Stax.text(e));
                    } else if (name.equals("link") && !wp) {
                        channel[1] = Text.blankToNull(Stax.text(e));
                    } else {
                        Stax.skip(e);
                    }
                });
            });
            for (Post p : posts) out.emit(entry(p, attachments, authors, channel[1]), channel[0]);
        });
        List<String> warnings = new ArrayList<>(r.warnings());
        skipped.forEach((kind, n) -> warnings.add(n + " " + kind + (n == 1 ? "" : "s") + " left out: not a published post"));
        return new ParseResult(NAME, r.items(), warnings);
    }

    private static boolean isWp(XMLStreamReader r) {
        String ns = r.getNamespaceURI();
        return ns != null && ns.startsWith(WP_PREFIX);
    }

    private static void author(XMLStreamReader r, Map<String, String> authors) throws XMLStreamException {
        String[] loginAndName = new String[2];
        FeedXml.children(r, c -> {
            switch (c.getLocalName()) {
                case "author_login" -> loginAndName[0] = Text.blankToNull(Stax.text(c));
                case "author_display_name" -> loginAndName[1] = Text.blankToNull(Stax.text(c));
                default -> Stax.skip(c);
            }
        });
        if (loginAndName[0] != null && loginAndName[1] != null) authors.put(loginAndName[0], loginAndName[1]);
    }

    private static Post item(XMLStreamReader r) throws XMLStreamException {
        Post p = new Post();
        FeedEntry e = p.entry;
        FeedXml.children(r, c -> {
            String name = c.getLocalName();
            String ns = c.getNamespaceURI() == null ? "" : c.getNamespaceURI();
            if (ns.startsWith(WP_PREFIX) && ns.endsWith("/excerpt/")) {
                if (name.equals("encoded")) e.description(Stax.text(c), false);
                else Stax.skip(c);
                return;
            }
            if (ns.startsWith(WP_PREFIX)) {
                switch (name) {
                    case "post_id" -> p.id = Text.blankToNull(Stax.text(c));
                    case "post_type" -> p.type = Text.blankToNull(Stax.text(c));
                    case "status" -> p.status = Text.blankToNull(Stax.text(c));
                    case "post_date_gmt" -> p.dateGmt = Text.blankToNull(Stax.text(c));
                    case "post_date" -> p.date = Text.blankToNull(Stax.text(c));
                    case "attachment_url" -> p.attachmentUrl = Text.blankToNull(Stax.text(c));
                    case "postmeta" -> meta(c, p);
                    default -> Stax.skip(c);
                }
                return;
            }
            switch (name) {
                case "title" -> e.title = Stax.text(c);
                case "link" -> e.link = Text.blankToNull(Stax.text(c));
                case "guid" -> e.id = Text.blankToNull(Stax.text(c));
                case "creator" -> e.byline = Text.blankToNull(Stax.text(c));
                case "encoded" -> e.content = Stax.text(c);
                case "pubDate" -> e.created("pubDate", Stax.text(c));
                case "category" -> {
                    String domain = attr(c, "domain");
                    String value = Text.blankToNull(Stax.text(c));
                    if (value == null) return;
                    if ("category".equals(domain)) {
                        p.categories.add(value);
                    } else if ("post_tag".equals(domain)) {
                        e.tag(value);
                    }
                }
                default -> Stax.skip(c);
            }
        });
        return p;
    }

    private static void meta(XMLStreamReader r, Post p) throws XMLStreamException {
        String[] kv = new String[2];
        FeedXml.children(r, c -> {
            switch (c.getLocalName()) {
                case "meta_key" -> kv[0] = Text.blankToNull(Stax.text(c));
                case "meta_value" -> kv[1] = Text.blankToNull(Stax.text(c));
                default -> Stax.skip(c);
            }
        });
        if ("_thumbnail_id".equals(kv[0])) p.thumbnailId = kv[1];
        else if ("_wp_attachment_image_alt".equals(kv[0])) p.alt = kv[1];
    }

    private static FeedEntry entry(Post p, Map<String, Post> attachments, Map<String, String> authors, String siteLink) {
        FeedEntry e = p.entry;
        e.feedLink = siteLink;
        if (e.byline != null) e.byline = authors.getOrDefault(e.byline, e.byline);
        if (e.id == null && p.id != null) e.id = "wp:" + (siteLink == null ? "" : siteLink + ":") + p.id;
        // GMT is WordPress's own record of the moment; post_date is the blog's local time, zone unknown.
        String gmt = gmt(p.dateGmt);
        if (gmt != null) {
            e.created = null;
            e.created("wp:post_date_gmt", gmt);
        } else {
            e.created("wp:post_date", p.date);
        }
        e.content = paragraphs(e.content);
        // Categories first: the first tag is the declared section (FeedEntry), and a post's first category is its section.
        List<String> tags = new ArrayList<>(p.categories);
        tags.addAll(e.tags);
        e.tags.clear();
        tags.forEach(e::tag);
        Post picture = p.thumbnailId == null ? null : attachments.get(p.thumbnailId);
        if (picture != null && picture.attachmentUrl != null) {
            String caption = picture.entry.description != null ? HtmlContent.text(picture.entry.description)
                    : HtmlContent.text(picture.entry.title);
            e.media.addPicture(picture.attachmentUrl, caption);
        }
        boolean scheduled = "future".equals(p.status);
        String alt = picture == null ? null : Text.blankToNull(picture.alt);
        e.amend = b -> {
            if (scheduled) b.embargoed = b.firstCreated;
            if (alt != null && b.media.size() == 1) {
                Media m = b.media.get(0);
                b.media.set(0, new Media(m.kind(), m.uri(), m.version(), m.caption(), m.credit(), alt, m.renditions(),
                        m.pubstatus()));
            }
        };
        return e;
    }

    private static String gmt(String value) {
        if (value == null || value.startsWith("0000-00-00")) return null;
        return value.strip().replace(' ', 'T') + "Z";
    }

    /**
     * WordPress keeps a classic post's paragraphs as blank lines and shows them through wpautop;
     * content that already has block markup (the block editor's) is left as it is. WordPress's
     * caption shortcode keeps its inside; its media shortcodes go.
     */
    static String paragraphs(String content) {
        if (content == null || content.isBlank()) return content;
        String c = CAPTION.matcher(content).replaceAll("$1");
        c = SHORTCODE.matcher(c).replaceAll("");
        if (BLOCK.matcher(c).find()) return c;
        StringBuilder out = new StringBuilder();
        for (String para : c.replace("\r\n", "\n").split("\n\\s*\n")) {
            if (para.isBlank()) continue;
            out.append("<p>").append(para.strip().replace("\n", "<br>\n")).append("</p>\n");
        }
        return out.toString();
    }
}
