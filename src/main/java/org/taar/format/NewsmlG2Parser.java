package org.taar.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.taar.item.Media;
import org.taar.item.PubStatus;
import org.taar.item.NewsItem;

/**
 * Reads IPTC NewsML-G2 (namespace {@value #NAMESPACE}): a newsItem, a newsMessage with several
 * items, a packageItem, and the fragments the IPTC guidelines print on their own (contentSet,
 * contentMeta, groupSet). Planning, concept, knowledge and catalog items are not news text: they
 * give no item and a warning, not an error.
 *
 * <p>Pictures, graphics, video and audio (itemClass ninat:picture, graphic, video, audio, or a
 * text item whose only content is remote pictures) become items of type picture, video or audio
 * whose one media item is themselves (see {@link G2Media}). A package gives its media to its text
 * item when both come in one newsMessage, and otherwise becomes an item of type package (see
 * {@link G2Package}).
 */
public final class NewsmlG2Parser implements FormatParser {
    public static final String NAME = "newsmlg2";
    public static final String NAMESPACE = "http://iptc.org/std/nar/2006-10-01/";

    private static final Set<String> ITEMS = Set.of("newsItem", "newsMessage", "packageItem", "planningItem",
            "conceptItem", "knowledgeItem", "catalogItem");
    private static final Set<String> NOT_NEWS = Set.of("planningItem", "conceptItem", "knowledgeItem", "catalogItem");
    /** Parts of an item that the IPTC guidelines show alone; read when they come without a namespace too. */
    private static final Set<String> FRAGMENTS = Set.of("contentSet", "contentMeta", "groupSet");
    private static final Set<String> TEXT_CLASSES = Set.of("text", "composite");
    private static final int MAX_REFS_LISTED = 10;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean accepts(byte[] content) {
        return XmlSniff.root(content).map(r -> r.namespace().equals(NAMESPACE)
                ? ITEMS.contains(r.name()) || FRAGMENTS.contains(r.name())
                : r.namespace().isEmpty() && (FRAGMENTS.contains(r.name()) || ITEMS.contains(r.name()))).orElse(false);
    }

    @Override
    public ParseResult parse(byte[] content, ParseContext ctx) throws ParseException {
        List<String> warnings = new ArrayList<>();
        NewsXml.Element root = NewsXml.read(content, warnings);
        List<NewsItem> items = new ArrayList<>();
        switch (root.name) {
            case "newsMessage" -> {
                List<NewsXml.Element> members = new ArrayList<>();
                for (NewsXml.Element set : root.children("itemSet")) members.addAll(set.children());
                if (members.isEmpty()) warnings.add("newsMessage: no items in itemSet");
                G2Package.Plan packages = G2Package.plan(members, ctx, warnings);
                for (int i = 0; i < members.size(); i++) {
                    NewsXml.Element m = members.get(i);
                    if (packages.used.contains(m)) continue;
                    member(m, "item " + (i + 1), ctx, items, warnings, packages);
                }
            }
            case "contentSet", "contentMeta" -> {
                warnings.add(root.name + ": a fragment of a news item, read as one");
                member(NewsXml.Element.wrap("newsItem", root), root.name, ctx, items, warnings, new G2Package.Plan());
            }
            case "groupSet" -> warnings.add("groupSet: a fragment of a package; " + references(root) + "; nothing to publish");
            default -> {
                if (!ITEMS.contains(root.name)) {
                    throw new ParseException("not NewsML-G2: the root element is <" + root.name + ">");
                }
                member(root, root.name, ctx, items, warnings, new G2Package.Plan());
            }
        }
        return new ParseResult(NAME, items, warnings);
    }

