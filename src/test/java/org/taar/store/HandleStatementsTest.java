package org.taar.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A handle prepares a statement once and runs it again and again; a statement still in use (an
 * open result being read) is never handed out twice, so a query run inside the reading of its own
 * results answers correctly; and nothing prepared outlives its handle.
 */
class HandleStatementsTest {
    @TempDir Path dir;

    /** Records the statement each run of a query or update was given. */
    private static final class Seen implements StatementCustomizer {
        final List<PreparedStatement> statements = new ArrayList<>();

        @Override
        public void beforeExecution(PreparedStatement stmt, StatementContext ctx) {
            statements.add(stmt);
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void aHandleReusesItsStatementsAndClosesThemWithIt(String engine) throws Exception {
        try (Store store = Stores.open(engine, dir)) {
            Seen seen = new Seen();
            store.jdbi().useTransaction(h -> {
                for (int i = 0; i < 5; i++) {
                    h.createUpdate("INSERT INTO tags (slug, name) VALUES (:slug, :name)").addCustomizer(seen)
                            .bind("slug", "t" + i).bind("name", "टैग " + i).execute();
                }
            });
            assertThat(seen.statements).hasSize(5);
            assertThat(seen.statements).as("prepared once, run five times").allMatch(s -> s == seen.statements.get(0));
            assertThat(seen.statements.get(0).isClosed()).as("closed with its handle").isTrue();
            // Parameters do not leak from one run into the next.
            List<String> names = store.jdbi().withHandle(h -> h.createQuery("SELECT name FROM tags ORDER BY slug")
                    .mapTo(String.class).list());
            assertThat(names).containsExactly("टैग 0", "टैग 1", "टैग 2", "टैग 3", "टैग 4");
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void aStatementWhoseResultsAreStillReadIsNotHandedOutAgain(String engine) throws Exception {
        try (Store store = Stores.open(engine, dir)) {
            store.jdbi().useHandle(h -> {
                for (int i = 0; i < 3; i++) {
                    h.execute("INSERT INTO tags (slug, name) VALUES (?, ?)", "s" + i, "नाम " + i);
                }
            });
            String sql = "SELECT slug, name FROM tags WHERE slug >= :from ORDER BY slug";
            List<String> pairs = new ArrayList<>();
            store.jdbi().useHandle(h -> {
                try (var outer = h.createQuery(sql).bind("from", "s").mapToMap().iterator()) {
                    while (outer.hasNext()) {
                        String slug = (String) outer.next().get("slug");
                        // The same SQL while the outer result is open: a statement of its own.
                        List<String> later = inner(h, sql, slug);
                        pairs.add(slug + ">" + String.join(",", later));
                    }
                }
            });
            assertThat(pairs).containsExactly("s0>s0,s1,s2", "s1>s1,s2", "s2>s2");
        }
    }

    private static List<String> inner(Handle h, String sql, String from) {
        return h.createQuery(sql).bind("from", from).map((rs, ctx) -> rs.getString("slug")).list();
    }
}
