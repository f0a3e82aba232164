package org.taar.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.taar.store.Stores.NOW;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.taar.TestEngines;
import org.taar.config.Config;
import org.taar.item.NewsItem;
import org.taar.story.EventKind;
import org.taar.story.OutcomeStatus;
import org.taar.story.Status;
import org.taar.store.WireQueue.Cursor;
import org.taar.store.WireQueue.Entry;
import org.taar.store.WireQueue.Filter;
import org.taar.store.WireQueue.Page;

/** The desk's wire queue: filters, counts, Hindi-aware search, paging and the rows copied by the migration. */
class WireQueueTest {
    @TempDir Path dir;

    private static NewsItem item(String uri, String headline, String agency, String language) {
        NewsItem.Builder b = NewsItem.builder();
        b.uri = uri;
        b.headline = headline;
        b.agency = agency;
        b.language = language;
        return b.build();
    }

    /** A new story as the pipeline records one, from {@code source}, decided by rule "desk". */
    private static long story(StoryWrites writes, String source, String uri, String headline, String agency,
                              String language, String section, Status status, Instant at) {
        OutcomeStatus outcome = OutcomeStatus.of(status);
        return Stores.record(writes, new StoryVersion(new StoryVersion.Row.Insert(source, status, section,
                uri.replace(':', '-'), status == Status.PUBLISHED ? at : null, null),
                item(uri, headline, agency, language), null, at, outcome, "rule desk", List.of(), false,
                EventKind.of(outcome), List.of(), null, "desk"));
    }

    private static Filter text(String q) {
        return new Filter(null, null, null, null, null, null, null, q);
    }

