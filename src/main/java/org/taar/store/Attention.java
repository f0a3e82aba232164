package org.taar.store;

/**
 * What must not be missed at the desk, counted for the banner on every desk page: stories held
 * now and kill advisories waiting for a person. Both counts read an index.
 */
public final class Attention {
    private final Store store;

    public Attention(Store store) {
        this.store = store;
    }

    /** @param held stories whose status is held now; @param advisories advisories pending or ambiguous */
    public record Counts(long held, long advisories) {}

    public Counts now() {
        return store.jdbi().withHandle(h -> new Counts(
                h.createQuery("SELECT COUNT(*) FROM stories WHERE status = 'held'").mapTo(Long.class).one(),
                h.createQuery("SELECT COUNT(*) FROM advisories WHERE status IN ('pending', 'ambiguous')")
                        .mapTo(Long.class).one()));
    }
}
