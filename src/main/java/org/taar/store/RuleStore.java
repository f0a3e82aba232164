package org.taar.store;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.taar.text.Digest;

/**
 * Routing rules kept in the store (table {@code routing_rules}, migrations V6 and V13), so every
 * node of a PostgreSQL site applies the same ones; they run after taar.yml's. Each row holds one
 * rule as JSON in the taar.yml shape; {@code rules.Rules} parses and caches them. A disabled rule
 * is kept, in its place, but does not run. The desk changes them through {@link #save}, which
 * applies a whole proposed list only if nothing changed since it was previewed, and logs who did it
 * (table {@code rule_changes}, V15).
 */
public final class RuleStore {
    /** One stored rule that runs, as written. */
    public record Row(String name, String definition) {}

    /** One stored rule as the desk lists it: its place (1 first), what it says, and whether it runs. */
    public record Entry(String name, int position, String definition, boolean enabled) {}

    /**
     * The stored rules as they are now, and a stamp that changes with every change to them: a
     * digest of the list and of the last desk change, so that rules changed and changed back still
     * make an older preview stale.
     */
    public record Revision(List<Entry> rules, long lastChange, String stamp) {
        public Revision {
            rules = List.copyOf(rules);
        }
    }

    /** Why a change was made and by whom, as the desk's change log keeps it. */
    public record Note(String actor, String rule, String what, String detail) {}

    /** One logged change: who changed which rule, when, how. */
    public record Change(long id, Instant at, String actor, String rule, String what, String detail) {}

    private final Store store;
    private final Clock clock;

