package org.taar.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.taar.item.NewsItem;
import org.taar.text.Agencies;
import org.taar.text.DatelineParser;
import org.taar.text.HtmlSanitizer;
import org.taar.text.UnicodeCleaner;
import org.taar.text.legacy.LegacyFontDetector;

class NormalizerTest {

    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T08:00:00Z"), ZoneOffset.UTC);

    private final Agencies agencies = new Agencies();
    private final Normalizer normalizer = new Normalizer(new UnicodeCleaner(), new LegacyFontDetector(),
            new HtmlSanitizer(), agencies, new DatelineParser(agencies), KOLKATA, CLOCK);

    private static NewsItem.Builder item(String headline, String bodyHtml) {
        NewsItem.Builder b = NewsItem.builder();
        b.uri = "urn:test:1";
        b.headline = headline;
        b.bodyHtml = bodyHtml;
        b.versionCreated = Instant.parse("2025-07-12T06:00:00Z");
        return b;
    }

    @Test
    void runsItsFiltersInOneVisibleOrderWithTheSanitizerLastToWriteTheBody() {
        assertThat(normalizer.filters()).extracting(f -> f.getClass().getSimpleName()).containsExactly(
                "CleanupFilter", "LegacyFontFilter", "SanitizeFilter", "AgencyFilter", "DatelineFilter", "HeadlineFilter",
                "CorrectionFilter", "LanguageFilter", "KillSignalFilter");
    }

    @Test
    void takesTheCorrectionMarkerOffBeforeTheLanguageIsRead() {
        NewsItem out = normalizer.normalize(item("CORRECTED: भारत ने मैच जीता", null).build());
        assertThat(out.correction()).isTrue();
        assertThat(out.headline()).isEqualTo("भारत ने मैच जीता");
        assertThat(out.language()).isEqualTo("hi");
    }

    @Test
    void cleansEveryTextField() {
        NewsItem.Builder b = item("  रूस\u200B के  शीर्ष राजनयिक ", "<p>पाठ</p>");
        b.subheadline = "उप\u00A0शीर्षक";
        b.summary = "\uFEFFसार";
        b.byline = " संवाददाता ";
        b.located = "\u200Dदिल्ली";
        b.slugline = "RUSSIA\u00ADDIPLOMAT";
        b.ednote = "नोट\u2060";
        b.tags = List.of(" रूस ", "रूस", "\u200B", "राजनय");
        NewsItem out = normalizer.normalize(b.build());
        assertThat(out.headline()).isEqualTo("रूस के शीर्ष राजनयिक");
        assertThat(out.subheadline()).isEqualTo("उप शीर्षक");
        assertThat(out.summary()).isEqualTo("सार");
        assertThat(out.byline()).isEqualTo("संवाददाता");
        assertThat(out.located()).isEqualTo("दिल्ली");
        assertThat(out.slugline()).isEqualTo("RUSSIADIPLOMAT");
        assertThat(out.ednote()).isEqualTo("नोट");
        assertThat(out.tags()).containsExactly("रूस", "राजनय");
    }

    @Test
    void sanitizesTheBody() {
        NewsItem out = normalizer.normalize(item("शीर्षक", "पाठ<script>x()</script><p onclick=\"y\">दूसरा</p>").build());
        assertThat(out.bodyHtml()).isEqualTo("<p>पाठ</p><p>दूसरा</p>");
    }

    @Test
    void fillsPlaceAgencyAndDateFromTheDateline() {
        NewsItem out = normalizer.normalize(item("अमेरिका ने शुल्क लगाए",
                "<p>वाशिंगटन, 11 जुलाई (आईएएनएस)। अमेरिका ने चीन पर नए शुल्क लगाए।</p><p>दूसरा अनुच्छेद।</p>").build());
        assertThat(out.located()).isEqualTo("वाशिंगटन");
        assertThat(out.agency()).isEqualTo("IANS");
        assertThat(out.contentCreated()).isEqualTo(Instant.parse("2025-07-10T18:30:00Z"));
        assertThat(out.warnings()).isEmpty();
    }

    @Test
    void keepsTheDatelineInTheBody() {
        NewsItem out = normalizer.normalize(item("x", "<p>मुंबई, 3 मार्च (भाषा) शेयर बाजार चढ़ा।</p>").build());
        assertThat(out.bodyHtml()).isEqualTo("<p>मुंबई, 3 मार्च (भाषा) शेयर बाजार चढ़ा।</p>");
    }

    @Test
    void keepsWhatTheItemAlreadySays() {
        NewsItem.Builder b = item("x", "<p>नई दिल्ली, 3 मार्च (भाषा) पाठ</p>");
        b.located = "दिल्ली";
        b.agency = "UNI";
        b.contentCreated = Instant.parse("2025-03-02T10:00:00Z");
        NewsItem out = normalizer.normalize(b.build());
        assertThat(out.located()).isEqualTo("दिल्ली");
        assertThat(out.agency()).isEqualTo("UNI");
        assertThat(out.contentCreated()).isEqualTo(Instant.parse("2025-03-02T10:00:00Z"));
    }

