package org.taar.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.taar.text.Digest;

/**
 * The site's one stylesheet, served from the page cache at a path named by a hash of its content,
 * so a browser or CDN may keep it for a year: a changed stylesheet has a new path. Kept out of
 * the pages, it is fetched once per reader instead of travelling inside every page.
 */
public final class Stylesheet {
    private static final byte[] CSS = read();
    /** Where pages link it, e.g. {@code /assets/site-3f9a0c1b2d.css}. */
    public static final String PATH = "/assets/site-" + hash(CSS) + ".css";
    static final String CACHE_CONTROL = "public, max-age=31536000, immutable";

    private Stylesheet() {}

    /** The stylesheet as a page, with immutable caching. */
    static Page page() {
        return Page.of(200, "text/css; charset=utf-8", CSS).withCacheControl(CACHE_CONTROL);
    }

    private static byte[] read() {
        try (InputStream in = Stylesheet.class.getResourceAsStream("site.css")) {
            if (in == null) throw new IllegalStateException("site.css missing from the jar");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String hash(byte[] css) {
        return Digest.sha256Hex(css).substring(0, 10);
    }
}
