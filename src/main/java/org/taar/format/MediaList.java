package org.taar.format;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.taar.item.Media;
import org.taar.item.NewsItem;

/**
 * The media of one item as a parser collects them: in the order the source gives them, each media
 * item once (a feed lists one picture as media:content, enclosure and thumbnail alike), and at most
 * {@link #MAX} of them, so that a hostile entry with ten thousand pictures costs no more than a real one.
 */
final class MediaList {
    /** More pictures than any story shows; a gallery of more is cut, with a warning. */
    static final int MAX = 50;

    private final List<Media> media = new ArrayList<>();
    private final Set<String> seen = new LinkedHashSet<>();
    private int dropped;

    /** Adds a media item unless one with its uri (or first rendition) is already there; false when it was not added. */
    boolean add(Media m) {
        if (m == null) return false;
        String first = m.renditions().isEmpty() ? null : m.renditions().get(0).href();
        if (seen.contains(m.uri()) || (first != null && seen.contains(first))) return false;
        if (media.size() >= MAX) {
            dropped++;
            return false;
        }
        media.add(m);
        seen.add(m.uri());
        if (first != null) seen.add(first);
        return true;
    }

    /** Whether another one would be dropped: callers stop reading early instead of building what is thrown away. */
    boolean full() {
        return media.size() >= MAX;
    }

    /** Counts one that was not even read because the list was full. */
    void drop() {
        dropped++;
    }

    /** Counts {@code n} that were not even read. */
    void drop(int n) {
        dropped += n;
    }

    boolean isEmpty() {
        return media.isEmpty();
    }

    List<Media> list() {
        return List.copyOf(media);
    }

    /** The media, lead picture first (the first picture moves ahead of video and audio), and the warning for what was cut. */
    void into(NewsItem.Builder b, String who) {
        List<Media> ordered = new ArrayList<>(media);
        for (int i = 0; i < ordered.size(); i++) {
            if (ordered.get(i).kind() == Media.Kind.PICTURE) {
                if (i > 0) ordered.add(0, ordered.remove(i));
                break;
            }
        }
        b.media.addAll(ordered);
        if (dropped > 0) {
            b.warn((who == null ? "" : who + ": ") + (MAX + dropped) + " media items; only the first " + MAX + " kept");
        }
    }
}
