package org.taar.enrich;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.taar.text.Geography;

/**
 * The entities Taar knows by name, as a trie over word keys (see {@link TagText}) for
 * longest-match lookup. Ships with {@code gazetteer/entities.tsv}; names from the archive's
 * tags can be added with {@link #learn}. Knows too where places lie ({@link #where}, from the
 * {@link Geography}). Filled once at start, then only read.
 */
public final class Gazetteer {
    static final String RESOURCE = "/gazetteer/entities.tsv";

    /** An entity found at a word position, spanning {@code length} words. */
    record Match(Entity entity, int length) {}

    private static final class Node {
        final Map<String, Node> next = new HashMap<>();
        Entity entity;
    }

    private final Node root = new Node();
    private final Geography geography = Geography.standard();
    private final java.util.Set<Entity> entities = new java.util.LinkedHashSet<>();
    private final List<String> conflicts = new ArrayList<>();

    /** The gazetteer that ships with Taar. */
    public static Gazetteer standard() {
        try (InputStream in = Gazetteer.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
            return read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An empty gazetteer, for tests and for sites that want only declared tags. */
    public static Gazetteer empty() {
        return new Gazetteer();
    }

    static Gazetteer read(BufferedReader in) throws IOException {
        Gazetteer g = new Gazetteer();
        String line;
        int n = 0;
        while ((line = in.readLine()) != null) {
            n++;
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t", -1);
            if (f.length < 3) throw new IllegalArgumentException(RESOURCE + ":" + n + ": expected type, name, English name");
            Entity e = new Entity(f[0].strip(), f[1].strip(), f[2].strip(), slugOf(f[2]));
            g.add(e, e.name());
            g.add(e, e.english());
            if (f.length > 3) for (String alias : f[3].split("\\|")) if (!alias.isBlank()) g.add(e, alias.strip());
        }
        return g;
    }

    /** The slug of an English name: lowercase ASCII words joined by hyphens (North Korea → north-korea). */
    static String slugOf(String english) {
        String s = java.text.Normalizer.normalize(english, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT)
                .replaceAll("['’]", "").replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "tag" : s;
    }

    /**
     * Adds a name the archive already uses as a tag, pointing at its (canonical) slug and name.
     * Names the shipped list knows keep their shipped meaning; one- and two-letter names are
     * ignored, since they would match everywhere.
     */
    public void learn(String alias, String slug, String canonicalName) {
        if (alias == null || alias.strip().codePointCount(0, alias.strip().length()) < 3) return;
        List<TagText.Token> tokens = TagText.tokens(alias);
        if (tokens.isEmpty() || find(tokens, 0).map(m -> m.length() == tokens.size()).orElse(false)) return;
        add(new Entity("learned", canonicalName, null, slug), alias);
    }

    /** Every shipped or learned entity, once. */
    public List<Entity> entities() {
        return List.copyOf(entities);
    }

    /** Shipped names claimed by two entities (the first keeps them); the shipped list should have none. */
    List<String> conflicts() {
        return List.copyOf(conflicts);
    }

    /** The entity a whole name stands for, if the gazetteer knows it (मोदी → Narendra Modi). */
    public Optional<Entity> lookup(String name) {
        List<TagText.Token> tokens = TagText.tokens(name);
        return find(tokens, 0).filter(m -> m.length() == tokens.size()).map(Match::entity);
    }

    /**
     * Where a place lies (inside India and in which state, or abroad): by the entity's English name
     * first, then by the name as written; empty for a place Taar cannot place, or for no place.
     */
    public Optional<Geography.Where> where(String name) {
        Optional<Entity> e = lookup(name == null ? "" : name);
        if (e.isPresent() && e.get().english() != null) {
            Optional<Geography.Where> w = geography.find(e.get().english());
            if (w.isPresent()) return w;
        }
        return geography.find(name);
    }

    Geography geography() {
        return geography;
    }

    /** The longest entity name starting at word {@code from}. */
    Optional<Match> find(List<TagText.Token> tokens, int from) {
        Entity best = null;
        int bestLength = 0;
        // Two paths at most per word (acronym and plain key), so a small breadth-first walk suffices.
        List<Node> frontier = List.of(root);
        for (int i = from; i < tokens.size() && !frontier.isEmpty(); i++) {
            TagText.Token t = tokens.get(i);
            List<Node> next = new ArrayList<>(2);
            for (Node node : frontier) {
                if (t.acronym()) {
                    Node caps = node.next.get("^" + t.key());
                    if (caps != null) next.add(caps);
                }
                Node plain = node.next.get(t.key());
                if (plain != null) next.add(plain);
            }
            for (Node node : next) {
                if (node.entity != null) {
                    best = node.entity;
                    bestLength = i - from + 1;
                    break;
                }
            }
            frontier = next;
        }
        return best == null ? Optional.empty() : Optional.of(new Match(best, bestLength));
    }

    private void add(Entity e, String alias) {
        List<TagText.Token> tokens = TagText.tokens(alias);
        if (tokens.isEmpty()) return;
        Node node = root;
        for (TagText.Token t : tokens) node = node.next.computeIfAbsent(t.acronym() ? "^" + t.key() : t.key(), k -> new Node());
        if (node.entity == null) {
            node.entity = e;
            entities.add(e);
        } else if (!node.entity.equals(e) && e.english() != null) {
            conflicts.add(alias + ": " + node.entity.english() + " / " + e.english());
        }
    }
}
