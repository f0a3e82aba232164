package org.taar.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taar.store.Stores.NOW;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.taar.story.EventKind;
import org.taar.story.Status;

class EventLogTest {
    @TempDir Path dir;

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void eventsKeepTheirWordsAndTheirOrder(String engine) {
        try (Store store = Stores.open(engine, dir)) {
            StoryWrites writes = new StoryWrites(store);
            EventLog events = new EventLog(store);
            assertThat(events.lastEventSeq()).isZero();
            long a = Stores.record(writes, Stores.newStory("urn:a", Status.PUBLISHED, "india", NOW));
            long b = Stores.record(writes, Stores.newStory("urn:b", Status.EMBARGOED, "india", NOW));
            long c = Stores.record(writes, Stores.newStory("urn:c", Status.HELD, "india", NOW));

            // The table holds today's lowercase words, byte for byte: other nodes and old rows read them.
            List<String> stored = store.jdbi().withHandle(h -> h.createQuery("SELECT kind FROM events ORDER BY seq")
                    .mapTo(String.class).list());
            assertThat(stored).containsExactly("published", "embargoed", "held");
            assertThat(events.eventsAfter(0, 10)).extracting(Event::kind)
                    .containsExactly(EventKind.PUBLISHED, EventKind.EMBARGOED, EventKind.HELD);
            long last = events.lastEventSeq();
            assertThat(events.eventsAfter(last - 1, 10)).extracting(Event::storyId).containsExactly(c);

            // A reconnecting reader gets the newest of what it missed, oldest first, each with its story now.
            assertThat(events.changesBetween(0, last, 2)).extracting(EventLog.Change::storyId).containsExactly(b, c);
            EventLog.Change first = events.changesBetween(0, last, 10).get(0);
            assertThat(first.kind()).isEqualTo(EventKind.PUBLISHED);
            assertThat(first.status()).isEqualTo("published");
            assertThat(first.path()).isEqualTo("/india/urn-a-" + a);
        }
    }
}
