package org.taar.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.taar.format.Fixtures.CTX;
import static org.taar.format.Fixtures.bytes;
import static org.taar.format.Fixtures.utf8;

import java.util.List;
import org.junit.jupiter.api.Test;

class FormatsTest {
    private final Formats formats = Formats.standard();

    @Test
    void standardFormatsAskTheSpecificOnesBeforeWiretext() {
        assertThat(formats.names()).containsExactly(
                "jsonfeed", "ninjs", "newsmlg2", "newsml", "nitf", "atom", "wxr", "rss", "email", "anpa1312", "iptc7901", "wiretext");
    }

    @Test
    void feedsAreSniffed() throws Exception {
        assertThat(formats.parse(bytes("feeds/rss2-hindi.xml"), null, CTX).format()).isEqualTo("rss");
        assertThat(formats.parse(bytes("feeds/rss10-hindi.rdf"), null, CTX).format()).isEqualTo("rss");
        assertThat(formats.parse(bytes("feeds/atom10-hindi.xml"), null, CTX).format()).isEqualTo("atom");
        assertThat(formats.parse(bytes("feeds/atom03.xml"), null, CTX).format()).isEqualTo("atom");
        assertThat(formats.parse(bytes("feeds/jsonfeed-1.1.json"), null, CTX).format()).isEqualTo("jsonfeed");
        assertThat(formats.parse(bytes("feeds/jsonfeed-1.0.json"), null, CTX).format()).isEqualTo("jsonfeed");
    }

    @Test
    void ninjsAndJsonFeedDoNotClaimEachOther() {
        NinjsParser ninjs = new NinjsParser();
        JsonFeedParser jsonFeed = new JsonFeedParser();
        assertThat(ninjs.accepts(bytes("feeds/jsonfeed-1.1.json"))).isFalse();
        assertThat(ninjs.accepts(utf8("{\"version\": \"https://jsonfeed.org/version/1\", \"title\": \"t\", \"type\": \"x\", \"items\": []}")))
                .isFalse();
        assertThat(jsonFeed.accepts(bytes("ninjs/hindi-2x.json"))).isFalse();
        assertThat(jsonFeed.accepts(bytes("ninjs/hindi-3x.json"))).isFalse();
        assertThat(jsonFeed.accepts(utf8("{\"version\": \"2\", \"uri\": \"urn:x\"}"))).isFalse();
    }

    @Test
    void ninjsIsSniffed() throws Exception {
        assertThat(formats.parse(bytes("ninjs/hindi-3x.json"), null, CTX).format()).isEqualTo("ninjs");
    }

    @Test
    void wireTextIsSniffed() throws Exception {
        assertThat(formats.parse(bytes("wiretext/ians-washington.txt"), null, CTX).format()).isEqualTo("wiretext");
    }

    @Test
    void agencyWireFormatsAreSniffed() throws Exception {
        assertThat(formats.parse(bytes("iptc7901/pti-election.txt"), null, CTX).format()).isEqualTo("iptc7901");
        assertThat(formats.parse(bytes("iptc7901/afp-latin1.txt"), null, CTX).format()).isEqualTo("iptc7901");
        assertThat(formats.parse(bytes("iptc7901/no-soh.txt"), null, CTX).format()).isEqualTo("iptc7901");
        assertThat(formats.parse(bytes("anpa1312/ap-election.txt"), null, CTX).format()).isEqualTo("anpa1312");
        assertThat(formats.parse(bytes("anpa1312/ap-no-controls.txt"), null, CTX).format()).isEqualTo("anpa1312");
    }

    @Test
    void plainWireTextIsNotClaimedByTheAgencyParsers() throws Exception {
        for (String f : List.of("wiretext/ians-washington.txt", "wiretext/no-header.txt", "wiretext/canceled.txt")) {
            assertThat(formats.parse(bytes(f), null, CTX).format()).as(f).isEqualTo("wiretext");
        }
        assertThat(formats.parse(utf8("KILL\nPolice kill three in encounter\n"), null, CTX).format()).isEqualTo("wiretext");
    }

    @Test
    void mailIsSniffedByItsHeadersAndNotConfusedWithWireText() throws Exception {
        for (String f : List.of("hindi-stringer.eml", "pti-english.eml", "html-script.eml")) {
            assertThat(formats.parse(EmailParserTest.eml(f), null, CTX).format()).as(f).isEqualTo("email");
        }
        // A mailed AP story: the header block says mail, though its text has ANPA's BC- line.
        assertThat(formats.parse(utf8("From: AP <ap@example.com>\nSubject: Quake\nMessage-ID: <q@ap>\n\n"
                + "BC-Japan-Quake,0123\nTOKYO (AP) A strong quake hit Japan.\n"), null, CTX).format()).isEqualTo("email");
        // Wire text that opens with lines like headers stays wire text.
        assertThat(formats.parse(utf8("Headline: संसद\nAgency: IANS\nDate: 2025-07-12\n\nपाठ"), null, CTX).format())
                .isEqualTo("wiretext");
        assertThat(formats.parse(utf8("From: हमारे संवाददाता\nनई दिल्ली में बारिश\n"), null, CTX).format()).isEqualTo("wiretext");
        assertThat(formats.parse(utf8("Subject: बजट\nTo: सभी\n\nपाठ"), null, CTX).format()).as("no field only mail has")
                .isEqualTo("wiretext");
    }

