package org.taar.desk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taar.intake.Archive;
import org.taar.store.StoryReads;
import org.taar.store.StoryReads.VersionEntry;

/**
 * A story's deliveries as the archive keeps them (content-addressed by SHA-256): the newest one
 * shown as text on the story page, at most {@link #SHOWN} of it, and any one of them downloaded
 * byte for byte. Only a delivery that brought a version of the story is served from its page.
 */
public final class StoryDeliveries {
    private static final Logger log = LoggerFactory.getLogger(StoryDeliveries.class);
    /** The page shows this much of a delivery; the whole is a download away. */
    public static final int SHOWN = 200 * 1024;

    /** A delivery to download: its name as received (null when none) and its bytes. */
    public record Download(String name, byte[] bytes) {}

    private final StoryReads stories;
    private final Archive archive;

    public StoryDeliveries(StoryReads stories, Archive archive) {
        this.stories = stories;
        this.archive = archive;
    }

    /** The newest delivery among the story's versions, as text; null when none brought one (a story only edited). */
    StoryView.Verbatim verbatim(long storyId, List<VersionEntry> versions) {
        VersionEntry newest = null;
        for (VersionEntry v : versions) {
            if (v.deliveryId() != null && v.sha256() != null) newest = v;
        }
        if (newest == null) return null;
        String download = "/desk/stories/" + storyId + "/deliveries/" + newest.deliveryId();
        try {
            Archive.Head head = archive.head(newest.sha256(), SHOWN);
            return new StoryView.Verbatim(text(head.bytes()), head.size() > head.bytes().length, head.size(),
                    head.bytes().length, download, newest.name());
        } catch (IOException | RuntimeException e) {
            log.warn("delivery {} of story {} not readable in the archive: {}", newest.deliveryId(), storyId, e.toString());
            return new StoryView.Verbatim(null, false, 0, 0, download, newest.name());
        }
    }

    /** The bytes of a delivery that brought a version of the story; empty for any other delivery. */
    public Optional<Download> download(long storyId, long deliveryId) throws IOException {
        for (VersionEntry v : stories.versionHistory(storyId)) {
            if (v.deliveryId() != null && v.deliveryId() == deliveryId && v.sha256() != null) {
                return Optional.of(new Download(v.name(), archive.read(v.sha256())));
            }
        }
        return Optional.empty();
    }

    /**
     * Bytes as text for the page: UTF-8 with anything undecodable (another charset, a cut
     * character at the cap) and control characters other than tab and line ends shown as U+FFFD.
     */
    static String text(byte[] bytes) {
        String s = new String(bytes, StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f;
            out.append(control ? '\uFFFD' : c);
        }
        return out.toString();
    }
}
