package org.taar.store;

import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Routing rules kept in the store (table {@code routing_rules}, migration V6), so every node of a
 * PostgreSQL site applies the same ones; they run after taar.yml's. Each row holds one rule as
 * JSON in the taar.yml shape; {@code rules.Rules} parses and caches them.
 */
public final class RuleStore {
    /** One stored rule, as written. */
    public record Row(String name, String definition) {}

    private final Store store;
    private final Clock clock;

    public RuleStore(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Every stored rule in evaluation order, read in the caller's transaction. */
    public List<Row> all(Handle h) {
        return h.createQuery("SELECT name, definition FROM routing_rules ORDER BY position, id")
                .map((rs, ctx) -> new Row(rs.getString("name"), rs.getString("definition"))).list();
    }

    public List<Row> all() {
        return store.jdbi().withHandle(this::all);
    }

    /** Adds a rule after the others; false when the name is taken. */
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

    public boolean remove(String name) {
        return store.jdbi().withHandle(h -> h.createUpdate("DELETE FROM routing_rules WHERE name = :name")
                .bind("name", name).execute()) > 0;
    }
}
