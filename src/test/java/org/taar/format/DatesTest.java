package org.taar.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DatesTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Sat, 12 Jul 2025 11:19:00 +0530 | 2025-07-12T05:49:00Z",
            "Sat, 12 Jul 2025 05:49:00 GMT | 2025-07-12T05:49:00Z",
            "sat, 12 jul 2025 05:49:00 gmt | 2025-07-12T05:49:00Z",
            "Saturday, 12 July 2025 05:49 UT | 2025-07-12T05:49:00Z",
            "12 Jul 2025 01:49:00 EDT | 2025-07-12T05:49:00Z",
            "12 Jul 25 05:49:00 Z | 2025-07-12T05:49:00Z",
            "12 Jul 99 05:49:00 GMT | 1999-07-12T05:49:00Z",
            "Sat, 12 Jul 2025 07:49:00 +02:00 | 2025-07-12T05:49:00Z",
            "Sat, 12 Jul 2025 11:19:00 IST | 2025-07-12T05:49:00Z",
            "Sat,12 Jul 2025 05:49:00 GMT | 2025-07-12T05:49:00Z",
            "12 Sept 2025 05:49 GMT | 2025-09-12T05:49:00Z",
            "2025-07-12T11:19:00+05:30 | 2025-07-12T05:49:00Z",
            "2025-07-12T05:49:00.123Z | 2025-07-12T05:49:00.123Z",
            "2025-07-12T11:19:00+0530 | 2025-07-12T05:49:00Z",
            "20250712T054900Z | 2025-07-12T05:49:00Z",
            "2025-07-12 05:49:00 | 2025-07-12T05:49:00Z",
            "2025-07-12 | 2025-07-12T00:00:00Z",
            "Jul 12, 2025 11:19 AM IST | 2025-07-12T05:49:00Z",
            "July 12, 2025 5:49 PM GMT | 2025-07-12T17:49:00Z",
            "12 July 2025 11:19 AM IST | 2025-07-12T05:49:00Z",
            "Sat Jul 12 05:49:00 2025 | 2025-07-12T05:49:00Z",
            "Sat Jul 12 05:49:00 UTC 2025 | 2025-07-12T05:49:00Z",
    })
    void readsTheFormsFeedsUse(String text, String expected) {
        assertThat(Dates.parse(text)).contains(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "32 Jul 2025 10:00 GMT", "12 Foo 2025", "2025-13-01", "12 Jul 2025 25:00 GMT",
            "Jul 12, 2025 13:00 PM", "12 Jul 2025 10:00 XYZ"})
    void unreadableDatesAreEmpty(String text) {
        assertThat(Dates.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-07-12 11:19", "12 Jul 2025 11:19"})
    void dateWithoutZoneIsReadInTheLocalZone(String text) {
        assertThat(Dates.parse(text, ZoneId.of("Asia/Kolkata"))).contains(Instant.parse("2025-07-12T05:49:00Z"));
    }
}
