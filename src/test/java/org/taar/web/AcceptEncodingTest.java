package org.taar.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AcceptEncodingTest {
    @Test
    void acceptEncodingHonoursQValues() {
        assertThat(AcceptEncoding.choose("gzip, deflate, br", true)).isEqualTo(AcceptEncoding.BR);
        assertThat(AcceptEncoding.choose("gzip, br;q=0", true)).isEqualTo(AcceptEncoding.GZIP);
        assertThat(AcceptEncoding.choose("br;q=0.0, gzip;q=0.5", true)).isEqualTo(AcceptEncoding.GZIP);
        assertThat(AcceptEncoding.choose("br;q=0.5, gzip;q=0.8", true)).isEqualTo(AcceptEncoding.GZIP);
        assertThat(AcceptEncoding.choose("br;q=1, gzip;q=1", true)).isEqualTo(AcceptEncoding.BR);
        assertThat(AcceptEncoding.choose("*", true)).isEqualTo(AcceptEncoding.BR);
        assertThat(AcceptEncoding.choose("*;q=0, gzip", true)).isEqualTo(AcceptEncoding.GZIP);
        assertThat(AcceptEncoding.choose("GZIP;Q=0.3", true)).isEqualTo(AcceptEncoding.GZIP);
        assertThat(AcceptEncoding.choose("br", false)).as("no brotli form kept").isEqualTo(AcceptEncoding.IDENTITY);
        assertThat(AcceptEncoding.choose("gzip;q=0, br;q=0", true)).isEqualTo(AcceptEncoding.IDENTITY);
        assertThat(AcceptEncoding.choose("identity", true)).isEqualTo(AcceptEncoding.IDENTITY);
        assertThat(AcceptEncoding.choose("gzip;q=nonsense", true)).isEqualTo(AcceptEncoding.IDENTITY);
        assertThat(AcceptEncoding.choose(null, true)).isEqualTo(AcceptEncoding.IDENTITY);
        assertThat(AcceptEncoding.choose("", true)).isEqualTo(AcceptEncoding.IDENTITY);
    }
}