    public RuleStore(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Every enabled stored rule in evaluation order, read in the caller's transaction. */
    public List<Row> all(Handle h) {
        return h.createQuery("SELECT name, definition FROM routing_rules WHERE enabled = 1 ORDER BY position, id")
                .map((rs, ctx) -> new Row(rs.getString("name"), rs.getString("definition"))).list();
    }

    /** Every stored rule, enabled or not, in evaluation order, numbered from 1. */
    public List<Entry> list() {
        return store.jdbi().withHandle(this::list);
    }

    // Stored positions keep gaps after a removal; the desk shows and moves by place, 1 to n.
    public List<Entry> list(Handle h) {
        List<Entry> out = new ArrayList<>();
        h.createQuery("SELECT name, definition, enabled FROM routing_rules ORDER BY position, id")
                .map((rs, ctx) -> new Entry(rs.getString("name"), 0, rs.getString("definition"),
                        rs.getInt("enabled") != 0))
                .forEach(e -> out.add(new Entry(e.name(), out.size() + 1, e.definition(), e.enabled())));
        return out;
    }

    public List<Row> all() {
        return store.jdbi().withHandle(this::all);
    }

    /** Adds a rule after the others, enabled; false when the name is taken. */
    public boolean add(String name, String definitionJson) {
        return store.jdbi().inTransaction(h -> {
            if (h.createQuery("SELECT COUNT(*) FROM routing_rules WHERE name = :name").bind("name", name)
                    .mapTo(Integer.class).one() > 0) {
                return false;
            }
            int position = h.createQuery("SELECT COALESCE(MAX(position), 0) + 1 FROM routing_rules")
                    .mapTo(Integer.class).one();
            h.createUpdate("""
                            INSERT INTO routing_rules (name, position, definition, created_at)
                            VALUES (:name, :position, :definition, :at)""")
                    .bind("name", name).bind("position", position).bind("definition", definitionJson)
                    .bind("at", clock.millis()).execute();
            return true;
        });
    }

    /** Replaces a rule's definition, in its place; false when no rule has the name. */
    public boolean update(String name, String definitionJson) {
        return store.jdbi().withHandle(h -> h.createUpdate(
                        "UPDATE routing_rules SET definition = :definition WHERE name = :name")
                .bind("definition", definitionJson).bind("name", name).execute()) > 0;
    }

    /** Switches a rule on or off, in its place; false when no rule has the name. */
    public boolean enable(String name, boolean enabled) {
        return store.jdbi().withHandle(h -> h.createUpdate(
                        "UPDATE routing_rules SET enabled = :enabled WHERE name = :name")
                .bind("enabled", enabled ? 1 : 0).bind("name", name).execute()) > 0;
    }

    /**
     * Moves a rule to {@code place} (1 first; beyond the last means last) and numbers every rule
     * again from 1, in one transaction; false when no rule has the name.
     */
    public boolean move(String name, int place) {
        return store.jdbi().inTransaction(h -> {
            List<String> names = new ArrayList<>(h.createQuery("SELECT name FROM routing_rules ORDER BY position, id")
                    .mapTo(String.class).list());
            if (!names.remove(name)) return false;
            names.add(Math.max(0, Math.min(place - 1, names.size())), name);
            PreparedBatch batch = h.prepareBatch("UPDATE routing_rules SET position = :position WHERE name = :name");
            for (int i = 0; i < names.size(); i++) batch.bind("position", i + 1).bind("name", names.get(i)).add();
            batch.execute();
            return true;
        });
    }

    public boolean remove(String name) {
        return store.jdbi().withHandle(h -> h.createUpdate("DELETE FROM routing_rules WHERE name = :name")
                .bind("name", name).execute()) > 0;
    }

    public Revision revision() {
        return store.jdbi().withHandle(this::revision);
    }

    private Revision revision(Handle h) {
        List<Entry> rules = list(h);
        long last = h.createQuery("SELECT COALESCE(MAX(id), 0) FROM rule_changes").mapTo(Long.class).one();
        StringBuilder sb = new StringBuilder().append(last).append('\n');
        for (Entry e : rules) {
            sb.append(e.name()).append('\0').append(e.enabled()).append('\0').append(e.definition()).append('\n');
        }
        return new Revision(rules, last, Digest.sha256Hex(sb.toString()).substring(0, 32));
    }

    /**
     * Makes the stored rules {@code proposed}, in that order (each rule's place is its index; a
     * rule left out is removed, a new name added), and logs {@code note}, in one transaction; false,
     * changing nothing, when the rules' stamp is no longer {@code seen}. Two saves from the same
     * stamp, even at once on two nodes, apply once: the log's unique {@code previous} refuses the second.
     */
    public boolean save(String seen, List<Entry> proposed, Note note) {
        try {
            return store.jdbi().inTransaction(h -> {
                Revision now = revision(h);
                if (!now.stamp().equals(seen)) return false;
                Set<String> kept = new HashSet<>();
                proposed.forEach(e -> kept.add(e.name()));
                Set<String> existing = new HashSet<>();
                for (Entry e : now.rules()) {
                    if (kept.contains(e.name())) existing.add(e.name());
                    else h.createUpdate("DELETE FROM routing_rules WHERE name = :name").bind("name", e.name()).execute();
                }
                int place = 0;
                for (Entry e : proposed) {
                    place++;
                    String sql = existing.contains(e.name())
                            ? "UPDATE routing_rules SET position = :position, definition = :definition, enabled = :enabled"
                              + " WHERE name = :name"
                            : "INSERT INTO routing_rules (name, position, definition, enabled, created_at)"
                              + " VALUES (:name, :position, :definition, :enabled, :at)";
                    h.createUpdate(sql).bind("name", e.name()).bind("position", place).bind("definition", e.definition())
                            .bind("enabled", e.enabled() ? 1 : 0).bind("at", clock.millis()).execute();
                }
                h.createUpdate("""
                                INSERT INTO rule_changes (previous, at, actor, rule, what, detail)
                                VALUES (:previous, :at, :actor, :rule, :what, :detail)""")
                        .bind("previous", now.lastChange()).bind("at", clock.millis()).bind("actor", note.actor())
                        .bind("rule", note.rule()).bind("what", note.what()).bind("detail", note.detail()).execute();
                return true;
            });
        } catch (JdbiException e) {
            // Another save from the same stamp won the race (a unique key, or SQLite's stale snapshot).
            if (!revision().stamp().equals(seen)) return false;
            throw e;
        }
    }

    /** The last {@code limit} changes made from the desk, newest first. */
    public List<Change> changes(int limit) {
        return store.jdbi().withHandle(h -> h.createQuery("""
                        SELECT id, at, actor, rule, what, detail FROM rule_changes ORDER BY id DESC LIMIT :limit""")
                .bind("limit", limit)
                .map((rs, ctx) -> new Change(rs.getLong("id"), Instant.ofEpochMilli(rs.getLong("at")),
                        rs.getString("actor"), rs.getString("rule"), rs.getString("what"), rs.getString("detail")))
                .list());
    }
}
