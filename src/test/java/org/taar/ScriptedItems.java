package org.taar;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.taar.format.Attachment;
import org.taar.format.FormatParser;
import org.taar.format.ParseContext;
import org.taar.format.ParseResult;
import org.taar.item.Media;
import org.taar.item.NewsItem;
import org.taar.item.PubStatus;
import org.taar.item.Rendition;

/**
 * A format for the media tests: the bytes {@code scripted:KEY} are read as the items the test put
 * under KEY (with attachments handed over as the e-mail parser hands its attached pictures), so the
 * media step is tested with exactly the items it must handle, whatever the real parsers make today.
 */
public final class ScriptedItems implements FormatParser {
    private final Map<String, List<NewsItem>> items = new ConcurrentHashMap<>();
    private final Map<String, List<Attachment>> inside = new ConcurrentHashMap<>();

    /** Puts the items under a key; returns the delivery's bytes. Each delivery needs its own key. */
    public byte[] put(String key, NewsItem... list) {
        items.put(key, List.of(list));
        return ("scripted:" + key).getBytes(StandardCharsets.UTF_8);
    }

    /** Attachments the "parser" finds inside the delivery under this key. */
    public void inside(String key, Attachment... found) {
        inside.put(key, List.of(found));
    }

    @Override
    public String name() {
        return "scripted";
    }

    @Override
    public boolean accepts(byte[] content) {
        return new String(content, StandardCharsets.UTF_8).startsWith("scripted:");
    }

    @Override
    public ParseResult parse(byte[] content, ParseContext ctx) {
        String key = new String(content, StandardCharsets.UTF_8).substring("scripted:".length());
        inside.getOrDefault(key, List.of()).forEach(ctx.attachments());
        List<NewsItem> out = new ArrayList<>();
        for (NewsItem item : items.getOrDefault(key, List.of())) {
            NewsItem.Builder b = item.toBuilder();
            if (b.firstCreated == null) b.firstCreated = ctx.receivedAt();
            if (b.versionCreated == null) b.versionCreated = ctx.receivedAt();
            out.add(b.build());
        }
        return new ParseResult("scripted", out, List.of());
    }

    /** A text story with its media, the lead first. */
    public static NewsItem story(String uri, int version, String headline, Media... media) {
        NewsItem.Builder b = NewsItem.builder();
        b.uri = uri;
        b.version = version;
        b.headline = headline;
        b.summary = "सारांश: " + headline;
        b.bodyHtml = "<p>नई दिल्ली, 12 जुलाई (आईएएनएस)। " + headline + " पर पहला अनुच्छेद।</p><p>दूसरा अनुच्छेद।</p>";
        b.section = "देश";
        b.language = "hi";
        b.agency = "IANS";
        b.media = new ArrayList<>(List.of(media));
        return b.build();
    }

    /** A picture, video or audio item sent alone (type picture), or withdrawn when canceled. */
    public static NewsItem alone(Media m, PubStatus status) {
        NewsItem.Builder b = NewsItem.builder();
        b.uri = m.uri();
        b.version = m.version();
        b.type = m.kind().label();
        b.pubstatus = status;
        b.headline = m.caption();
        b.media = new ArrayList<>(List.of(m));
        return b.build();
    }

    /** A package sent alone: its uri is its main text's, its media refer to pictures by uri. */
    public static NewsItem pack(String storyUri, int version, Media... refs) {
        NewsItem.Builder b = NewsItem.builder();
        b.uri = storyUri;
        b.version = version;
        b.type = "package";
        b.media = new ArrayList<>(List.of(refs));
        return b.build();
    }

    public static Media picture(String uri, int version, String href) {
        return new Media(Media.Kind.PICTURE, uri, version, "कैप्शन " + uri, "आईएएनएस", null,
                List.of(new Rendition(href, "image/jpeg", null, null, null, "rnd:highRes")), PubStatus.USABLE);
    }

    public static Media ref(String uri) {
        return new Media(Media.Kind.PICTURE, uri, 1, null, null, null, List.of(), PubStatus.USABLE);
    }

    public static Media canceled(String uri, int version) {
        return new Media(Media.Kind.PICTURE, uri, version, null, null, null, List.of(), PubStatus.CANCELED);
    }
}