    @Test
    void turnsTheItemsAgencyNameIntoItsCode() {
        NewsItem.Builder b = item("x", "<p>पाठ</p>");
        b.agency = "Press Trust of India";
        assertThat(normalizer.normalize(b.build()).agency()).isEqualTo("PTI");
        b.agency = "Local Desk";
        assertThat(normalizer.normalize(b.build()).agency()).isEqualTo("Local Desk");
    }

    @Test
    void readsALateDecemberDatelineOnNewYearsDayAsLastYear() {
        NewsItem.Builder b = item("x", "<p>नई दिल्ली, 31 दिसंबर (वार्ता) पाठ</p>");
        b.versionCreated = Instant.parse("2026-01-01T02:00:00Z");
        assertThat(normalizer.normalize(b.build()).contentCreated()).isEqualTo(Instant.parse("2025-12-30T18:30:00Z"));
    }

    @Test
    void takesTheYearFromFirstCreatedThenFromTheClock() {
        NewsItem.Builder b = item("x", "<p>पटना, 2 मार्च (हिस) पाठ</p>");
        b.versionCreated = null;
        b.firstCreated = Instant.parse("2024-03-02T04:00:00Z");
        assertThat(normalizer.normalize(b.build()).contentCreated()).isEqualTo(Instant.parse("2024-03-01T18:30:00Z"));
        b.firstCreated = null;
        assertThat(normalizer.normalize(b.build()).contentCreated()).isEqualTo(Instant.parse("2026-03-01T18:30:00Z"));
    }

    @Test
    void leavesTheDateEmptyWhenTheDatelineHasNone() {
        NewsItem out = normalizer.normalize(item("x", "<p>LONDON (Reuters) - Prices fell.</p>").build());
        assertThat(out.located()).isEqualTo("LONDON");
        assertThat(out.agency()).isEqualTo("REUTERS");
        assertThat(out.contentCreated()).isNull();
    }

    @Test
    void warnsAboutADatelineDateThatDoesNotExist() {
        NewsItem.Builder b = item("x", "<p>पटना, 29 फरवरी (हिस) पाठ</p>");
        b.versionCreated = Instant.parse("2025-03-01T04:00:00Z");
        NewsItem out = normalizer.normalize(b.build());
        assertThat(out.contentCreated()).isNull();
        assertThat(out.warnings()).singleElement().asString().contains("29/2");
    }

    @Test
    void detectsHindiAndEnglish() {
        assertThat(normalizer.normalize(item("भारत ने मैच जीता", "<p>भारत ने IPL में जीत दर्ज की।</p>").build()).language())
                .isEqualTo("hi");
        assertThat(normalizer.normalize(item("India wins", "<p>India won the match in Mumbai.</p>").build()).language())
                .isEqualTo("en");
    }

    @Test
    void leavesLanguageUnsetWhenNoScriptDominates() {
        assertThat(normalizer.normalize(item("भारत Россия", "<p>१२३ 456</p>").build()).language()).isNull();
        assertThat(normalizer.normalize(item("Россия", "<p>Москва</p>").build()).language()).isNull();
    }

    @Test
    void keepsTheItemsOwnLanguage() {
        NewsItem.Builder b = item("India wins", "<p>India won.</p>");
        b.language = "mr";
        assertThat(normalizer.normalize(b.build()).language()).isEqualTo("mr");
    }

    @Test
    void warnsOnceAboutControlCharactersAcrossFields() {
        NewsItem.Builder b = item("शीर्ष\u0007क", "<p>पा\u0001ठ</p>");
        b.summary = "सा\u001Bर";
        NewsItem out = normalizer.normalize(b.build());
        assertThat(out.headline()).isEqualTo("शीर्षक");
        assertThat(out.warnings()).containsExactly("removed 3 control characters");
    }

    @Test
    void warnsAboutReplacementCharacters() {
        NewsItem out = normalizer.normalize(item("शीर्षक\uFFFD", "<p>पाठ</p>").build());
        assertThat(out.warnings()).singleElement().asString().startsWith("text has 1 replacement character");
    }

    @Test
    void staysQuietForNormalInput() {
        NewsItem.Builder b = item("\uFEFFमोदी ने  कहा", "<p>नई दिल्ली, 12 जुलाई (भाषा) प्रधानमंत्री&nbsp;ने कहा।</p>");
        b.warnings = List.of("from parser");
        NewsItem out = normalizer.normalize(b.build());
        assertThat(out.warnings()).containsExactly("from parser");
    }

    @Test
    void copesWithAnEmptyItem() {
        NewsItem out = normalizer.normalize(NewsItem.builder().build());
        assertThat(out.headline()).isNull();
        assertThat(out.bodyHtml()).isNull();
        assertThat(out.language()).isNull();
        NewsItem empty = normalizer.normalize(item("", "").build());
        assertThat(empty.bodyHtml()).isEmpty();
    }
}
