package org.taar.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.taar.item.NewsItem;
import org.taar.text.Agencies;

class AgencyFilterTest {
    private final AgencyFilter filter = new AgencyFilter(new Agencies());

    private static NewsItem agency(String name) {
        NewsItem.Builder b = NewsItem.builder();
        b.agency = name;
        return b.build();
    }

    @Test
    void turnsAKnownAgencyNameIntoItsCode() {
        assertThat(filter.apply(agency("Press Trust of India")).agency()).isEqualTo("PTI");
    }

    @Test
    void keepsAnUnknownNameAndAnEmptyOne() {
        assertThat(filter.apply(agency("Local Desk")).agency()).isEqualTo("Local Desk");
        assertThat(filter.apply(agency(null)).agency()).isNull();
        assertThat(filter.apply(agency("")).agency()).isEmpty();
    }
}
