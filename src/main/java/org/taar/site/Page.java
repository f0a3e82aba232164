package org.taar.site;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;

/**
 * A rendered response kept as bytes: the body, its gzip form and its ETag, computed once when
 * the page is materialized so that serving it is a memory copy.
 *
 * @param surrogateKeys what the page shows, space-separated (e.g. {@code story-12 section-sports tag-kerala}),
 *     sent as {@code Surrogate-Key} so a CDN can purge exactly the pages a change touches; "" for none
 */
public record Page(int status, String contentType, byte[] body, byte[] gzipped, String etag, String gzipEtag,
                   String surrogateKeys) {

    public Page {
        surrogateKeys = surrogateKeys == null ? "" : surrogateKeys.trim();
    }

    /** This page with these surrogate keys (the bytes are shared, not copied). */
    public Page withSurrogateKeys(String keys) {
        return new Page(status, contentType, body, gzipped, etag, gzipEtag, keys);
    }

    public static Page html(int status, String html) {
        return of(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    public static Page of(int status, String contentType, byte[] body) {
        String etag = etag(body);
        // Each encoding is its own representation, so the gzip bytes get their own ETag.
        return new Page(status, contentType, body, gzip(body), etag, etag.substring(0, etag.length() - 1) + "-gz\"", "");
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String etag(byte[] body) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(d).substring(0, 22) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
