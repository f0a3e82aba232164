package org.taar.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.taar.item.NewsItem;
import org.taar.text.Agencies;
import org.taar.text.DatelineParser;
import org.taar.text.HtmlSanitizer;
import org.taar.text.UnicodeCleaner;
import org.taar.text.legacy.LegacyFontDetector;

/** The normalize stage converts Kruti Dev / Chanakya items and leaves everything else byte for byte. */
class NormalizerLegacyFontTest {
    private final Agencies agencies = new Agencies();
    private final Normalizer normalizer = new Normalizer(new UnicodeCleaner(), new LegacyFontDetector(),
            new HtmlSanitizer(), agencies, new DatelineParser(agencies), ZoneId.of("Asia/Kolkata"),
            Clock.fixed(Instant.parse("2026-03-10T08:00:00Z"), ZoneOffset.UTC));

    private static NewsItem.Builder item(String language, String headline, String bodyHtml) {
        NewsItem.Builder b = NewsItem.builder();
        b.uri = "urn:test:legacy";
        b.language = language;
        b.headline = headline;
        b.bodyHtml = bodyHtml;
        b.versionCreated = Instant.parse("2025-07-12T06:00:00Z");
        return b;
    }

    @Test
    void convertsKrutiDevHeadlineAndBodyTextNodesKeepingMarkup() {
        NewsItem out = normalizer.normalize(item(null, "ekSle foHkkx dh psrkouh",
                "<p>fnYyh esa <b>ckfj'k</b> gqbZA <a href=\"https://imd.gov.in/x\">vf/kd tkudkjh</a></p>"
                        + "<p>ljdkj us dgk fd 25 yksx ?kk;y gSaA</p>").build());
        assertThat(out.headline()).isEqualTo("मौसम विभाग की चेतावनी");
        assertThat(out.bodyHtml()).contains("दिल्ली में <b>बारिश</b> हुई।", "href=\"https://imd.gov.in/x\"",
                ">अधिक जानकारी</a>", "सरकार ने कहा कि 25 लोग घायल हैं।");
        assertThat(out.warnings()).contains("legacy font Kruti Dev 010 converted");
        assertThat(out.language()).isEqualTo("hi");
    }

    @Test
    void leavesEnglishAndUnicodeItemsAlone() {
        NewsItem en = normalizer.normalize(item(null, "Monsoon to hit Kerala by June 1, says IMD",
                "<p>The India Meteorological Department said on Tuesday the monsoon would arrive on time.</p>").build());
        assertThat(en.headline()).isEqualTo("Monsoon to hit Kerala by June 1, says IMD");
        assertThat(en.bodyHtml()).contains("The India Meteorological Department");
        assertThat(en.warnings()).noneMatch(w -> w.startsWith("legacy font"));

        NewsItem hi = normalizer.normalize(item("hi", "मौसम विभाग की चेतावनी", "<p>दिल्ली में बारिश हुई।</p>").build());
        assertThat(hi.headline()).isEqualTo("मौसम विभाग की चेतावनी");
        assertThat(hi.warnings()).noneMatch(w -> w.startsWith("legacy font"));
    }

    @Test
    void onlyHindiOrUnknownLanguageItemsAreLookedAt() {
        NewsItem out = normalizer.normalize(item("en", "ekSle foHkkx dh psrkouh", "<p>fnYyh esa ckfj'k gqbZA</p>").build());
        assertThat(out.headline()).isEqualTo("ekSle foHkkx dh psrkouh");
        assertThat(out.warnings()).noneMatch(w -> w.startsWith("legacy font"));
    }

    @Test
    void convertsChanakya() {
        NewsItem out = normalizer.normalize(item("hi", "ÚUæÁSÍæÙ ×ð´ çßÁØ", null).build());
        assertThat(out.headline()).isEqualTo("राजस्थान में विजय");
        assertThat(out.warnings()).contains("legacy font Chanakya converted");
    }
}
