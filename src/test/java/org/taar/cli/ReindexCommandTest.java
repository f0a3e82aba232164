package org.taar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taar.Fixtures;
import org.taar.Taar;
import org.taar.search.SearchIndex;
import org.taar.search.SearchQuery;

/** {@code taar reindex} rebuilds DATA/search/ from the store and prints the count. */
class ReindexCommandTest {
    @TempDir Path dir;

    private String run(String... args) {
        PrintStream out = System.out;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            assertThat(Taar.run(args)).isZero();
        } finally {
            System.setOut(out);
        }
        return o.toString(StandardCharsets.UTF_8);
    }

    @Test
    void reindexBuildsTheIndexFromTheStore() throws Exception {
        String data = dir.resolve("data").toString();
        Path a = dir.resolve("a.txt"), b = dir.resolve("b.txt");
        Files.write(a, Fixtures.wire("urn:r:1", 1, null, "पटना में चुनाव प्रचार", "खेल"));
        Files.write(b, Fixtures.wire("urn:r:2", 1, null, "मुंबई में बारिश", "खेल"));
        run("ingest", "--data", data, "--source", "ians", a.toString(), b.toString());
        assertThat(run("reindex", "--data", data)).contains("reindexed 2 stories");
        try (SearchIndex index = SearchIndex.open(dir.resolve("data").resolve("search"), Clock.systemUTC())) {
            assertThat(index.isFresh()).isFalse();
            assertThat(index.search(SearchQuery.of("चुनाव")).hits()).hasSize(1);
        }
    }
}