    private static List<String> headlines(WireQueue q, Filter f) {
        return q.page(f, null, 50).entries().stream().map(Entry::headline).toList();
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void eachFilterNarrowsTheQueueAndCountsLeaveTheStatusAside(String engine) {
        try (Store store = Stores.open(engine, dir)) {
            StoryWrites writes = new StoryWrites(store);
            story(writes, "ians", "urn:1", "केरल में बारिश", "IANS", "hi", "india", Status.PUBLISHED, NOW);
            story(writes, "pti", "urn:2", "Monsoon reaches Kerala", "PTI", "en", "india", Status.HELD, NOW.plusSeconds(60));
            story(writes, "pti", "urn:3", "भारत ने मैच जीता", "PTI", "hi", "sports", Status.PUBLISHED, NOW.plusSeconds(120));
            story(writes, "ians", "urn:4", "सोना महंगा", "IANS", "hi", "business", Status.EMBARGOED, NOW.plusSeconds(180));
            new WireLog(store).rejected("ians", null, "junk.bin", null, "not a wire format", NOW.plusSeconds(240));
            WireQueue q = new WireQueue(store);

            assertThat(headlines(q, Filter.ALL)).hasSize(5).startsWith((String) null).endsWith("केरल में बारिश");
            assertThat(headlines(q, new Filter("pti", null, null, null, null, null, null, null)))
                    .containsExactly("भारत ने मैच जीता", "Monsoon reaches Kerala");
            assertThat(headlines(q, new Filter(null, "IANS", null, null, null, null, null, null)))
                    .containsExactly("सोना महंगा", "केरल में बारिश");
            assertThat(headlines(q, Filter.ALL.withOutcome(OutcomeStatus.HELD))).containsExactly("Monsoon reaches Kerala");
            assertThat(headlines(q, new Filter(null, null, null, "india", null, null, null, null)))
                    .containsExactly("Monsoon reaches Kerala", "केरल में बारिश");
            assertThat(headlines(q, new Filter(null, null, null, null, "en", null, null, null)))
                    .containsExactly("Monsoon reaches Kerala");
            assertThat(headlines(q, new Filter(null, null, null, null, null, NOW.plusSeconds(60), NOW.plusSeconds(180), null)))
                    .as("from inclusive, to exclusive").containsExactly("भारत ने मैच जीता", "Monsoon reaches Kerala");
            assertThat(headlines(q, new Filter(" pti ", "", null, "  ", null, null, null, " ")))
                    .as("blank parts do not narrow").hasSize(2);

            Entry rejected = q.page(Filter.ALL, null, 1).entries().get(0);
            assertThat(rejected.outcome()).isEqualTo(OutcomeStatus.REJECTED);
            assertThat(rejected.name()).isEqualTo("junk.bin");
            assertThat(rejected.storyId()).isNull();
            Entry embargoed = q.page(Filter.ALL.withOutcome(OutcomeStatus.EMBARGOED), null, 1).entries().get(0);
            assertThat(embargoed.rule()).isEqualTo("desk");
            assertThat(embargoed.path()).isEqualTo("/business/urn-4-" + embargoed.storyId());

            Map<OutcomeStatus, Long> all = q.counts(Filter.ALL);
            assertThat(all).containsEntry(OutcomeStatus.PUBLISHED, 2L).containsEntry(OutcomeStatus.HELD, 1L)
                    .containsEntry(OutcomeStatus.EMBARGOED, 1L).containsEntry(OutcomeStatus.REJECTED, 1L)
                    .containsEntry(OutcomeStatus.KILLED, 0L).hasSize(OutcomeStatus.values().length);
            assertThat(q.counts(Filter.ALL.withOutcome(OutcomeStatus.HELD))).isEqualTo(all);
            assertThat(q.counts(new Filter(null, null, OutcomeStatus.HELD, null, "hi", null, null, null)))
                    .containsEntry(OutcomeStatus.PUBLISHED, 2L).containsEntry(OutcomeStatus.HELD, 0L)
                    .containsEntry(OutcomeStatus.EMBARGOED, 1L);
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void searchFindsEitherSpellingOfAHindiWord(String engine) {
        try (Store store = Stores.open(engine, dir)) {
            StoryWrites writes = new StoryWrites(store);
            story(writes, "ians", "urn:1", "बड़ी ख़बर: ज़मीन विवाद सुलझा", "IANS", "hi", "india", Status.PUBLISHED, NOW);
            story(writes, "ians", "urn:2", "भगत सिँह की जयंती पर कार्यक्रम", "IANS", "hi", "india", Status.PUBLISHED, NOW);
            story(writes, "ians", "urn:3", "बजट २०२५ में किसानों को राहत", "IANS", "hi", "india", Status.PUBLISHED, NOW);
            story(writes, "ians", "urn:4", "Delhi Metro extends hours", "IANS", "en", "india", Status.PUBLISHED, NOW);
            WireQueue q = new WireQueue(store);

            assertThat(headlines(q, text("खबर"))).as("without nukta finds the nukta spelling")
                    .containsExactly("बड़ी ख़बर: ज़मीन विवाद सुलझा");
            assertThat(headlines(q, text("ज\u093Cमीन"))).as("decomposed nukta").hasSize(1);
            assertThat(headlines(q, text("सिंह"))).as("anusvara finds chandrabindu")
                    .containsExactly("भगत सिँह की जयंती पर कार्यक्रम");
            assertThat(headlines(q, text("सिँह जयंती"))).as("every word, either spelling").hasSize(1);
            assertThat(headlines(q, text("सिंह ज़मीन"))).as("every word must be there").isEmpty();
            assertThat(headlines(q, text("2025"))).as("ASCII digits find Devanagari digits")
                    .containsExactly("बजट २०२५ में किसानों को राहत");
            assertThat(headlines(q, text("किसान"))).as("a word found by its beginning").hasSize(1);
            assertThat(headlines(q, text("सानों"))).as("not by its middle").isEmpty();
            assertThat(headlines(q, text("DELHI metro"))).containsExactly("Delhi Metro extends hours");
            assertThat(headlines(q, text("खबर")).size()).isEqualTo(q.counts(text("खबर")).values().stream()
                    .mapToLong(Long::longValue).sum());
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void hostileQueriesFindNothingWrongAndNeverThrow(String engine) {
        try (Store store = Stores.open(engine, dir)) {
            StoryWrites writes = new StoryWrites(store);
            story(writes, "ians", "urn:1", "100% मतदान, सब_ठीक", "IANS", "hi", "india", Status.PUBLISHED, NOW);
            story(writes, "ians", "urn:2", "O'Brien's <b>bold</b> move", "IANS", "en", "india", Status.PUBLISHED, NOW);
            WireQueue q = new WireQueue(store);
            List<String> hostile = List.of("%", "_", "%%", "\\", "\\%", "'", "' OR '1'='1", "\"; DROP TABLE wire; --",
                    "%".repeat(10_000), "_".repeat(10_000), "a".repeat(10_000), "क ".repeat(5_000),
                    "x%y".repeat(3_400), "\u0000", "\u200d\u200c", "<script>alert(1)</script>");
            for (String h : hostile) {
                assertThatCode(() -> q.page(text(h), null, 50)).as(h.substring(0, Math.min(20, h.length())))
                        .doesNotThrowAnyException();
                assertThat(headlines(q, text(h))).as(h.substring(0, Math.min(20, h.length()))).isEmpty();
                assertThat(q.counts(text(h)).values()).as("counts of " + h.substring(0, Math.min(20, h.length())))
                        .containsOnly(0L);
                assertThat(q.since(text(h), 0, 10)).isEmpty();
            }
            // What is in a hostile query besides its punctuation is still searched for, as words.
            assertThat(headlines(q, text("100%"))).containsExactly("100% मतदान, सब_ठीक");
            assertThat(headlines(q, text("सब_ठीक"))).containsExactly("100% मतदान, सब_ठीक");
            assertThat(headlines(q, text("o'brien"))).containsExactly("O'Brien's <b>bold</b> move");
            assertThat(headlines(q, new Filter("'; --", "%", null, "_", "\\", null, null, null))).isEmpty();
            assertThat(headlines(q, new Filter("x".repeat(10_000), null, null, null, null, null, null, null))).isEmpty();
            assertThat(WireQueue.escapeLike("50%_!")).isEqualTo("50!%!_!!");
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void pagesWalkEveryRowOnceNewestFirstAndLiveUpdatesFollow(String engine) {
        try (Store store = Stores.open(engine, dir)) {
            StoryWrites writes = new StoryWrites(store);
            for (int i = 0; i < 25; i++) {
                story(writes, i % 2 == 0 ? "even" : "odd", "urn:" + i, "ख़बर " + i, "IANS", "hi", "india",
                        Status.PUBLISHED, NOW.plusSeconds(i));
            }
            WireQueue q = new WireQueue(store);
            List<Long> seen = new ArrayList<>();
            List<Integer> sizes = new ArrayList<>();
            Cursor after = null;
            do {
                Page p = q.page(Filter.ALL, after, 10);
                sizes.add(p.entries().size());
                p.entries().forEach(e -> seen.add(e.id()));
                after = p.next();
            } while (after != null);
            assertThat(sizes).containsExactly(10, 10, 5);
            assertThat(seen).hasSize(25).doesNotHaveDuplicates().isSortedAccordingTo((a, b) -> Long.compare(b, a));

            Page evens = q.page(new Filter("even", null, null, null, null, null, null, "खबर"), null, 5);
            assertThat(evens.entries()).extracting(Entry::source).containsOnly("even").hasSize(5);
            Page more = q.page(new Filter("even", null, null, null, null, null, null, "खबर"), evens.next(), 100);
            assertThat(more.entries()).hasSize(8);
            assertThat(more.next()).isNull();

            assertThat(q.page(Filter.ALL, null, 0).entries()).as("a limit below one is one").hasSize(1);
            assertThat(q.page(Filter.ALL, null, -5).entries()).hasSize(1);
            assertThat(q.page(Filter.ALL, new Cursor(Long.MIN_VALUE), 10).entries()).isEmpty();

            long newest = seen.get(0);
            long tenth = seen.get(9);
            assertThat(q.since(tenth)).extracting(Entry::id).as("oldest first").isSortedAccordingTo(Long::compare)
                    .hasSize(9).last().isEqualTo(newest);
            assertThat(q.since(new Filter("odd", null, null, null, null, null, null, null), tenth, 2))
                    .extracting(Entry::source).containsExactly("odd", "odd");
            assertThat(q.since(newest)).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void theMigrationCopiesEveryStoredVersionIntoTheQueue(String engine) {
        Config config = TestEngines.config(engine, dir);
        String url = config.jdbcUrl() != null ? config.jdbcUrl()
                : "jdbc:sqlite:" + config.dataDir().resolve("taar.db").toAbsolutePath();
        config.dataDir().toFile().mkdirs();
        Flyway.configure().dataSource(url, null, null)
                .locations("classpath:db/migration/" + engine).target("10").load().migrate();
        Flyway old = Flyway.configure().dataSource(url, null, null).load();
        long at = NOW.toEpochMilli();
        try (var c = old.getConfiguration().getDataSource().getConnection(); var s = c.createStatement()) {
            String first = "{\"uri\":\"urn:old:1\",\"version\":1,\"headline\":\"पुरानी ख़बर\",\"agency\":\"IANS\",\"language\":\"hi\"}";
            String embargoed = "{\"uri\":\"urn:old:2\",\"version\":1,\"headline\":\"बजट सिँह\",\"agency\":\"PTI\","
                    + "\"language\":\"hi\",\"embargoed\":\"2025-07-12T08:00:00Z\"}";
            s.execute("INSERT INTO stories (source, uri, version, status, reason, section, slug, headline, item, created_at)"
                    + " VALUES ('ians', 'urn:old:1', 2, 'held', 'x', 'india', 'purani', 'पुरानी ख़बर', '" + first + "', " + at + ")");
            s.execute("INSERT INTO stories (source, uri, version, status, reason, section, slug, headline, item, created_at)"
                    + " VALUES ('pti', 'urn:old:2', 1, 'embargoed', 'x', 'business', 'budget', 'बजट', '" + embargoed + "', " + at + ")");
            s.execute("INSERT INTO versions (story_id, version, outcome, reason, item, received_at) VALUES"
                    + " (1, 1, 'published', 'rule default-publish', '" + first + "', " + at + "),"
                    + " (1, 2, 'held', 'prices checked by hand (rule gold-hold)', '" + first + "', " + (at + 1000) + "),"
                    + " (2, 1, 'embargoed', 'embargoed until 2025-07-12T08:00:00Z (rule embargo)', '" + embargoed + "', "
                    + (at + 2000) + ")");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        try (Store store = Store.open(config.jdbcUrl(), config.dataDir())) {
            WireQueue q = new WireQueue(store);
            List<Entry> rows = q.page(Filter.ALL, null, 10).entries();
            assertThat(rows).extracting(Entry::outcome)
                    .containsExactly(OutcomeStatus.EMBARGOED, OutcomeStatus.HELD, OutcomeStatus.PUBLISHED);
            assertThat(rows).extracting(Entry::rule).containsExactly("embargo", "gold-hold", "default-publish");
            assertThat(rows).extracting(Entry::agency).containsExactly("PTI", "IANS", "IANS");
            assertThat(rows).extracting(Entry::language).containsOnly("hi");
            assertThat(rows).extracting(Entry::at).containsExactly(NOW.plusSeconds(2), NOW.plusSeconds(1), NOW);
            assertThat(rows.get(0).embargoUntil()).isEqualTo(Instant.parse("2025-07-12T08:00:00Z"));
            assertThat(rows.get(1).storyStatus()).isEqualTo(Status.HELD);
            assertThat(rows.get(1).path()).isEqualTo("/india/purani-1");
            assertThat(headlines(q, text("खबर"))).containsExactly("पुरानी ख़बर", "पुरानी ख़बर");
            assertThat(headlines(q, text("सिंह"))).containsExactly("बजट सिँह");
            // New rows follow the copied ones.
            story(new StoryWrites(store), "ians", "urn:new", "नई ख़बर", "IANS", "hi", "india", Status.PUBLISHED,
                    NOW.plus(Duration.ofMinutes(1)));
            assertThat(headlines(q, text("खबर"))).containsExactly("नई ख़बर", "पुरानी ख़बर", "पुरानी ख़बर");
        }
        // Opening again finds nothing left to fold.
        try (Store store = Store.open(config.jdbcUrl(), config.dataDir())) {
            assertThat(WireLog.foldCopied(store)).isZero();
        }
    }
}