    @Test
    void emailCanBeNamedAsTheFormat() throws Exception {
        ParseResult r = formats.parse(utf8("Subject: बजट पेश\nTo: desk@x.in\n\nबजट पेश हुआ।"), "email", CTX);
        assertThat(r.format()).isEqualTo("email");
        assertThat(r.items().get(0).headline()).isEqualTo("बजट पेश");
    }

    @Test
    void hintChoosesTheParserWhateverTheContent() throws Exception {
        ParseResult r = formats.parse(utf8("{\"a\": 1}"), "WireText", CTX);
        assertThat(r.format()).isEqualTo("wiretext");
        assertThat(r.items().get(0).headline()).isEqualTo("{\"a\": 1}");
    }

    @Test
    void unknownHintListsTheKnownFormats() {
        assertThatThrownBy(() -> formats.parse(utf8("x"), "klingon", CTX))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown format 'klingon' (known: jsonfeed, ninjs, newsmlg2, newsml, nitf, atom, wxr, rss, email, anpa1312, "
                        + "iptc7901, wiretext)");
    }

    @Test
    void emptyFileIsRejected() {
        assertThatThrownBy(() -> formats.parse(new byte[0], null, CTX)).hasMessage("empty file");
        assertThatThrownBy(() -> formats.parse(utf8(" \n\t"), "ninjs", CTX)).hasMessage("empty file");
    }

    @Test
    void fileOverTheLimitIsRejected() {
        Formats small = new Formats(List.of(new WireTextParser()), 10);
        assertThatThrownBy(() -> small.parse(utf8("Headline: 12345"), null, CTX))
                .isInstanceOf(ParseException.class)
                .hasMessage("file too large (15 bytes, limit 10)");
    }

    @Test
    void xmlNoParserReadsIsNamedByItsRoot() {
        assertThatThrownBy(() -> formats.parse(
                utf8("<?xml version=\"1.0\"?>\n<!-- note -->\n<!DOCTYPE note>\n<note><to>x</to></note>"), null, CTX))
                .isInstanceOf(ParseException.class)
                .hasMessage("unknown format: XML with root <note>, which no parser reads");
        assertThatThrownBy(() -> formats.parse(utf8("<opml version=\"2.0\"><body/></opml>"), null, CTX))
                .hasMessage("unknown format: an OPML subscription list, not a feed");
    }

    @Test
    void emptyRssIsAFeedWithoutItems() throws Exception {
        ParseResult r = formats.parse(
                utf8("<?xml version=\"1.0\"?>\n<!-- feed -->\n<!DOCTYPE rss>\n<rss version=\"2.0\"><channel/></rss>"), null, CTX);
        assertThat(r.format()).isEqualTo("rss");
        assertThat(r.items()).isEmpty();
        assertThat(r.warnings()).containsExactly("the feed has no items");
    }

    @Test
    void binaryDataIsNamedAsSuch() {
        assertThatThrownBy(() -> formats.parse(new byte[] {1, 2, 0, 3, (byte) 0xFF}, null, CTX))
                .hasMessage("unknown format: binary data");
        assertThatThrownBy(() -> formats.parse(new byte[] {0x1F, (byte) 0x8B, 8, 0}, null, CTX))
                .hasMessage("unknown format: gzip-compressed data");
    }

    @Test
    void legacyEncodedTextIsNamedWithTheBadByte() {
        assertThatThrownBy(() -> formats.parse(bytes("wiretext/invalid-utf8.txt"), null, CTX))
                .hasMessage("unknown format: text that is not UTF-8 (invalid byte at offset 49; legacy encoding?)");
    }

    @Test
    void jsonThatIsNotNinjsShowsItsKeys() {
        assertThatThrownBy(() -> formats.parse(
                utf8("{\"version\": \"https://example.com/version/1.1\", \"title\": \"t\", \"items\": []}"), null, CTX))
                .hasMessage("unknown format: JSON that is neither ninjs nor JSON Feed (keys: version, title, items)");
    }

    @Test
    void parseErrorsOfTheChosenParserPassThrough() {
        assertThatThrownBy(() -> formats.parse(bytes("wiretext/no-headline.txt"), null, CTX)).hasMessage("no headline");
    }
}
