package org.taar.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class XmlOutTest {
    @Test
    void escapingDropsWhatXmlCannotCarry() throws Exception {
        String agencyText = "a & b <c> \"d\" 'e'\u0001\u000b\ud800 ख़";
        byte[] doc = new XmlOut(64).start("r").attribute("a", agencyText).element("t", agencyText).end().bytes();

        String raw = new String(doc, StandardCharsets.UTF_8);
        assertThat(raw).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .contains("a &amp; b &lt;c").doesNotContain("\u0001").doesNotContain("\u000b");
        assertThat(raw.substring(raw.indexOf("?>") + 2)).as("a lone surrogate is dropped, not replaced").doesNotContain("?");
        Document d = FeedsTest.xml(doc);
        assertThat(d.getDocumentElement().getAttribute("a")).isEqualTo("a & b <c> \"d\" 'e' ख़");
        assertThat(d.getElementsByTagName("t").item(0).getTextContent()).isEqualTo("a & b <c> \"d\" 'e' ख़");
    }

    @Test
    void legalTextIsKeptAsItIs() {
        String s = "ख़बर 😀 \t\n";
        assertThat(XmlOut.legal(s)).isSameAs(s);
        assertThat(XmlOut.legal(null)).isEmpty();
        assertThat(XmlOut.legal("\uFFFE\uFFFFx")).isEqualTo("x");
    }
}
