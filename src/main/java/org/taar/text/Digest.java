package org.taar.text;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * SHA-256, the one digest Taar uses: archive addresses, key hashes, derived uris, ETags, the
 * stylesheet's fingerprint and the script hashes of the Content-Security-Policy.
 */
public final class Digest {
    private Digest() {}

    public static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /** Lowercase hexadecimal, as the archive and key tables store it. */
    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256(bytes));
    }

    public static String sha256Hex(String text) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Standard base64 with padding, as a CSP {@code 'sha256-…'} source wants it. */
    public static String sha256Base64(String text) {
        return Base64.getEncoder().encodeToString(sha256(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** A strong HTTP entity tag: the first 128 bits of the digest in URL-safe base64, quoted. */
    public static String etag(byte[] body) {
        return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(body)).substring(0, 22) + "\"";
    }
}
