package org.taar.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.taar.item.NewsItem;
import org.taar.item.PubStatus;

class VersionsTest {
    private static NewsItem item(int version, PubStatus status) {
        NewsItem.Builder b = NewsItem.builder();
        b.uri = "urn:x";
        b.version = version;
        b.pubstatus = status;
        b.headline = "h";
        return b.build();
    }

    private static Optional<Story> stored(int version, Status status) {
        return Optional.of(new Story(1, "s", "urn:x", version, status, null, "india", "h", item(version, PubStatus.USABLE),
                List.of(), Instant.EPOCH, Instant.EPOCH, null, null));
    }

    @Test
    void firstSightIsNew() {
        assertThat(Versions.classify(Optional.empty(), item(1, PubStatus.USABLE))).isEqualTo(Versions.Change.NEW);
    }

    @Test
    void higherVersionIsNewerAndLowerOrEqualIsStale() {
        assertThat(Versions.classify(stored(2, Status.PUBLISHED), item(3, PubStatus.USABLE))).isEqualTo(Versions.Change.NEWER);
        assertThat(Versions.classify(stored(2, Status.PUBLISHED), item(2, PubStatus.USABLE))).isEqualTo(Versions.Change.STALE);
        assertThat(Versions.classify(stored(2, Status.PUBLISHED), item(1, PubStatus.USABLE))).isEqualTo(Versions.Change.STALE);
    }

    @Test
    void cancelKillsWhateverItsVersion() {
        assertThat(Versions.classify(stored(5, Status.PUBLISHED), item(1, PubStatus.CANCELED))).isEqualTo(Versions.Change.KILL);
        assertThat(Versions.classify(Optional.empty(), item(1, PubStatus.CANCELED))).isEqualTo(Versions.Change.KILL);
        assertThat(Versions.classify(stored(5, Status.KILLED), item(6, PubStatus.CANCELED))).isEqualTo(Versions.Change.STALE);
    }

    @Test
    void killedStoryNeverComesBack() {
        assertThat(Versions.classify(stored(1, Status.KILLED), item(9, PubStatus.USABLE))).isEqualTo(Versions.Change.AFTER_KILL);
    }
}
