package org.taar.format;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.taar.text.HostileHtmlTest.BOUND;
import static org.taar.text.HostileHtmlTest.N;
import static org.taar.text.HostileHtmlTest.assertSafe;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.taar.item.NewsItem;
import org.taar.normalize.Normalizer;
import org.taar.text.Agencies;
import org.taar.text.DatelineParser;
import org.taar.text.HostileHtmlTest;
import org.taar.text.HtmlSanitizer;
import org.taar.text.UnicodeCleaner;
import org.taar.text.legacy.LegacyFontDetector;

/**
 * Every input format with a hostile body inside a small, otherwise ordinary document: parsing and normalizing it
 * must take time linear in its size and give a safe body (or refuse the document quickly, as the XML formats do
 * with nesting deeper than any news format needs).
 */
class HostileBodiesTest {

    private static final ParseContext CTX = new ParseContext("hostile", Instant.parse("2025-07-12T06:00:00Z"));
    private static final Agencies AGENCIES = new Agencies();
    private static final Normalizer NORMALIZER = new Normalizer(new UnicodeCleaner(), new LegacyFontDetector(),
            new HtmlSanitizer(), AGENCIES, new DatelineParser(AGENCIES), ZoneId.of("Asia/Kolkata"), Clock.systemUTC());

    /** Bodies that are also well-formed XML, so that the XML formats can carry them as markup. */
    private static final List<String[]> BODIES = List.of(
            new String[] {"anchors", "<p>" + "<a href=\"javascript:alert(1)\" onclick=\"x()\">लिंक</a> <a>बिना</a> ".repeat(N / 2) + "</p>"},
            new String[] {"attributes", HostileHtmlTest.manyAttributes(N)},
            new String[] {"nested divs", "<div>".repeat(N) + "गहरा<script>alert(1)</script>" + "</div>".repeat(N)},
            new String[] {"paragraphs", "<p>पाठ</p><p> </p><script>x()</script>".repeat(N)});

    /** Each format's document around {@code BODY} (as markup, as CDATA, as JSON string or as wire text). */
    private static final List<String[]> FORMATS = List.of(
            new String[] {"rss", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title><link>https://agency.example/</link>"
                    + "<item><title>शीर्षक</title><link>https://agency.example/1</link><guid>g1</guid>"
                    + "<description><![CDATA[BODY]]></description></item></channel></rss>"},
            new String[] {"atom", "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title><id>urn:f</id>"
                    + "<updated>2025-07-12T06:00:00Z</updated><entry><id>urn:e1</id><title>शीर्षक</title>"
                    + "<updated>2025-07-12T06:00:00Z</updated><link href=\"https://agency.example/1\"/>"
                    + "<content type=\"html\"><![CDATA[BODY]]></content></entry></feed>"},
            new String[] {"jsonfeed", "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"t\",\"items\":[{\"id\":\"1\","
                    + "\"title\":\"शीर्षक\",\"url\":\"https://agency.example/1\",\"content_html\":\"JSON\"}]}"},
            new String[] {"ninjs", "{\"uri\":\"urn:hostile:1\",\"type\":\"text\",\"headline\":\"शीर्षक\",\"body_html\":\"JSON\"}"},
            new String[] {"newsmlg2", "<?xml version=\"1.0\"?><newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" "
                    + "guid=\"urn:hostile:1\" version=\"1\" standard=\"NewsML-G2\" standardversion=\"2.35\" xml:lang=\"hi\">"
                    + "<itemMeta><itemClass qcode=\"ninat:text\"/><provider qcode=\"nprov:PTI\"/>"
                    + "<versionCreated>2025-07-12T06:00:00Z</versionCreated></itemMeta><contentMeta><headline>शीर्षक</headline>"
                    + "</contentMeta><contentSet><inlineXML contenttype=\"application/xhtml+xml\">"
                    + "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>BODY</body></html></inlineXML></contentSet></newsItem>"},
            new String[] {"newsml", "<?xml version=\"1.0\"?><NewsML Version=\"1.2\"><NewsItem><Identification><NewsIdentifier>"
                    + "<ProviderId>agency.example</ProviderId><DateId>20250712</DateId><NewsItemId>H-1</NewsItemId>"
                    + "<RevisionId PreviousRevision=\"0\" Update=\"N\">1</RevisionId></NewsIdentifier></Identification>"
                    + "<NewsManagement><NewsItemType FormalName=\"News\"/><FirstCreated>20250712T053000+0000</FirstCreated>"
                    + "<ThisRevisionCreated>20250712T053000+0000</ThisRevisionCreated><Status FormalName=\"Usable\"/>"
                    + "</NewsManagement><NewsComponent><NewsLines><HeadLine>शीर्षक</HeadLine></NewsLines>"
                    + "<ContentItem><MimeType FormalName=\"text/html\"/><DataContent><![CDATA[BODY]]></DataContent>"
                    + "</ContentItem></NewsComponent></NewsItem></NewsML>"},
            new String[] {"nitf", "<nitf><head><title>शीर्षक</title></head><body><body.content>BODY</body.content></body></nitf>"},
            new String[] {"anpa1312", "\u0016\u0016\u0001a0300 r s BC-Hostile,0300\n\u0002   BODY\nAP-NY-07-12-25 0430GMT\n\u0003\n"},
            new String[] {"iptc7901", "\u0001PTI0456 3 DOM 0120 HOSTILE\r\n\u0002HOSTILE\r\nशीर्षक\r\n     BODY\r\nPTI ABC\r\n"
                    + "07121119\r\n\u0003\u0004\r\n"},
            new String[] {"wiretext", "शीर्षक\nBODY\n--आईएएनएस\n"},
            new String[] {"email", "From: a@b.in\r\nSubject: शीर्षक\r\nMessage-ID: <h@b.in>\r\nContent-Type: text/html; charset=utf-8"
                    + "\r\n\r\n<p>शीर्षक</p>BODY\r\n"});

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (String[] f : FORMATS) {
            for (String[] b : BODIES) out.add(Arguments.of(f[0], b[0], b[1]));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void hostileBodyIsParsedAndNormalizedInLinearTimeAndComesOutSafe(String format, String name, String body) {
        String template = FORMATS.stream().filter(f -> f[0].equals(format)).findFirst().orElseThrow()[1];
        String doc = template.replace("BODY", body).replace("JSON", json(body));
        assertTimeoutPreemptively(BOUND, () -> {
            ParseResult r;
            try {
                r = Formats.standard().parse(doc.getBytes(StandardCharsets.UTF_8), format, CTX);
            } catch (ParseException refused) {
                return;
            }
            for (NewsItem item : r.items()) assertSafe(NORMALIZER.normalize(item).bodyHtml());
        });
    }

    private static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
