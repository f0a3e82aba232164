package org.taar.format;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.taar.item.Media;
import org.taar.item.NewsItem;
import org.taar.item.PubStatus;

/**
 * A NewsML-G2 packageItem: a text item with its pictures, video and audio, each named by an itemRef.
 * When the text comes in the same newsMessage, the package gives that text its media and is used up.
 * When it comes alone (its items sent, or to be sent, on their own), it becomes an item of type
 * {@value #TYPE} whose uri is the text's and whose media are the package's, in order: the pipeline
 * attaches them to that story.
 */
final class G2Package {
    /** The type of a package item sent without its text: no story of its own, only media for the story it names. */
    static final String TYPE = "package";

    private G2Package() {}

    /**
     * One itemRef of a package: the uri of the item it names, what that item is (from the item when
     * the delivery carries it, else from the itemRef's itemClass), and the item when it is there.
     */
    record Ref(NewsXml.Element element, String uri, Media.Kind kind, boolean text, NewsXml.Element item) {}

    /** What a newsMessage's packages do with the items sent beside them. */
    static final class Plan {
        /** Media for a text item, from the packages that group it. */
        final Map<NewsXml.Element, List<Media>> media = new IdentityHashMap<>();
        /** Packages and media items given to a text item in the same message: no item of their own. */
        final Set<NewsXml.Element> used = Collections.newSetFromMap(new IdentityHashMap<>());
        /** The message's news items by uri, for packages whose text is not there but whose pictures are. */
        final Map<String, NewsXml.Element> delivered = new HashMap<>();
    }

    /** For each package in the message whose text item is there too: that text item's media. */
    static Plan plan(List<NewsXml.Element> members, ParseContext ctx, List<String> warnings) {
        Plan plan = new Plan();
        Map<String, NewsXml.Element> delivered = plan.delivered;
        for (NewsXml.Element m : members) {
            if (m.name.equals("newsItem") && m.attr("guid") != null) delivered.putIfAbsent(Text.uriFor(m.attr("guid")), m);
        }
        for (NewsXml.Element pkg : members) {
            if (!pkg.name.equals("packageItem")) continue;
            List<Ref> refs = refs(pkg, delivered);
            Ref main = null;
            for (Ref r : refs) if (r.text() && r.item() != null && main == null) main = r;
            if (main == null) continue;
            String who = "package " + (pkg.attr("guid") == null ? "" : pkg.attr("guid"));
            MediaList media = media(refs, pkg.lang(), ctx, warnings, who);
            // A package of text items only gives nothing: it is listed as before, not used up.
            if (media.isEmpty()) continue;
            plan.media.computeIfAbsent(main.item(), k -> new ArrayList<>()).addAll(media.list());
            plan.used.add(pkg);
            for (Ref r : refs) if (r.kind() != null && r.item() != null) plan.used.add(r.item());
        }
        return plan;
    }

    /**
     * A package without its text in the delivery (its pictures may be there: they are read in full), as an item of type {@value #TYPE}: the uri of its main
     * text item (the first text itemRef), its own headline, version and dates, and its media. Null when
     * it names no text item (a gallery: the caller publishes its own text, if any) or when it is canceled
     * (its items are withdrawn by their own cancels; a canceled package must not reach the story as a kill).
     */
    static NewsItem alone(NewsXml.Element pkg, String who, ParseContext ctx, List<String> warnings,
            Map<String, NewsXml.Element> delivered) {
        List<Ref> refs = refs(pkg, delivered);
        Ref main = null;
        for (Ref r : refs) if (r.text() && main == null) main = r;
        // No text to attach to, or its text is in the delivery and the package had nothing to give it.
        if (main == null || main.item() != null) return null;
        NewsItem.Builder b = NewsItem.builder();
        NewsmlG2Parser.read(pkg, b, who);
        if (b.pubstatus == PubStatus.CANCELED) {
            warnings.add(who + ": a canceled package; its items are withdrawn by their own cancels, nothing to attach");
            return null;
        }
        b.type = TYPE;
        b.bodyHtml = null;
        if (b.headline == null) b.headline = textOf(NewsmlG2Parser.pick(main.element().children("title"), b.language));
        if (b.firstCreated == null && ctx != null) b.firstCreated = ctx.receivedAt();
        List<String> noted = new ArrayList<>();
        MediaList media = media(refs, b.language, ctx, noted, who);
        if (media.isEmpty()) {
            warnings.add(who + ": a package of text only, sent without its text; nothing to attach");
            return null;
        }
        b.uri = main.uri();
        media.into(b, who);
        noted.forEach(b::warn);
        b.warn(who + ": a package sent without its text item; its " + b.media.size() + " media items go with the story "
                + main.uri());
        return b.build();
    }

