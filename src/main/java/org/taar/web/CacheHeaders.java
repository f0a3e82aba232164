package org.taar.web;

import java.util.List;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.taar.site.Page;

/**
 * What browsers and CDNs are told about keeping an answer: a page's ETag and Cache-Control, Vary
 * on Accept-Encoding (each encoding is its own representation), its Surrogate-Key for purges; and
 * whether a conditional request already holds the page (If-None-Match).
 */
final class CacheHeaders {
    static final String SURROGATE_KEY = "Surrogate-Key";
    private static final HttpField VARY = new PreEncodedHttpField(HttpHeader.VARY, "Accept-Encoding");
    /** A page may be served a little stale while the CDN fetches the new one; a kill purges it. */
    private static final HttpField PAGE = new PreEncodedHttpField(HttpHeader.CACHE_CONTROL,
            "public, max-age=30, stale-while-revalidate=300");
    /** Errors, gone pages and redirects are kept briefly and never served stale. */
    private static final HttpField SHORT = new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, "public, max-age=30");
    /** API answers, health and error pages Jetty generates: never kept. */
    private static final HttpField NO_STORE = new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, "no-store");

    private CacheHeaders() {}

    /** The caching headers of {@code page} served as the representation tagged {@code etag}. */
    static void page(HttpFields.Mutable h, Page page, String etag) {
        h.put(HttpHeader.ETAG, etag);
        if (page.cacheControl() != null) h.put(HttpHeader.CACHE_CONTROL, page.cacheControl());
        else h.put(page.status() == 200 ? PAGE : SHORT);
        h.put(VARY);
        if (!page.surrogateKeys().isEmpty()) h.put(SURROGATE_KEY, page.surrogateKeys());
    }

    /** A permanent redirect to where a page is now (kept as briefly as a gone page). */
    static void redirect(HttpFields.Mutable h) {
        h.put(SHORT);
    }

    static void noStore(HttpFields.Mutable h) {
        h.put(NO_STORE);
    }

    /** Whether the client already holds this page: a 200 whose ETag the If-None-Match lines name. */
    static boolean notModified(Page page, List<String> ifNoneMatch, String etag) {
        return page.status() == 200 && matches(ifNoneMatch, etag);
    }

    /**
     * Whether If-None-Match (one or more header lines, each a list) names this ETag or is "*".
     * Weak comparison (RFC 9110 13.1.2): a W/ prefix, which some proxies add, is ignored.
     */
    static boolean matches(List<String> ifNoneMatch, String etag) {
        for (String line : ifNoneMatch) {
            for (String tag : line.split(",")) {
                String t = tag.trim();
                if (t.startsWith("W/")) t = t.substring(2);
                if (t.equals("*") || t.equals(etag)) return true;
            }
        }
        return false;
    }
}
