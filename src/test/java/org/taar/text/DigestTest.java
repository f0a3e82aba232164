package org.taar.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DigestTest {
    // FIPS 180-2, appendix B.1: SHA-256("abc").
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void hexMatchesThePublishedTestVector() {
        assertThat(Digest.sha256Hex("abc")).isEqualTo(ABC);
        assertThat(Digest.sha256Hex("abc".getBytes(StandardCharsets.US_ASCII))).isEqualTo(ABC);
    }

    @Test
    void base64AndEtagEncodeTheSameDigest() {
        assertThat(Digest.sha256Base64("abc")).isEqualTo("ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=");
        assertThat(Digest.etag("abc".getBytes(StandardCharsets.US_ASCII))).isEqualTo("\"ungWv48Bz-pBQUDeXa4iI7\"");
    }
}
