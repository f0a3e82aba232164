package org.taar.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The ninjs items inside what an API sends: a bare item, an array of items (a 3.x collection), a
 * search answer that wraps them ({@code {"total": n, "items": [...]}}, Eve's {@code _items}), and the AP
 * Media API's {@code {"data": {"items": [{"meta": ..., "item": {...}}]}}} and {@code {"data": {"item": {...}}}}.
 */
final class NinjsEnvelope {
    /** Keys that only a ninjs item has at its top level; other JSON (JSON Feed, APIs) lacks all of them. */
    static final List<String> SIGNATURE = List.of(
            "uri", "headline", "headlines", "body_text", "bodies", "type", "versioncreated", "versionCreated");
    /** Envelopes nest a few levels at most; deeper JSON is not an envelope worth unwrapping. */
    private static final int MAX_DEPTH = 4;

    private NinjsEnvelope() {}

    /** The members of the delivery: item objects or whatever an envelope's list holds; empty when it is no envelope. */
    static List<JsonNode> members(JsonNode root) {
        List<JsonNode> out = new ArrayList<>();
        collect(root, out, 0);
        return out;
    }

    /**
     * Whether this is a search answer that happens to hold no item this time ({@code {"total": 0, "items": []}},
     * AP's {@code {"data": {"items": []}}}): an empty page is normal when polling, not an unknown format.
     */
    static boolean isEmptyPage(JsonNode root) {
        if (root == null || !root.isObject()) return false;
        JsonNode data = root.path("data");
        if (data.isObject() && data.path("items").isArray() && data.get("items").isEmpty()) return true;
        for (String list : List.of("items", "_items")) {
            if (root.path(list).isArray() && root.get(list).isEmpty()
                    && (root.has("total") || root.has("_meta") || root.has("count"))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a member is a ninjs item (has one of the keys only ninjs items have). */
    static boolean isItem(JsonNode n) {
        if (n == null || !n.isObject()) return false;
        for (String key : SIGNATURE) if (n.has(key)) return true;
        return false;
    }

    private static void collect(JsonNode n, List<JsonNode> out, int depth) {
        if (n == null || depth > MAX_DEPTH) return;
        if (n.isArray()) {
            for (JsonNode member : n) out.add(unwrap(member));
            return;
        }
        if (!n.isObject()) return;
        if (isItem(n)) {
            out.add(n);
            return;
        }
        for (String list : List.of("items", "_items")) {
            if (n.path(list).isArray()) {
                for (JsonNode member : n.get(list)) out.add(unwrap(member));
                return;
            }
        }
        if (n.path("item").isObject()) {
            out.add(n.get("item"));
            return;
        }
        if (n.path("data").isContainerNode()) collect(n.get("data"), out, depth + 1);
    }

    /** An AP Media API list entry is {@code {"meta": ..., "item": {...}}}; anything else is the member itself. */
    private static JsonNode unwrap(JsonNode member) {
        return member != null && member.isObject() && !isItem(member) && member.path("item").isObject()
                ? member.get("item") : member;
    }
}
