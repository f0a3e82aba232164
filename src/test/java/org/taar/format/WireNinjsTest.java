package org.taar.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taar.format.Fixtures.CTX;
import static org.taar.format.Fixtures.utf8;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.taar.item.NewsItem;

/** The agency wire formats' new fields (subjects, places, summary, bylines) still make valid ninjs 2.1. */
class WireNinjsTest {
    private static final String AP = "\u0016\u0016\u0001w1234\u001f-----\r\nr s\u0013\u0011 BC-SOC--Cup-Final 1stLd-Writethru   07-12 0420\r\n"
            + "\u0002^BC-SOC--Cup Final, 1st Ld-Writethru,412<\r\n^Late goal gives Rovers the cup<\r\n"
            + "^Rovers won the cup on a goal in stoppage time, ending a 40-year wait.<\r\n^By MARIA SILVA=\r\n^AP Sports Writer=\r\n"
            + "\t   SAN JUAN, Puerto Rico (AP) _ Rovers won.\r\n\r\n\t   AP-WF-07-12-25 1930GMT<\r\n\u0003";
    private static final String DPA = "\u0001eca0007 3 POL 380  dpa 0045\r\n\r\nGermany/politics/\r\nUPDATE 2\r\n"
            + "\u0002CORRECTED-Merkel's partners agree to talks\r\nVon Anna Weber, dpa =\r\n\r\n"
            + "Mainz, Rhineland-Palatinate (dpa) - Text.\r\n\r\ndpa aw\r\n\u0003";

    @Test
    void wireItemsWithSubjectsPlacesAndBylinesAreValidNinjs() throws Exception {
        NinjsValidator validator = NinjsValidator.load();
        List<NewsItem> items = List.of(
                new Anpa1312Parser().parse(utf8(AP), CTX).items().get(0),
                new Iptc7901Parser().parse(utf8(DPA), CTX).items().get(0),
                new WireTextParser().parse(utf8("UPDATE 1-Senate passes budget\nBy JANE DOE\n\nCHATHAM, Mass. (AP) — Text.\n"), CTX)
                        .items().get(0));
        for (NewsItem item : items) {
            assertThat(item.byline()).isNotNull();
            assertThat(item.places()).isNotEmpty();
            assertThat(validator.problems(item.uri(), item)).as(item.headline()).isEmpty();
        }
        assertThat(items.get(0).subjects()).isNotEmpty();
        assertThat(items.get(1).subjects()).isNotEmpty();
        assertThat(items.get(1).correction()).isTrue();
        assertThat(items.get(1).version()).isEqualTo(4);
    }
}