    /**
     * One member of a delivery: a news item becomes an item or a warning; anything else a warning.
     *
     * @param packages what the packages in the same message give their text items, and the items sent
     */
    private static void member(NewsXml.Element e, String label, ParseContext ctx, List<NewsItem> items,
            List<String> warnings, G2Package.Plan packages) {
        String guid = e.attr("guid");
        String who = guid == null ? label : label + " " + guid;
        if (NOT_NEWS.contains(e.name)) {
            warnings.add(e.name + (guid == null ? "" : " " + guid) + ": not a news item, nothing to publish");
            return;
        }
        if (e.name.equals("packageItem")) {
            NewsItem alone = G2Package.alone(e, who, ctx, warnings, packages.delivered);
            NewsItem own = alone != null ? alone : packageText(e, who, ctx);
            if (own != null) items.add(own);
            else warnings.add(who + ": a package; " + references(e) + "; nothing to publish on its own");
            return;
        }
        if (!e.name.equals("newsItem")) {
            warnings.add(who + ": <" + e.name + "> is not a NewsML-G2 item; skipped");
            return;
        }
        Media.Kind kind = G2Media.kindOf(e);
        if (kind != null) {
            items.add(mediaItem(e, who, ctx, kind));
            return;
        }
        String itemClass = NewsXml.Element.code(attrOf(e.path("itemMeta", "itemClass"), "qcode"));
        if (itemClass != null && !TEXT_CLASSES.contains(itemClass.toLowerCase(Locale.ROOT))) {
            warnings.add(who + ": " + itemClass + " item; nothing to publish");
            return;
        }
        NewsItem.Builder b = NewsItem.builder();
        read(e, b, who);
        if (b.headline == null && b.pubstatus == PubStatus.CANCELED && guid != null) {
            // A kill notice often carries nothing but its identity; dropping it would leave the story up.
            b.headline = b.slugline != null ? b.slugline : guid;
            b.warn(who + ": canceled item without a headline; kept so that the kill reaches the story");
        }
        if (b.bodyHtml == null && onlyRemoteContent(e)) {
            warnings.add(who + ": only remote content that is no picture, video or audio; nothing to publish");
            return;
        }
        if (!StandInHeadline.fill(b, who)) {
            warnings.add(who + ": no headline and nothing to stand in for it; item dropped");
            return;
        }
        finish(b, e, who, ctx);
        List<Media> packaged = packages.media.get(e);
        if (packaged != null) {
            // The package's media lead: it is the agency's own choice of pictures for the story.
            MediaList media = new MediaList();
            packaged.forEach(media::add);
            b.media.forEach(media::add);
            b.media.clear();
            media.into(b, who);
        }
        items.add(b.build());
    }

    /** A picture, graphic, video or audio item: its own metadata, as the one media item it is. */
    static NewsItem mediaItem(NewsXml.Element e, String who, ParseContext ctx, Media.Kind kind) {
        NewsItem.Builder b = NewsItem.builder();
        read(e, b, who);
        b.type = kind.label();
        finish(b, e, who, ctx);
        List<String> noted = new ArrayList<>();
        b.media.clear();
        b.media.add(G2Media.media(e, b, kind, noted, who));
        noted.forEach(b::warn);
        return b.build();
    }

    /**
     * A package that names no text item (a gallery, a list of stories) with its own headline and
     * summary: that text, with the package's media; otherwise null (it only points elsewhere).
     */
    private static NewsItem packageText(NewsXml.Element e, String who, ParseContext ctx) {
        NewsItem.Builder b = NewsItem.builder();
        read(e, b, who);
        if (b.headline == null || b.summary == null) return null;
        b.bodyHtml = NewsBodies.plain(b.summary);
        b.type = "composite";
        b.warn(who + ": a package; only its own headline and summary are published; " + references(e));
        finish(b, e, who, ctx);
        List<String> noted = new ArrayList<>();
        G2Package.media(G2Package.refs(e, Map.of()), b.language, ctx, noted, who).into(b, who);
        noted.forEach(b::warn);
        return b.build();
    }

    static void finish(NewsItem.Builder b, NewsXml.Element e, String who, ParseContext ctx) {
        if (b.firstCreated == null && ctx != null) b.firstCreated = ctx.receivedAt();
        String guid = e.attr("guid");
        if (guid != null) {
            b.uri = Text.uriFor(guid);
        } else {
            b.uri = Text.derivedUri(ctx == null ? null : ctx.source(), b.headline,
                    b.firstCreated == null ? null : b.firstCreated.toString());
            b.warn(who + ": no guid; derived uri " + b.uri);
        }
        MediaFields.scopeParts(b);
    }

