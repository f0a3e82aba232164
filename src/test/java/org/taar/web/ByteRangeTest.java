package org.taar.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one Range a media answer takes, and every other Range it leaves alone. */
class ByteRangeTest {
    private static final long SIZE = 1000;

    @Test
    void aSingleRangeIsResolvedAgainstTheFile() {
        assertThat(ByteRange.of("bytes=0-99", SIZE)).isEqualTo(new ByteRange(0, 99));
        assertThat(ByteRange.of("bytes=500-", SIZE)).isEqualTo(new ByteRange(500, 999));
        assertThat(ByteRange.of("bytes=-100", SIZE)).as("the last 100 bytes").isEqualTo(new ByteRange(900, 999));
        assertThat(ByteRange.of("bytes=-5000", SIZE)).as("more than the file: all of it").isEqualTo(new ByteRange(0, 999));
        assertThat(ByteRange.of("bytes=990-5000", SIZE)).as("an end past the file is the file's end").isEqualTo(new ByteRange(990, 999));
        assertThat(ByteRange.of("Bytes= 10 - 19 ", SIZE)).isEqualTo(new ByteRange(10, 19));
        assertThat(ByteRange.of("bytes=0-0", SIZE).length()).isEqualTo(1);
    }

    @Test
    void aRangeBeyondTheFileIsUnsatisfiable() {
        assertThat(ByteRange.of("bytes=1000-", SIZE)).isSameAs(ByteRange.UNSATISFIABLE);
        assertThat(ByteRange.of("bytes=5000-6000", SIZE)).isSameAs(ByteRange.UNSATISFIABLE);
        assertThat(ByteRange.of("bytes=-0", SIZE)).isSameAs(ByteRange.UNSATISFIABLE);
        assertThat(ByteRange.of("bytes=99999999999999999999999999-", SIZE)).isSameAs(ByteRange.UNSATISFIABLE);
        assertThat(ByteRange.of("bytes=0-", 0)).isSameAs(ByteRange.UNSATISFIABLE);
    }

    @Test
    void hugeNumbersNeitherOverflowNorFail() {
        assertThat(ByteRange.of("bytes=0-99999999999999999999999999999999", SIZE)).isEqualTo(new ByteRange(0, 999));
        assertThat(ByteRange.of("bytes=-99999999999999999999999999999999", SIZE)).isEqualTo(new ByteRange(0, 999));
        assertThat(ByteRange.of("bytes=0000000000000000000000000010-20", SIZE)).isEqualTo(new ByteRange(10, 20));
    }

    @Test
    void whatIsNotOneWellFormedByteRangeIsIgnored() {
        for (String header : new String[] {null, "", "bytes=", "bytes=-", "bytes=abc", "bytes=5-2", "bytes=-5-10",
                "bytes=--5", "bytes=0-1,5-9", "bytes=0-1, 2-3, 4-5, 6-7", "items=0-5", "bytes 0-5", "bytes=1.5-2",
                "bytes=0x10-20", "bytes=+1-2", "bytes=\u0661-\u0662"}) {
            assertThat(ByteRange.of(header, SIZE)).as(String.valueOf(header)).isNull();
        }
    }
}
