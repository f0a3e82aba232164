package org.taar.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AgenciesTest {

    private final Agencies agencies = new Agencies();

    @ParameterizedTest
    @CsvSource({
        "IANS, IANS", "आईएएनएस, IANS", "PTI-Bhasha, PTI", "Press Trust of India, PTI", "भाषा, PTI", "पीटीआई, PTI",
        "UNI, UNI", "वार्ता, UNI", "यूनीवार्ता, UNI", "यूएनआई, UNI", "एएनआई, ANI", "हि.स., HS", "हिस, HS",
        "हिन्दुस्थान समाचार, HS", "Hindusthan Samachar, HS", "एपी, AP", "AFP, AFP", "रायटर, REUTERS",
        "रॉयटर्स, REUTERS", "Reuters, REUTERS", "शिन्हुआ, XINHUA", "Xinhua, XINHUA", "dpa, DPA", "डीपीए, DPA",
        "यूएनआई-वार्ता, UNI", "यूएनआई वार्ता, UNI", "UNI Varta, UNI", "एएनआइ, ANI", "पीटीआई भाषा, PTI",
        "ए.एन.आई., ANI", "हिंदुस्थान समाचार, HS"
    })
    void mapsAgencyNamesToCodes(String name, String code) {
        assertThat(agencies.code(name)).contains(code);
    }

    @Test
    void ignoresCaseDotsSpacesAndNuktas() {
        assertThat(agencies.code(" i.a.n.s ")).contains("IANS");
        assertThat(agencies.code("pti bhasha")).contains("PTI");
        assertThat(agencies.code("हि. स.")).contains("HS");
    }

    @Test
    void doesNotKnowOtherWords() {
        assertThat(agencies.code("पीएम")).isEmpty();
        assertThat(agencies.code("file photo")).isEmpty();
        assertThat(agencies.code(null)).isEmpty();
        assertThat(agencies.code("")).isEmpty();
    }
}
