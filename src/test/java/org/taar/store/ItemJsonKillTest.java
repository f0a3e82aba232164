package org.taar.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.taar.item.KillSignal;
import org.taar.item.NewsItem;
import org.taar.item.PubStatus;

/** A stored version keeps the kill its parser read, and versions stored before the field still read. */
class ItemJsonKillTest {
    @Test
    void storedItemKeepsItsKillSignal() {
        NewsItem.Builder b = NewsItem.builder();
        b.uri = "urn:taar:test:1";
        b.headline = "KILL";
        b.pubstatus = PubStatus.CANCELED;
        b.kill = KillSignal.message("ELIMINATE", "456");
        NewsItem item = b.build();
        assertThat(ItemJson.read(ItemJson.write(item))).isEqualTo(item);
    }

    @Test
    void itemStoredBeforeKillSignalsReadsWithoutOne() {
        NewsItem item = ItemJson.read("{\"uri\":\"urn:taar:test:2\",\"version\":1,\"headline\":\"Storm\"}");
        assertThat(item.kill()).isNull();
        assertThat(item.headline()).isEqualTo("Storm");
    }
}
