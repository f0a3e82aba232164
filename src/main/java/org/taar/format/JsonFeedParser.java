package org.taar.format;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.taar.item.NewsItem;

/**
 * Reads JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1 and /1.1). The two differ in the
 * author: 1.0 has one {@code author} object, 1.1 an {@code authors} array (and a language).
 */
public final class JsonFeedParser implements FormatParser {
    public static final String NAME = "jsonfeed";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    @Override
    public String name() {
        return NAME;
    }

    /** A JSON object whose {@code version} is a jsonfeed.org version URL. */
    @Override
    public boolean accepts(byte[] content) {
        int first = Text.firstNonSpace(content);
        if (first < 0 || content[first] != '{') return false;
        try {
            return isJsonFeed(JSON.readTree(content));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    static boolean isJsonFeed(JsonNode root) {
        if (root == null || !root.isObject()) return false;
        JsonNode version = root.get("version");
        return version != null && version.isTextual()
                && version.asText().strip().toLowerCase(Locale.ROOT).matches("https?://jsonfeed\\.org/version/.*");
    }

    @Override
    public ParseResult parse(byte[] content, ParseContext ctx) throws ParseException {
        if (Text.firstNonSpace(content) < 0) throw new ParseException("empty file");
        List<String> warnings = new ArrayList<>();
        JsonNode root;
        try {
            root = JSON.readTree(Charsets.decode(content, null, warnings));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new ParseException("invalid JSON" + where + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ParseException("unreadable JSON: " + e.getMessage(), e);
        }
        if (!isJsonFeed(root)) {
            throw new ParseException("not a JSON Feed: no \"version\" naming https://jsonfeed.org/version/1 or /1.1");
        }
        String version = root.get("version").asText().strip();
        if (!version.matches("https?://jsonfeed\\.org/version/1(\\.1)?/?")) {
            warnings.add("JSON Feed version " + version + " is not 1 or 1.1; read as 1.1");
        }
        String feedLanguage = text(root, "language");
        String home = HtmlContent.absoluteUrl(null, text(root, "home_page_url"));
        String feedAuthor = author(root);
        JsonNode list = root.get("items");
        List<NewsItem> items = new ArrayList<>();
        FeedXml.Emitter out = new FeedXml.Emitter(ctx, warnings, items::add);
        if (list == null || !list.isArray()) {
            warnings.add("no \"items\" array");
        } else {
            for (JsonNode n : list) out.emit(entry(n, home, feedAuthor, out.entries() + 1), feedLanguage);
            out.finish();
        }
        return new ParseResult(NAME, items, warnings);
    }

    private static FeedEntry entry(JsonNode n, String home, String feedAuthor, int index) {
        FeedEntry e = new FeedEntry();
        e.feedLink = home;
        if (!n.isObject()) return e; // skipped later as an empty entry
        e.id = text(n, "id");
        e.link = text(n, "url");
        if (e.link == null) e.link = text(n, "external_url");
        e.title = text(n, "title");
        String html = text(n, "content_html");
        if (html != null) {
            e.content = html;
        } else {
            e.content = text(n, "content_text");
            e.contentIsText = true;
        }
        e.description = text(n, "summary");
        e.descriptionIsText = true;
        e.created("date_published", text(n, "date_published"));
        e.modified("date_modified", text(n, "date_modified"));
        e.byline = author(n);
        e.inheritByline(feedAuthor);
        JsonNode tags = n.get("tags");
        if (tags != null && tags.isArray()) {
            for (JsonNode t : tags) {
                if (t.isTextual()) e.tag(t.asText());
            }
        }
        // The banner is the same picture cut wide, for an entry that has no image of its own.
        String image = text(n, "image");
        e.media.addPicture(image != null ? image : text(n, "banner_image"), null);
        JsonNode attachments = n.get("attachments");
        if (attachments != null && attachments.isArray()) {
            for (JsonNode a : attachments) {
                if (!a.isObject()) continue;
                String url = text(a, "url");
                if (!e.media.addOne(url, text(a, "mime_type"), text(a, "size_in_bytes"), text(a, "title"))
                        && e.enclosureUrl == null) {
                    e.enclosureUrl = url;
                }
            }
        }
        e.language = text(n, "language");
        return e;
    }

    /** 1.1 {@code authors} names joined, else the 1.0 {@code author} name. */
    private static String author(JsonNode n) {
        List<String> names = new ArrayList<>();
        JsonNode authors = n.get("authors");
        if (authors != null && authors.isArray()) {
            for (JsonNode a : authors) {
                String name = a.isObject() ? text(a, "name") : null;
                if (name != null) names.add(name);
            }
        }
        JsonNode author = n.get("author");
        if (names.isEmpty() && author != null && author.isObject()) {
            String name = text(author, "name");
            if (name != null) names.add(name);
        }
        return names.isEmpty() ? null : String.join(", ", names);
    }

    private static String text(JsonNode n, String name) {
        JsonNode v = n.get(name);
        if (v == null || !(v.isTextual() || v.isNumber())) return null;
        return Text.blankToNull(v.asText());
    }
}
