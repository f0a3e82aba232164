package org.taar.site;

import java.nio.charset.StandardCharsets;
import org.taar.text.Digest;

/**
 * A rendered response kept compressed: its gzip form, its brotli form (null when brotli is
 * unavailable) and its ETag, computed once when the page is materialized so that serving it is a
 * memory copy. The identity bytes are not kept: almost every client takes gzip or brotli, and the
 * rare one that does not gets them inflated on demand ({@link #body()}), which halves to thirds the
 * memory a page costs.
 *
 * @param length the identity body's length in bytes
 * @param etag the identity body's ETag; the encoded forms add "-gz" and "-br" (each encoding is its own representation)
 * @param surrogateKeys what the page shows, space-separated (e.g. {@code story-12 section-sports tag-kerala}),
 *     sent as {@code Surrogate-Key} so a CDN can purge exactly the pages a change touches; "" for none
 * @param cacheControl the Cache-Control to send, or null for the site's default for the status
 */
public record Page(int status, String contentType, byte[] gzipped, byte[] brotli, int length, String etag,
                   String surrogateKeys, String cacheControl) {

    /** Roughly what a page costs beyond its bytes: the record, its strings, the arrays' headers. */
    static final int OVERHEAD = 160;

    public Page {
        surrogateKeys = surrogateKeys == null ? "" : surrogateKeys.trim();
    }

    /** This page with these surrogate keys (the bytes are shared, not copied). */
    public Page withSurrogateKeys(String keys) {
        return new Page(status, contentType, gzipped, brotli, length, etag, keys, cacheControl);
    }

    /** This page with its own Cache-Control (the bytes are shared, not copied). */
    public Page withCacheControl(String value) {
        return new Page(status, contentType, gzipped, brotli, length, etag, surrogateKeys, value);
    }

    public static Page html(int status, String html) {
        return of(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    /** A file shipped in the jar (the favicon), as a page. */
    static Page resource(String contentType, String name) {
        try (var in = Page.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return of(200, contentType, in.readAllBytes());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static Page of(int status, String contentType, byte[] body) {
        return new Page(status, contentType, Compression.gzip(body), Compression.brotli(body), body.length, etag(body), "",
                null);
    }

    /** The identity body, inflated from the gzip form: for the rare client that takes no encoding. */
    public byte[] body() {
        return Compression.gunzip(gzipped, length);
    }

    public String gzipEtag() {
        return etag.substring(0, etag.length() - 1) + "-gz\"";
    }

    public String brotliEtag() {
        return etag.substring(0, etag.length() - 1) + "-br\"";
    }

    /** What keeping this page costs in memory, in bytes: what the page tier's budget counts. */
    public int weight() {
        return OVERHEAD + gzipped.length + (brotli == null ? 0 : brotli.length) + surrogateKeys.length();
    }

    static String etag(byte[] body) {
        return Digest.etag(body);
    }
}
