package org.taar.format;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.taar.item.Media;
import org.taar.item.PubStatus;
import org.taar.item.NewsItem;

/**
 * Reads IPTC ninjs 1.x, 2.x and 3.x: one item, or an array of items (a 3.x collection).
 * Generations differ in names only (1.x {@code headline}/{@code body_html}, 2.x {@code headlines}/
 * {@code bodies}, 3.x camelCase), so each field is looked up under every name it has had.
 */
public final class NinjsParser implements FormatParser {
    public static final String NAME = "ninjs";

    /** The types ninjs 2.1 allows; Taar writes ninjs 2.1, so other types (3.x event, planning) become text. */
    private static final Set<String> TYPES = Set.of("text", "audio", "video", "picture", "graphic", "composite", "component");

    // Configured once and never changed afterwards, so it is safe to share between threads.
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean accepts(byte[] content) {
        int first = Text.firstNonSpace(content);
        if (first < 0 || (content[first] != '{' && content[first] != '[')) return false;
        JsonNode root;
        try {
            root = JSON.readTree(content);
        } catch (IOException e) {
            return false;
        }
        // A JSON Feed has "version" and "title" too, and items that may carry a "type"-like key: it is never ninjs.
        if (JsonFeedParser.isJsonFeed(root)) return false;
        List<JsonNode> members = NinjsEnvelope.members(root);
        return members.isEmpty() ? NinjsEnvelope.isEmptyPage(root) : NinjsEnvelope.isItem(members.get(0));
    }

    @Override
    public ParseResult parse(byte[] content, ParseContext ctx) throws ParseException {
        if (Text.firstNonSpace(content) < 0) throw new ParseException("empty file");
        JsonNode root;
        try {
            root = JSON.readTree(content);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new ParseException("invalid JSON" + where + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ParseException("unreadable JSON: " + e.getMessage(), e);
        }
        if (!root.isContainerNode()) throw new ParseException("JSON is neither an object nor an array of objects");
        List<JsonNode> nodes = NinjsEnvelope.members(root);
        if (nodes.isEmpty() && root.isObject() && root.size() > 0 && !root.has("items") && !root.has("_items")
                && !root.has("data")) {
            nodes.add(root);
        }
        if (nodes.isEmpty() && NinjsEnvelope.isEmptyPage(root)) {
            return new ParseResult(NAME, List.of(), List.of("the envelope holds no items"));
        }
        if (nodes.isEmpty()) throw new ParseException("no items (empty " + (root.isArray() ? "array" : "envelope") + ")");

        List<NewsItem> items = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode node = nodes.get(i);
            String label = "item " + (i + 1);
            if (!node.isObject()) {
                warnings.add(label + ": not a JSON object");
                continue;
            }
            NewsItem item = item(node, label, ctx);
            if (item == null) {
                warnings.add(label + ": no headline");
            } else {
                items.add(item);
            }
        }
        // Readable ninjs without a story (an event, a planning item) is no error: it says why in its warnings.
        return new ParseResult(NAME, items, warnings);
    }

    /**
     * AP Media API's {@code signals}: a list of words such as {@code newscontent} (publishable),
     * read as strings or {@code {"qcode"|"name"|"value": ...}} objects; null when absent.
     */
    private static List<String> signals(JsonNode n) {
        JsonNode s = n.get("signals");
        if (s == null || s.isNull()) return null;
        List<String> out = new ArrayList<>();
        for (JsonNode v : s.isArray() ? s : List.of(s)) {
            String value = v.isValueNode() ? v.asText() : text(v, "qcode", "name", "value");
            if (value != null && !value.isBlank()) out.add(value.strip());
        }
        return out;
    }