    /** Everything a news item (or package) says about itself, into the builder. */
    static void read(NewsXml.Element item, NewsItem.Builder b, String who) {
        String version = item.attr("version");
        if (version != null) {
            try {
                b.version = Integer.parseInt(version.strip());
                if (b.version < 0) throw new NumberFormatException();
            } catch (NumberFormatException ex) {
                b.version = 1;
                b.warn(who + ": version '" + version + "' is not a whole number; using 1");
            }
        }
        NewsXml.Element contentMeta = item.child("contentMeta");
        NewsXml.Element language = contentMeta == null ? null : contentMeta.child("language");
        // xml:lang on contentMeta, else on the item (lang() looks up the tree), says it when no language element does.
        b.language = language != null && language.attr("tag") != null ? language.attr("tag")
                : contentMeta != null ? contentMeta.lang() : item.lang();
        if (b.language != null) b.language = b.language.strip();
        itemMeta(item.child("itemMeta"), b, who);
        if (contentMeta != null) G2ContentMeta.read(contentMeta, b, who);
        NewsXml.Element contentSet = item.child("contentSet");
        if (contentSet != null) contentSet(contentSet, b, who);
        if (b.language == null && contentSet != null) {
            for (NewsXml.Element content : contentSet.children()) if (b.language == null) b.language = content.attr("xml:lang");
        }
        if (b.agency == null) b.agency = agency(item.path("itemMeta", "provider"));
        b.rights = rights(item.child("rightsInfo"), b.language);
        b.byline = Bylines.writer(b.byline, b.agency, NewsXml.Element.code(attrOf(item.path("itemMeta", "provider"), "qcode")));
        NewsXml.Element dateline = contentMeta == null ? null : pick(contentMeta.children("dateline"), b.language);
        if (b.located == null && dateline != null) b.located = Datelines.place(dateline.text());
        if (dateline != null && dateline.text() != null && b.bodyHtml != null) {
            b.bodyHtml = NewsBodies.withDateline(b.bodyHtml, dateline.text());
        }
    }

    /** The copyright notice as written, else the holder's name after a copyright sign; null when neither. */
    private static String rights(NewsXml.Element rightsInfo, String lang) {
        if (rightsInfo == null) return null;
        String notice = textOf(pick(rightsInfo.children("copyrightNotice"), lang));
        if (notice != null) return notice;
        NewsXml.Element holder = rightsInfo.child("copyrightHolder");
        if (holder == null) return null;
        String name = textOf(pick(holder.children("name"), lang));
        if (name == null) name = holder.attr("literal");
        return name == null ? null : "© " + name;
    }

    private static void itemMeta(NewsXml.Element meta, NewsItem.Builder b, String who) {
        if (meta == null) return;
        b.versionCreated = G2ContentMeta.date(meta.child("versionCreated"), b, who);
        b.firstCreated = G2ContentMeta.date(meta.child("firstCreated"), b, who);
        NewsXml.Element status = meta.child("pubStatus");
        if (status != null) status(firstNonNull(status.attr("qcode"), status.attr("uri")), b, who);
        NewsXml.Element embargoed = meta.child("embargoed");
        if (embargoed != null) {
            b.embargoed = G2ContentMeta.date(embargoed, b, who);
            if (b.embargoed == null) {
                // An empty embargoed element means "embargoed until further notice".
                b.pubstatus = b.pubstatus == PubStatus.CANCELED ? PubStatus.CANCELED : PubStatus.WITHHELD;
                b.warn(who + ": embargoed without a readable time; item withheld");
            }
        }
        List<String> notes = new ArrayList<>();
        for (NewsXml.Element note : meta.children("edNote")) {
            String t = note.text();
            if (t != null) notes.add(t);
        }
        if (!notes.isEmpty()) b.ednote = String.join(" ", notes);
        // signal is the 2.x way; edStat is not in the 2.35 schema but some producers still send it.
        List<NewsXml.Element> signals = new ArrayList<>(meta.children("signal"));
        signals.addAll(meta.children("edStat"));
        for (NewsXml.Element signal : signals) {
            String code = NewsXml.Element.code(firstNonNull(signal.attr("qcode"), signal.attr("uri")));
            if (code == null) continue;
            String c = code.toLowerCase(Locale.ROOT);
            int slash = c.lastIndexOf('/');
            if (slash >= 0) c = c.substring(slash + 1);
            switch (c) {
                case "correction", "corrected", "correct" -> b.correction = true;
                case "withdrawn", "deleted", "kill", "killed", "canceled", "cancelled" -> b.pubstatus = PubStatus.CANCELED;
                case "onhold", "hold", "withheld" -> {
                    if (b.pubstatus == PubStatus.USABLE) b.pubstatus = PubStatus.WITHHELD;
                }
                default -> { }
            }
        }
    }

    private static void status(String qcode, NewsItem.Builder b, String who) {
        if (qcode == null) return;
        String code = qcode.substring(qcode.lastIndexOf('/') + 1);
        try {
            PubStatus s = PubStatus.parse(code);
            if (b.pubstatus != PubStatus.CANCELED) b.pubstatus = s;
        } catch (IllegalArgumentException e) {
            // An unreadable status might be a kill: hold the item for the desk rather than publish it.
            b.pubstatus = PubStatus.WITHHELD;
            b.warn(who + ": unknown pubStatus '" + qcode + "'; item withheld");
        }
    }

