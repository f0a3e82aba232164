package org.taar.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import java.util.List;
import org.taar.item.NewsItem;
import org.taar.item.Place;
import org.taar.text.Agencies;
import org.taar.text.DatelineParser;
import org.taar.text.HtmlSanitizer;

class DatelineFilterTest {
    private final DatelineFilter filter = new DatelineFilter(new DatelineParser(new Agencies()), new HtmlSanitizer(),
            ZoneId.of("Asia/Kolkata"), Clock.fixed(Instant.parse("2026-03-10T08:00:00Z"), ZoneOffset.UTC));

    private static NewsItem.Builder item(String bodyHtml) {
        NewsItem.Builder b = NewsItem.builder();
        b.bodyHtml = bodyHtml;
        b.versionCreated = Instant.parse("2025-07-12T06:00:00Z");
        return b;
    }

    @Test
    void fillsPlaceAgencyAndDateAndKeepsTheBody() {
        String body = "<p>वाशिंगटन, 11 जुलाई (आईएएनएस)। अमेरिका ने चीन पर नए शुल्क लगाए।</p><p>दूसरा।</p>";
        NewsItem out = filter.apply(item(body).build());
        assertThat(out.located()).isEqualTo("वाशिंगटन");
        assertThat(out.agency()).isEqualTo("IANS");
        assertThat(out.contentCreated()).isEqualTo(Instant.parse("2025-07-10T18:30:00Z"));
        assertThat(out.bodyHtml()).isEqualTo(body);
    }

    @Test
    void keepsWhatTheItemAlreadySays() {
        NewsItem.Builder b = item("<p>नई दिल्ली, 3 मार्च (भाषा) पाठ</p>");
        b.located = "दिल्ली";
        b.agency = "UNI";
        NewsItem out = filter.apply(b.build());
        assertThat(out.located()).isEqualTo("दिल्ली");
        assertThat(out.agency()).isEqualTo("UNI");
    }

    @Test
    void readsALateDecemberDatelineOnNewYearsDayAsLastYearAndWarnsAboutImpossibleDates() {
        NewsItem.Builder b = item("<p>नई दिल्ली, 31 दिसंबर (वार्ता) पाठ</p>");
        b.versionCreated = Instant.parse("2026-01-01T02:00:00Z");
        assertThat(filter.apply(b.build()).contentCreated()).isEqualTo(Instant.parse("2025-12-30T18:30:00Z"));
        NewsItem.Builder leap = item("<p>पटना, 29 फरवरी (हिस) पाठ</p>");
        leap.versionCreated = Instant.parse("2025-03-01T04:00:00Z");
        NewsItem out = filter.apply(leap.build());
        assertThat(out.contentCreated()).isNull();
        assertThat(out.warnings()).singleElement().asString().contains("29/2");
    }

    @Test
    void takesTheYearFromTheClockWhenTheItemHasNoTime() {
        NewsItem.Builder b = item("<p>पटना, 2 मार्च (हिस) पाठ</p>");
        b.versionCreated = null;
        assertThat(filter.apply(b.build()).contentCreated()).isEqualTo(Instant.parse("2026-03-01T18:30:00Z"));
    }

    @Test
    void leavesAnItemWithoutDatelineAsItIs() {
        NewsItem plain = item("<p>पाठ बिना डेटलाइन</p>").build();
        assertThat(filter.apply(plain)).isSameAs(plain);
        NewsItem none = item(null).build();
        assertThat(filter.apply(none)).isSameAs(none);
    }

    @Test
    void readsOnlyTheOpeningOfALongBodyAndStillFindsItsDateline() {
        String body = "<p>वाशिंगटन, 11 जुलाई (आईएएनएस)। अमेरिका ने शुल्क लगाए।</p>"
                + "<p>आगे की ख़बर का एक लंबा अनुच्छेद।</p>".repeat(4_000);
        assertThat(body.length()).isGreaterThan(DatelineFilter.OPENING_CHARS);
        String opening = DatelineFilter.opening(body);
        assertThat(opening.length()).isLessThanOrEqualTo(DatelineFilter.OPENING_CHARS);
        assertThat(opening).startsWith("<p>वाशिंगटन").endsWith(">");
        NewsItem out = filter.apply(item(body).build());
        assertThat(out.located()).isEqualTo("वाशिंगटन");
        assertThat(out.agency()).isEqualTo("IANS");
        assertThat(out.bodyHtml()).isEqualTo(body);
    }

    @Test
    void theCityIsTheLocatedPlaceAndItsStateAndCountryBecomePlaces() {
        String body = "<p>लखनऊ (उत्तर प्रदेश) [भारत], 5 जून (एएनआई): राज्य सरकार ने कहा।</p>";
        NewsItem out = filter.apply(item(body).build());
        assertThat(out.located()).isEqualTo("लखनऊ");
        assertThat(out.agency()).isEqualTo("ANI");
        assertThat(out.places()).containsExactly(new Place("उत्तर प्रदेश", Place.STATE), new Place("भारत", Place.COUNTRY));
        assertThat(out.contentCreated()).isEqualTo(Instant.parse("2025-06-04T18:30:00Z"));
        assertThat(out.bodyHtml()).isEqualTo(body);
    }

    @Test
    void placesTheItemAlreadyCarriesAreKept() {
        NewsItem.Builder b = item("<p>पणजी (गोवा), 14 नवंबर (भाषा) पाठ</p>");
        b.places = new java.util.ArrayList<>(List.of(new Place("Goa", Place.STATE)));
        assertThat(filter.apply(b.build()).places()).containsExactly(new Place("Goa", Place.STATE));
    }

    @Test
    void aYearInTheDatelineIsTakenAsWritten() {
        NewsItem out = filter.apply(item("<p>PARIS, Dec. 31, 2023 (AFP) - France</p>").build());
        assertThat(out.contentCreated()).isEqualTo(Instant.parse("2023-12-30T18:30:00Z"));
    }

    @Test
    void findsTheDatelineBelowABylineParagraphOrLine() {
        NewsItem below = filter.apply(item("<p>राजेश कुमार</p><p>पटना, 2 मार्च (हिस) बिहार में</p>").build());
        assertThat(below.located()).isEqualTo("पटना");
        NewsItem afterBreak = filter.apply(item("<p>By Jane Smith<br>LONDON, June 5 (Reuters) - British</p>").build());
        assertThat(afterBreak.located()).isEqualTo("LONDON");
        NewsItem deep = item("<p>सरकार ने सोमवार को संसद में नए विधेयक पेश किए और विपक्ष ने इसका विरोध किया। बहस लंबी चली।</p>"
                + "<p>पटना, 2 मार्च (हिस) बिहार में</p>").build();
        assertThat(filter.apply(deep)).isSameAs(deep);
    }
}