    /** One ninjs object to a news item, or null when it has no headline (events, planning, bare metadata). */
    private static NewsItem item(JsonNode n, String label, ParseContext ctx) {
        NewsItem.Builder b = NewsItem.builder();
        headlines(n, b);
        String type = text(n, "type");
        // A picture, video or audio item is its own media item: it needs no headline to be kept.
        Media.Kind mediaKind = type == null ? null : NinjsMedia.kind(n);
        // Events, planning and bare metadata carry no text to stand in for a headline: not a story.
        if (b.headline == null && !NinjsFields.hasText(n) && mediaKind == null) return null;

        if (type != null) {
            String t = type.toLowerCase(Locale.ROOT);
            if (TYPES.contains(t)) {
                b.type = mediaKind != null ? mediaKind.label() : t;
            } else {
                b.warn(label + ": type '" + type + "' is not a ninjs 2.1 type; read as text");
            }
        }
        String version = text(n, "version");
        if (version != null) {
            try {
                b.version = Integer.parseInt(version.strip());
                if (b.version < 0) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                b.warn(label + ": version '" + version + "' is not a whole number; using 1");
            }
        }
        String status = text(n, "pubstatus", "pubStatus");
        if (status != null) {
            try {
                b.pubstatus = PubStatus.parse(status);
            } catch (IllegalArgumentException e) {
                // An unreadable status might be a kill: hold the item for the desk rather than publish it.
                b.pubstatus = PubStatus.WITHHELD;
                b.warn(label + ": unknown pubstatus '" + status + "'; item withheld");
            }
        }
        b.language = text(n, "language");
        b.byline = text(n, "byline", "by");
        if (b.byline == null) b.byline = NinjsFields.bylines(n);
        b.located = text(n, "located");
        b.slugline = text(n, "slugline");
        b.ednote = text(n, "ednote", "edNote");
        b.summary = summary(n);
        b.bodyHtml = body(n, b, label);
        b.agency = agency(n);
        b.byline = Bylines.writer(b.byline, b.agency);
        NinjsFields.concepts(n, b);
        b.rights = NinjsFields.rights(n);
        List<String> noted = new ArrayList<>();
        if (mediaKind == null) NinjsMedia.associations(n, noted, label).into(b, label);
        b.signals = signals(n);

        JsonNode urgency = n.get("urgency");
        if (urgency != null && !urgency.isNull()) {
            int u = urgency.isIntegralNumber() ? urgency.asInt()
                    : urgency.isTextual() ? parseIntOr(urgency.asText(), -1) : -1;
            if (u >= 1 && u <= 9) {
                b.urgency = u;
            } else {
                b.warn(label + ": urgency '" + urgency.asText() + "' is not 1-9; ignored");
            }
        }

        b.firstCreated = date(n, b, label, "firstcreated", "firstCreated");
        b.versionCreated = date(n, b, label, "versioncreated", "versionCreated");
        b.contentCreated = date(n, b, label, "contentcreated", "contentCreated");
        b.embargoed = date(n, b, label, "embargoed", "embargoedUntil");
        if (b.embargoed == null && text(n, "embargoed", "embargoedUntil") != null) {
            // Publishing too early breaks the embargo; holding the item is the safe mistake.
            b.pubstatus = PubStatus.WITHHELD;
            b.warn(label + ": embargo unreadable; item withheld");
        }
        if (b.headline == null && !StandInHeadline.fill(b, label) && mediaKind == null) return null;
        String createdText = text(n, "firstcreated", "firstCreated");
        if (b.firstCreated == null && ctx != null) b.firstCreated = ctx.receivedAt();

        String uri = text(n, "uri");
        if (uri == null) uri = NinjsFields.altId(n);
        if (uri != null) {
            b.uri = Text.uriFor(uri);
        } else {
            b.uri = Text.derivedUri(ctx == null ? null : ctx.source(), b.headline, createdText);
            b.warn(label + ": no uri; derived " + b.uri);
        }
        if (mediaKind != null) {
            Media self = NinjsMedia.media(n, mediaKind, b.uri, noted, label);
            if (self != null) b.media.add(self);
        }
        noted.forEach(b::warn);
        MediaFields.scopeParts(b);
        return b.build();
    }

    /** Main headline: 1.x {@code headline}, else the {@code headlines} entry with role main (or the first that is not a sub). */
    private static void headlines(JsonNode n, NewsItem.Builder b) {
        b.headline = text(n, "headline");
        // ninjs 1.x also names text by role in the property: headline_main, headline_sub.
        if (b.headline == null) b.headline = NinjsFields.byRole(n, "headline_");
        if (b.subheadline == null) b.subheadline = text(n, "headline_sub");
        JsonNode hs = n.get("headlines");
        if (hs == null || !hs.isArray()) return;
        String main = null;
        String firstOther = null;
        for (JsonNode h : hs) {
            String value = text(h, "value");
            if (value == null) continue;
            String role = lower(text(h, "role"));
            if ("main".equals(role)) {
                if (main == null) main = value;
            } else if (role != null && (role.startsWith("sub") || role.equals("deck"))) {
                if (b.subheadline == null) b.subheadline = value;
            } else if (firstOther == null) {
                firstOther = value;
            }
        }
        if (b.headline == null) b.headline = main != null ? main : firstOther;
    }