    /** The body from inline NITF, XHTML or plain text, in the item's language when there is a choice. */
    private static void contentSet(NewsXml.Element set, NewsItem.Builder b, String who) {
        List<NewsXml.Element> inline = new ArrayList<>(set.children("inlineXML"));
        inline.addAll(set.children("inlineData"));
        NewsXml.Element chosen = pick(inline, b.language);
        if (chosen == null) return;
        String type = lower(chosen.attr("contenttype"));
        if (chosen.name.equals("inlineData")) {
            String encoding = chosen.attr("encoding");
            if (encoding != null) {
                b.warn(who + ": inlineData in encoding '" + encoding + "' not read");
            } else if (type == null || type.startsWith("text/plain")) {
                b.bodyHtml = NewsBodies.plain(chosen.rawText());
            } else if (type.contains("html")) {
                b.bodyHtml = NewsBodies.html(chosen.rawText());
            } else {
                b.warn(who + ": inlineData of type " + type + " not read");
            }
            return;
        }
        NewsXml.Element nitf = null;
        NewsXml.Element html = null;
        for (NewsXml.Element c : chosen.children()) {
            if (c.name.equals("nitf")) nitf = c;
            else if (c.name.equals("html")) html = c;
        }
        if (nitf != null) {
            NitfParser.fill(nitf, b);
        } else if (html != null) {
            NewsXml.Element body = html.child("body");
            b.bodyHtml = NewsBodies.xhtml(body == null ? html.innerXml() : body.innerXml());
        } else if (type != null && (type.contains("xhtml") || type.contains("html"))) {
            b.bodyHtml = NewsBodies.xhtml(chosen.innerXml());
        } else if (!chosen.children().isEmpty()) {
            b.warn(who + ": inline content of type " + (type == null ? "unknown" : type) + " not read");
        }
    }

    private static boolean onlyRemoteContent(NewsXml.Element item) {
        NewsXml.Element set = item.child("contentSet");
        return set != null && !set.children("remoteContent").isEmpty() && set.children("inlineXML").isEmpty()
                && set.children("inlineData").isEmpty();
    }

    /** The agency from a provider, infoSource or creator: its name, literal or QCode. */
    static String agency(NewsXml.Element party) {
        if (party == null) return null;
        String name = textOf(pick(party.children("name"), null));
        if (name == null) name = party.attr("literal");
        if (name != null) {
            String code = NewsAgency.canonical(name);
            if (!code.equals(name) || party.attr("qcode") == null) return code;
        }
        String qcode = party.attr("qcode");
        return qcode == null ? name : NewsAgency.canonical(qcode);
    }

    /** "N references: a, b, ..." for a package or group set. */
    private static String references(NewsXml.Element e) {
        List<String> refs = new ArrayList<>();
        for (NewsXml.Element ref : e.descendants("itemRef")) {
            String r = firstNonNull(ref.attr("residref"), ref.attr("href"));
            if (r != null) refs.add(r);
        }
        if (refs.isEmpty()) return "no item references";
        String listed = String.join(", ", refs.subList(0, Math.min(refs.size(), MAX_REFS_LISTED)));
        return refs.size() + " item reference" + (refs.size() == 1 ? "" : "s") + ": " + listed
                + (refs.size() > MAX_REFS_LISTED ? ", ..." : "");
    }

    /** The element in the wanted language, else one without a language of its own, else the first. */
    static NewsXml.Element pick(List<NewsXml.Element> candidates, String language) {
        if (candidates.isEmpty()) return null;
        if (language != null) {
            for (NewsXml.Element c : candidates) {
                String l = c.attr("xml:lang");
                if (l != null && sameLanguage(l, language) && c.text() != null) return c;
            }
        }
        for (NewsXml.Element c : candidates) if (c.attr("xml:lang") == null && (c.text() != null || !c.children().isEmpty())) return c;
        for (NewsXml.Element c : candidates) if (c.text() != null || !c.children().isEmpty()) return c;
        return candidates.get(0);
    }

    /** Same primary language subtag: "en-GB" matches "en", "hi-IN" matches "hi". */
    static boolean sameLanguage(String a, String b) {
        return primary(a).equals(primary(b));
    }

    private static String primary(String tag) {
        String t = tag.strip().toLowerCase(Locale.ROOT);
        int dash = t.indexOf('-');
        return dash < 0 ? t : t.substring(0, dash);
    }

    private static String textOf(NewsXml.Element e) {
        return e == null ? null : e.text();
    }

    private static String attrOf(NewsXml.Element e, String name) {
        return e == null ? null : e.attr(name);
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    private static String firstNonNull(String... values) {
        for (String v : values) if (v != null) return v;
        return null;
    }
}
