package org.taar.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class NfcTest {
    @Test
    void textAlreadyInNfcIsTheSameString() {
        String s = "वाशिंगटन, 12 जुलाई (आईएएनएस)। café";
        assertThat(Nfc.of(s)).isSameAs(s);
    }

    @Test
    void decomposedTextIsComposedAsTheJdkComposesIt() {
        // क + nukta stays two code points in NFC (क़ is a composition exclusion); e + acute composes.
        String[] cases = {"\u0915\u093C", "\u0958", "cafe\u0301", "\u0928\u093C\u093F", "A\u030A\u0327", "\uD835\uDC00\u0301", ""};
        for (String s : cases) {
            assertThat(Nfc.of(s)).as(s).isEqualTo(Normalizer.normalize(s, Normalizer.Form.NFC));
        }
    }
}