    /** The media among the refs, in order: in full when the delivery carries the item, else as the itemRef names it. */
    static MediaList media(List<Ref> refs, String lang, ParseContext ctx, List<String> warnings, String who) {
        MediaList media = new MediaList();
        for (Ref r : refs) {
            if (r.kind() == null) continue;
            if (media.full()) {
                media.drop();
            } else if (r.item() != null) {
                NewsItem item = NewsmlG2Parser.mediaItem(r.item(), who + " item " + r.uri(), ctx, r.kind());
                warnings.addAll(item.warnings());
                media.add(item.media().get(0));
            } else {
                media.add(G2Media.ref(r.element(), r.kind(), r.uri(), lang));
            }
        }
        return media;
    }

    /** The package's itemRefs in reading order: from the root group through its groupRefs, then any group not reached. */
    static List<Ref> refs(NewsXml.Element pkg, Map<String, NewsXml.Element> delivered) {
        List<NewsXml.Element> found = new ArrayList<>();
        NewsXml.Element groupSet = pkg.child("groupSet");
        if (groupSet == null) {
            found.addAll(pkg.descendants("itemRef"));
        } else {
            Map<String, NewsXml.Element> groups = new LinkedHashMap<>();
            for (NewsXml.Element g : groupSet.children("group")) groups.putIfAbsent(String.valueOf(g.attr("id")), g);
            Set<NewsXml.Element> visited = Collections.newSetFromMap(new IdentityHashMap<>());
            NewsXml.Element root = groups.get(String.valueOf(groupSet.attr("root")));
            if (root != null) walk(root, groups, visited, found, 0);
            for (NewsXml.Element g : groupSet.children("group")) walk(g, groups, visited, found, 0);
        }
        List<Ref> refs = new ArrayList<>();
        for (NewsXml.Element ref : found) {
            String id = ref.attr("residref") != null ? ref.attr("residref") : ref.attr("href");
            if (id == null) continue;
            String uri = Text.uriFor(id);
            NewsXml.Element item = delivered.get(uri);
            Media.Kind kind;
            boolean text;
            if (item != null) {
                kind = G2Media.kindOf(item);
                text = kind == null && isText(classOf(item));
            } else {
                NewsXml.Element itemClass = ref.child("itemClass");
                String qcode = itemClass == null ? null : itemClass.attr("qcode") != null ? itemClass.attr("qcode")
                        : itemClass.attr("uri");
                kind = G2Media.ofClass(qcode);
                // Without an itemClass an itemRef says nothing of what it names: neither text nor media.
                text = qcode != null && kind == null && isText(qcode);
            }
            refs.add(new Ref(ref, uri, kind, text, item));
        }
        return refs;
    }

    /** Packages nest groups a few levels deep; a longer chain of groupRefs is read in document order instead. */
    private static final int MAX_GROUP_DEPTH = 32;

    private static void walk(NewsXml.Element group, Map<String, NewsXml.Element> groups, Set<NewsXml.Element> visited,
            List<NewsXml.Element> out, int depth) {
        if (depth > MAX_GROUP_DEPTH || !visited.add(group)) return;
        for (NewsXml.Element c : group.children()) {
            if (c.name.equals("itemRef")) {
                out.add(c);
            } else if (c.name.equals("groupRef")) {
                NewsXml.Element g = groups.get(String.valueOf(c.attr("idref")));
                if (g != null) walk(g, groups, visited, out, depth + 1);
            }
        }
    }

    private static String classOf(NewsXml.Element item) {
        NewsXml.Element itemClass = item.path("itemMeta", "itemClass");
        if (itemClass == null) return null;
        return itemClass.attr("qcode") != null ? itemClass.attr("qcode") : itemClass.attr("uri");
    }

    /** ninat:text or ninat:composite, or (for an item in the delivery) no class at all. */
    private static boolean isText(String qcode) {
        if (qcode == null) return true;
        String code = qcode.strip().toLowerCase(Locale.ROOT).replaceFirst("^.*[:/]", "");
        return code.equals("text") || code.equals("composite");
    }

    private static String textOf(NewsXml.Element e) {
        return e == null ? null : e.text();
    }
}
