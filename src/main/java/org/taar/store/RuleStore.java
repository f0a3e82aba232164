package org.taar.store;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Routing rules kept in the store (table {@code routing_rules}, migrations V6 and V13), so every
 * node of a PostgreSQL site applies the same ones; they run after taar.yml's. Each row holds one
 * rule as JSON in the taar.yml shape; {@code rules.Rules} parses and caches them. A disabled rule
 * is kept, in its place, but does not run.
 */
public final class RuleStore {
    /** One stored rule that runs, as written. */
    public record Row(String name, String definition) {}

    /** One stored rule as the desk lists it: its place (1 first), what it says, and whether it runs. */
    public record Entry(String name, int position, String definition, boolean enabled) {}

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
}
