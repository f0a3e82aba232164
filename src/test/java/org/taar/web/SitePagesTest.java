package org.taar.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.taar.site.ListingPages;

class SitePagesTest {
    @Test
    void aListingTakesOnlyAWholePageNumberFromOne() {
        assertThat(SitePages.listingKey("/sports/", null)).isEqualTo("/sports/");
        assertThat(SitePages.listingKey("/sports/", "1")).isEqualTo(ListingPages.listingKey("/sports/", 1));
        assertThat(SitePages.listingKey("/sports/", "3")).isEqualTo(ListingPages.listingKey("/sports/", 3));
        for (String bad : new String[] {"0", "-1", "abc", "1.5", "", "9999999999"})
            assertThat(SitePages.listingKey("/sports/", bad)).as(bad).isEqualTo("/404");
    }
}
