package org.taar.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * Edits of a parsed body that rebuild each parent's child list once. jsoup's {@code remove}, {@code unwrap},
 * {@code before} and moving {@code appendChild} each cost time linear in the number of siblings, so a loop of them
 * over a body with many siblings (50,000 links in one paragraph) is quadratic; these are linear in the body.
 */
public final class HtmlTrees {

    private HtmlTrees() {}

    /** Removes the nodes, with what they hold. */
    public static void removeAll(Collection<? extends Node> nodes) {
        for (Map.Entry<Element, Set<Node>> e : byParent(nodes).entrySet()) {
            Element parent = e.getKey();
            Set<Node> gone = e.getValue();
            List<Node> kept = new ArrayList<>(parent.childNodeSize());
            for (int i = 0; i < parent.childNodeSize(); i++) {
                Node c = parent.childNode(i);
                if (!gone.contains(c)) kept.add(c);
            }
            setChildren(parent, kept);
        }
    }

    /** Replaces each element by what it holds; elements inside others to unwrap are unwrapped too. */
    public static void unwrapAll(Collection<? extends Element> elements) {
        Map<Element, Set<Node>> byParent = byParent(elements);
        // Deepest parents first, so that what an unwrapped element holds is final before it moves up.
        List<Element> parents = new ArrayList<>(byParent.keySet());
        Map<Element, Integer> depth = new IdentityHashMap<>();
        for (Element p : parents) depth.put(p, depth(p));
        parents.sort((a, b) -> Integer.compare(depth.get(b), depth.get(a)));
        for (Element parent : parents) {
            Set<Node> unwrapped = byParent.get(parent);
            List<Node> out = new ArrayList<>(parent.childNodeSize());
            for (int i = 0; i < parent.childNodeSize(); i++) {
                Node c = parent.childNode(i);
                if (unwrapped.contains(c)) {
                    Element u = (Element) c;
                    for (int j = 0; j < u.childNodeSize(); j++) out.add(u.childNode(j));
                    u.empty();
                } else {
                    out.add(c);
                }
            }
            setChildren(parent, out);
        }
    }

    /**
     * Makes {@code children} the parent's only children, in one step. Each must be a child of this parent
     * already, or have no parent: moving a node from another parent would cost that parent's length.
     */
    public static void setChildren(Element parent, List<Node> children) {
        parent.empty();
        for (Node n : children) {
            if (n.parentNode() != null) n.remove();
        }
        parent.appendChildren(children);
    }

    private static Map<Element, Set<Node>> byParent(Collection<? extends Node> nodes) {
        Map<Element, Set<Node>> out = new IdentityHashMap<>();
        for (Node n : nodes) {
            if (n.parentNode() instanceof Element p) {
                out.computeIfAbsent(p, k -> Collections.newSetFromMap(new IdentityHashMap<>())).add(n);
            }
        }
        return out;
    }

    private static int depth(Node n) {
        int d = 0;
        for (Node p = n.parentNode(); p != null; p = p.parentNode()) d++;
        return d;
    }
}
