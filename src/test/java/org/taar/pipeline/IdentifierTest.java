package org.taar.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.taar.TestEngines;
import org.taar.config.Config;
import org.taar.dedupe.Duplicates;
import org.taar.enrich.Enrichment;
import org.taar.item.NewsItem;
import org.taar.item.PubStatus;
import org.taar.rules.Decision;
import org.taar.store.FingerprintStore;
import org.taar.store.Store;
import org.taar.store.StoryReads;
import org.taar.store.StoryWrites;

/** What identify makes of each version of a story, against a real store on both engines. */
class IdentifierTest {
    private static final Instant NOW = Instant.parse("2025-07-12T05:49:00Z");
    private static final String BODY = "केरल के कई जिलों में भारी बारिश के बाद बाढ़ जैसे हालात बन गए हैं और प्रशासन ने"
            + " स्कूलों को बंद रखने का आदेश दिया है। मौसम विभाग ने अगले तीन दिनों तक और बारिश की चेतावनी दी है।";

    @TempDir Path dir;

    private static NewsItem item(String uri, int version, PubStatus status) {
        NewsItem.Builder b = NewsItem.builder();
        b.uri = uri;
        b.version = version;
        b.headline = "केरल में भारी बारिश";
        b.bodyHtml = "<p>" + BODY + "</p>";
        b.pubstatus = status;
        return b.build();
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void eachVersionIsIdentifiedAgainstTheStoredStory(String engine) {
        Config config = TestEngines.config(engine, dir);
        try (Store store = Store.open(config.jdbcUrl(), config.dataDir())) {
            StoryWrites writes = new StoryWrites(store);
            Identifier identifier = new Identifier(config, new StoryReads(store), new Duplicates(new FingerprintStore(store)));
            Recorder recorder = new Recorder(writes);
            Enrichment e = new Enrichment("india", "kerala-barish", List.of());
            store.jdbi().useTransaction(h -> {
                NewsItem v1 = item("urn:a", 1, PubStatus.USABLE);
                Identified first = identifier.identify(h, "ians", v1, null, NOW);
                assertThat(first).isInstanceOf(Identified.New.class);
                recorder.record(h, "ians", "f", null, v1, e, first, Decision.publish("default"), NOW);

                assertThat(identifier.identify(h, "ians", item("urn:a", 1, PubStatus.USABLE), null, NOW))
                        .isInstanceOf(Identified.Stale.class);
                assertThat(identifier.identify(h, "ians", item("urn:a", 2, PubStatus.USABLE), null, NOW))
                        .isInstanceOf(Identified.Update.class);
                // The same text from another source is a copy of the first story.
                Identified copy = identifier.identify(h, "pti", item("urn:p", 1, PubStatus.USABLE), null, NOW);
                assertThat(copy).isInstanceOf(Identified.Duplicate.class);
                assertThat(((Identified.Duplicate) copy).originalPath()).startsWith("/india/kerala-barish-");

                NewsItem kill = item("urn:a", 2, PubStatus.CANCELED);
                Identified k = identifier.identify(h, "ians", kill, null, NOW);
                assertThat(((Identified.Kill) k).current()).isPresent();
                recorder.record(h, "ians", "f", null, kill, e, k, null, NOW);
                assertThat(identifier.identify(h, "ians", item("urn:a", 3, PubStatus.USABLE), null, NOW))
                        .isInstanceOf(Identified.AfterKill.class);
                assertThat(((Identified.Kill) identifier.identify(h, "ians", item("urn:x", 1, PubStatus.CANCELED), null,
                        NOW)).current()).isEmpty();
            });
        }
    }
}
