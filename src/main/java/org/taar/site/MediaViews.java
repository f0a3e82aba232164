package org.taar.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.taar.item.Media;
import org.taar.store.MediaReads.Served;
import org.taar.store.MediaReads.Shown;

/**
 * Which of a media item's renditions each place on the site uses, and their addresses: only our
 * own renditions under /media/, never the agency's URL (a hotlink leaks readers to the agency and
 * breaks when it moves or withdraws the picture). Content-hashed addresses, so every one of them
 * can be cached for ever.
 */
public final class MediaViews {
    /** Where the route answers. */
    public static final String PREFIX = "/media/";
    /** The widths made of every picture, narrowest first (media_renditions.name). */
    public static final List<String> WIDTHS = List.of("w320", "w640", "w1024", "w1600");
    /** An article's picture spans the text column: main is 46rem wide with 1rem padding each side. */
    static final String ARTICLE_SIZES = "(max-width: 46rem) calc(100vw - 2rem), 44rem";
    static final String JPEG = "jpeg";
    static final String WEBP = "webp";

    private MediaViews() {}

    /** A rendition's address: its digest and the extension of its format ({@code /media/SHA.jpg}). */
    public static String path(Served r) {
        return PREFIX + r.sha256() + "." + extension(r.format());
    }

    /** The extension a format is served under: jpg for jpeg, else the format's own name. */
    public static String extension(String format) {
        return format.equals(JPEG) ? "jpg" : format;
    }

    /** The first picture among a story's media; null when it has none. */
    static Shown leadPicture(List<Shown> media) {
        for (Shown m : media) if (m.kind() == Media.Kind.PICTURE) return m;
        return null;
    }

    /** A media item as an article shows it; null when nothing of it can be shown (no rendition a browser plays). */
    static Views.Figure figure(Shown m, boolean lead) {
        return switch (m.kind()) {
            case PICTURE -> picture(m, lead);
            case VIDEO, AUDIO -> playable(m);
        };
    }

    private static Views.Figure picture(Shown m, boolean lead) {
        Served src = fallback(m);
        if (src == null) return null;
        String alt;
        String altFrom = null;
        if (m.alt() != null && !m.alt().isBlank()) {
            alt = m.alt();
        } else if (m.caption() != null && !m.caption().isBlank()) {
            alt = m.caption();
            altFrom = "caption";
        } else {
            alt = "";
            altFrom = "none";
        }
        return new Views.Figure("picture", path(src), srcset(m, JPEG), srcset(m, WEBP), ARTICLE_SIZES, src.width(),
                src.height(), alt, altFrom, blankToNull(m.caption()), blankToNull(m.credit()), lead, null, List.of());
    }

    private static Views.Figure playable(Shown m) {
        List<Views.MediaSource> sources = new ArrayList<>();
        Served first = null;
        for (Served r : m.renditions()) {
            if (r.name().equals("original")) {
                sources.add(new Views.MediaSource(path(r), r.contentType()));
                if (first == null) first = r;
            }
        }
        if (sources.isEmpty()) return null;
        String poster = m.kind() == Media.Kind.VIDEO ? m.renditions().stream()
                .filter(r -> r.name().equals("poster") && r.format().equals(JPEG)).findFirst().map(MediaViews::path)
                .orElse(null) : null;
        Integer width = m.kind() == Media.Kind.VIDEO ? first.width() : null;
        Integer height = m.kind() == Media.Kind.VIDEO ? first.height() : null;
        return new Views.Figure(m.kind().label(), null, null, null, null, width, height, null, null,
                blankToNull(m.caption()), blankToNull(m.credit()), false, poster, List.copyOf(sources));
    }

    /** A listing card's small picture: the 320-wide rendition, which a phone's card and a desktop's both fit. */
    static Views.Thumb thumb(Shown m) {
        Served jpeg = m.rendition("w320", JPEG).orElseGet(() -> fallback(m));
        if (jpeg == null || jpeg.width() == null || jpeg.height() == null) return null;
        String webp = m.rendition(jpeg.name(), WEBP).map(MediaViews::path).orElse(null);
        return new Views.Thumb(path(jpeg), null, webp, null, jpeg.width(), jpeg.height());
    }

    /** The home page's lead story's picture: as wide as the text column, like an article's. */
    static Views.Thumb large(Shown m) {
        Served jpeg = fallback(m);
        if (jpeg == null || jpeg.width() == null || jpeg.height() == null) return null;
        return new Views.Thumb(path(jpeg), srcset(m, JPEG), srcset(m, WEBP), ARTICLE_SIZES, jpeg.width(), jpeg.height());
    }

    /**
     * The picture for sharing and feeds: the 1200-wide og rendition (JPEG, which every crawler
     * reads), else the widest JPEG made.
     */
    static Optional<Served> og(Shown m) {
        Optional<Served> og = m.rendition("og", JPEG);
        if (og.isPresent()) return og;
        for (int i = WIDTHS.size() - 1; i >= 0; i--) {
            Optional<Served> w = m.rendition(WIDTHS.get(i), JPEG);
            if (w.isPresent()) return w;
        }
        return Optional.empty();
    }

    /** The 16:9, 4:3 and 1:1 crops search engines ask for, those that were made, in that order. */
    static List<Served> crops(Shown m) {
        List<Served> out = new ArrayList<>();
        for (String name : List.of("r16x9", "r4x3", "r1x1")) m.rendition(name, JPEG).ifPresent(out::add);
        return out;
    }

    /** What describes the picture in words: the agency's alt, else its caption; null for neither. */
    static String description(Shown m) {
        if (m.alt() != null && !m.alt().isBlank()) return m.alt();
        return blankToNull(m.caption());
    }

    /** The rendition a browser that takes no srcset loads: w1024 JPEG, else the nearest width, else og. */
    private static Served fallback(Shown m) {
        for (String name : List.of("w1024", "w640", "w1600", "w320", "og")) {
            Optional<Served> r = m.rendition(name, JPEG);
            if (r.isPresent() && r.get().width() != null && r.get().height() != null) return r.get();
        }
        return null;
    }

    /** The widths made in {@code format} as a srcset ({@code URL 320w, URL 640w}); null when none. */
    private static String srcset(Shown m, String format) {
        List<String> parts = new ArrayList<>();
        for (String name : WIDTHS) {
            m.rendition(name, format).filter(r -> r.width() != null)
                    .ifPresent(r -> parts.add(path(r) + " " + r.width() + "w"));
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