    /** The summary as plain text: 1.x description_text/html, else a summary-like entry of {@code descriptions}. */
    private static String summary(JsonNode n) {
        String s = text(n, "description_text", "summary");
        if (s != null) return s;
        s = text(n, "description_html", "description_xhtml");
        if (s != null) return Text.blankToNull(Jsoup.parse(s).text());
        s = NinjsFields.byRole(n, "description_");
        if (s != null) return Text.blankToNull(Jsoup.parse(s).text());
        JsonNode ds = n.get("descriptions");
        if (ds == null || !ds.isArray()) return null;
        JsonNode best = null;
        int bestRank = Integer.MAX_VALUE;
        for (JsonNode d : ds) {
            if (text(d, "value") == null) continue;
            // Credit lines and writer notes are descriptions too, but not a summary to publish.
            int rank = switch (String.valueOf(lower(text(d, "role")))) {
                case "summary", "drol:summary" -> 0;
                case "abstract", "description", "lead", "teaser", "null" -> 1;
                case "text" -> 2;
                case "caption" -> 3;
                default -> Integer.MAX_VALUE;
            };
            if (rank < bestRank) {
                best = d;
                bestRank = rank;
            }
        }
        if (best == null) return null;
        String value = text(best, "value");
        return isHtml(text(best, "contenttype", "contentType"), null) ? Text.blankToNull(Jsoup.parse(value).text()) : value;
    }

    /** The body as HTML, preferring an HTML or NITF body over plain text; plain text becomes escaped paragraphs. */
    private static String body(JsonNode n, NewsItem.Builder b, String label) {
        String html = text(n, "body_html", "body_xhtml");
        if (html != null) return innerHtml(html);
        String plain = text(n, "body_text");
        if (plain == null && !n.has("bodies")) {
            String byRole = NinjsFields.byRole(n, "body_");
            if (byRole != null && byRole.strip().startsWith("<")) return innerHtml(byRole);
            plain = byRole;
        }
        JsonNode bodies = n.get("bodies");
        if (bodies != null && bodies.isArray()) {
            for (JsonNode body : bodies) {
                String value = text(body, "value");
                if (value == null) continue;
                String type = lower(text(body, "contenttype", "contentType"));
                String role = lower(text(body, "role"));
                if (isHtml(type, role)) return innerHtml(value);
                if (isNitf(type, role)) {
                    String fromNitf = nitf(value, b, label);
                    if (fromNitf != null) return fromNitf;
                }
                if (plain == null && (type == null ? role == null || role.equals("text") || role.equals("main")
                        : type.equals("text/plain"))) {
                    plain = value;
                }
            }
        }
        return Text.paragraphs(plain);
    }

    private static boolean isNitf(String contentType, String role) {
        return (contentType != null && contentType.contains("nitf")) || "nitf".equals(role);
    }

    /** A NITF document in a body's value, as HTML; null with a warning when it is not readable NITF. */
    private static String nitf(String value, NewsItem.Builder b, String label) {
        try {
            NewsXml.Element root = NewsXml.read(value.getBytes(java.nio.charset.StandardCharsets.UTF_8), new ArrayList<>());
            NewsItem.Builder body = NewsItem.builder();
            if (root.name.equals("nitf")) NitfParser.fill(root, body);
            else body.bodyHtml = NewsBodies.nitf(root.innerXml());
            return body.bodyHtml;
        } catch (ParseException e) {
            b.warn(label + ": NITF body not readable (" + e.getMessage() + ")");
            return null;
        }
    }

    private static boolean isHtml(String contentType, String role) {
        if (contentType != null) {
            String t = contentType.toLowerCase(Locale.ROOT);
            return t.startsWith("text/html") || t.contains("xhtml");
        }
        return role != null && (role.equals("html") || role.equals("xhtml") || role.equals("html5") || role.equals("richhtml5"));
    }

    /** A whole document (or one with {@code <body>}) is reduced to the body's inner HTML; fragments stay as they are. */
    private static String innerHtml(String html) {
        String lower = html.toLowerCase(Locale.ROOT);
        if (!lower.contains("<body") && !lower.contains("<html")) return Text.blankToNull(html);
        return Text.blankToNull(Jsoup.parse(html).body().html());
    }

    /** The originator among the info sources, else the first one named. */
    private static String agency(JsonNode n) {
        JsonNode sources = n.has("infosources") ? n.get("infosources") : n.get("infoSources");
        if (sources == null || !sources.isArray()) return null;
        String first = null;
        for (JsonNode s : sources) {
            String name = text(s, "name");
            if (name == null) continue;
            String role = lower(text(s, "role"));
            if (role != null && role.contains("originator")) return name;
            if (first == null) first = name;
        }
        return first;
    }

    private static Instant date(JsonNode n, NewsItem.Builder b, String label, String... names) {
        String value = text(n, names);
        if (value == null) return null;
        Instant t = Text.parseInstantUtc(value);
        if (t == null) b.warn(label + ": " + names[0] + " '" + value + "' is not an ISO-8601 date-time; ignored");
        return t;
    }

    /** The first of these properties that holds a non-blank string or number, stripped. */
    private static String text(JsonNode n, String... names) {
        return NinjsFields.text(n, names);
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    private static int parseIntOr(String s, int fallback) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
