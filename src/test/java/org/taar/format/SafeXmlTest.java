package org.taar.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;

class SafeXmlTest {
    /** The text content of the whole document, as the parser delivers it. */
    private static String text(String xml) throws Exception {
        List<String> warnings = new ArrayList<>();
        try (SafeXml.Document doc = SafeXml.open(xml.getBytes(StandardCharsets.UTF_8), null, warnings)) {
            XMLStreamReader r = doc.reader();
            StringBuilder b = new StringBuilder();
            while (r.hasNext()) {
                int e = r.next();
                if (e == XMLStreamConstants.CHARACTERS || e == XMLStreamConstants.CDATA) b.append(r.getText());
            }
            return b.toString();
        } catch (XMLStreamException e) {
            throw SafeXml.error(e);
        }
    }

    @Test
    void htmlEntitiesAndStrayAmpersandsAreRepaired() throws Exception {
        assertThat(text("<a>Tom&nbsp;&amp; Jerry &eacute; R&D &copy;2025 &#2325; &unknown;</a>"))
                .isEqualTo("Tom\u00a0& Jerry é R&D ©2025 क &unknown;");
    }

    @Test
    void cdataIsLeftExactlyAsWritten() throws Exception {
        assertThat(text("<a><![CDATA[<p>नई दिल्ली & &nbsp;</p>]]></a>")).isEqualTo("<p>नई दिल्ली & &nbsp;</p>");
    }

    @Test
    void declarationAfterCommentsAndGarbageBeforeTheRootAreTolerated() throws Exception {
        assertThat(text("\n\n  <!-- generated -->\n<?xml version=\"1.0\"?>\n<a>x</a>")).isEqualTo("x");
        assertThat(text("\uFEFF junk <a>y</a>")).isEqualTo("y");
    }

    @Test
    void externalDoctypeIsIgnoredButEntityDeclarationsAreRefused() throws Exception {
        assertThat(text("<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\"\n"
                + " \"http://my.netscape.com/publish/formats/rss-0.91.dtd\">\n<rss>ok&hellip;</rss>")).isEqualTo("ok…");
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]>"
                + "<lolz>&lol2;</lolz>";
        assertThatThrownBy(() -> text(bomb)).isInstanceOf(ParseException.class).hasMessageContaining("entities");
        String xxe = "<!DOCTYPE foo [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><foo>&xxe;</foo>";
        assertThatThrownBy(() -> text(xxe)).isInstanceOf(ParseException.class).hasMessageContaining("entities");
    }

    @Test
    void forbiddenCharactersAreDropped() throws Exception {
        assertThat(text("<a>a\u0001b\u000bc&#0;d&#x8;e</a>")).isEqualTo("abcde");
    }

    @Test
    void malformedXmlNamesTheLine() {
        assertThatThrownBy(() -> text("<rss>\n<channel>\n<item></channel>\n</rss>"))
                .isInstanceOf(ParseException.class).hasMessageContaining("line 3").hasMessageContaining("item");
    }
}
