package org.taar.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.taar.item.Media;
import org.taar.item.PubStatus;
import org.taar.item.NewsItem;
import org.taar.item.Place;
import org.taar.item.Rendition;
import org.taar.item.Subject;

class NinjsWriterTest {
    private final NinjsWriter writer = new NinjsWriter();

    private static NewsItem.Builder story() {
        NewsItem.Builder b = NewsItem.builder();
        b.uri = "urn:taar:ians-1";
        b.headline = "शीर्षक";
        return b;
    }

    @Test
    void writesNinjs21NamesAndRoles() {
        NewsItem.Builder b = story();
        b.version = 3;
        b.pubstatus = PubStatus.CANCELED;
        b.language = "hi";
        b.subheadline = "उपशीर्षक";
        b.summary = "सार";
        b.bodyHtml = "<p>पाठ</p>";
        b.byline = "आईएएनएस";
        b.located = "वाशिंगटन";
        b.urgency = 4;
        b.agency = "IANS";
        b.tags = List.of("अमेरिका", "भारत");
        b.slugline = "स्लग";
        b.ednote = "नोट";
        ObjectNode o = writer.toNinjs(b.build());
        assertThat(o.toString()).isEqualTo("{\"uri\":\"urn:taar:ians-1\",\"type\":\"text\",\"version\":\"3\","
                + "\"pubstatus\":\"canceled\",\"language\":\"hi\","
                + "\"headlines\":[{\"role\":\"main\",\"value\":\"शीर्षक\"},{\"role\":\"sub\",\"value\":\"उपशीर्षक\"}],"
                + "\"descriptions\":[{\"role\":\"summary\",\"contenttype\":\"text/plain\",\"value\":\"सार\"}],"
                + "\"bodies\":[{\"role\":\"main\",\"contenttype\":\"text/html\",\"value\":\"<p>पाठ</p>\"}],"
                + "\"by\":\"आईएएनएस\",\"located\":\"वाशिंगटन\",\"urgency\":4,"
                + "\"infosources\":[{\"name\":\"IANS\",\"role\":\"originator\"}],"
                + "\"subjects\":[{\"name\":\"अमेरिका\"},{\"name\":\"भारत\"}],"
                + "\"slugline\":\"स्लग\",\"ednote\":\"नोट\"}");
    }

    @Test
    void emptyFieldsAreLeftOut() {
        ObjectNode o = writer.toNinjs(story().build());
        assertThat(o.fieldNames()).toIterable()
                .containsExactly("uri", "type", "version", "pubstatus", "headlines");
        assertThat(o.get("version").asText()).isEqualTo("1");
        assertThat(o.get("pubstatus").asText()).isEqualTo("usable");
    }

    @Test
    void datesAreUtcWithZToTheSecond() {
        NewsItem.Builder b = story();
        b.contentCreated = Instant.parse("2025-07-12T05:15:00Z");
        b.firstCreated = Instant.parse("2025-07-12T05:15:30.999Z");
        b.versionCreated = Instant.parse("2025-07-12T05:49:00.5Z");
        b.embargoed = Instant.parse("2025-07-12T13:00:00Z");
        ObjectNode o = writer.toNinjs(b.build());
        assertThat(o.get("contentcreated").asText()).isEqualTo("2025-07-12T05:15:00Z");
        assertThat(o.get("firstcreated").asText()).isEqualTo("2025-07-12T05:15:30Z");
        assertThat(o.get("versioncreated").asText()).isEqualTo("2025-07-12T05:49:00Z");
        assertThat(o.get("embargoed").asText()).isEqualTo("2025-07-12T13:00:00Z");
    }

    @Test
    void typeOutsideNinjs21IsLeftOut() {
        NewsItem.Builder b = story();
        b.type = "event";
        assertThat(writer.toNinjs(b.build()).has("type")).isFalse();
    }

    @Test
    void linkIsWrittenAsTheWebRendition() {
        NewsItem.Builder b = story();
        b.link = "https://khabar.example.in/desh/1";
        ObjectNode o = writer.toNinjs(b.build());
        assertThat(o.get("renditions").toString())
                .isEqualTo("[{\"name\":\"web\",\"href\":\"https://khabar.example.in/desh/1\",\"contenttype\":\"text/html\"}]");
    }

    @Test
    void linkSurvivesToBuilder() {
        NewsItem.Builder b = story();
        b.link = "https://khabar.example.in/desh/1";
        assertThat(b.build().toBuilder().build().link()).isEqualTo("https://khabar.example.in/desh/1");
    }

    @Test
    void codedSubjectsKeepTheirCodesAndKeywordsFollowByName() {
        NewsItem.Builder b = story();
        b.subjects = List.of(new Subject("politics", "medtop:11000000"),
                new Subject(null, "http://cv.iptc.org/newscodes/subjectcode/11000000"), new Subject("चुनाव", null));
        b.tags = List.of("चुनाव", "लखनऊ");
        ObjectNode o = writer.toNinjs(b.build());
        assertThat(o.get("subjects").toString()).isEqualTo("[{\"name\":\"politics\",\"literal\":\"medtop:11000000\"},"
                + "{\"uri\":\"http://cv.iptc.org/newscodes/subjectcode/11000000\"},{\"name\":\"चुनाव\"},{\"name\":\"लखनऊ\"}]");
        assertThat(NinjsValidator.load().problems("writer", b.build())).isEmpty();
    }

    @Test
    void placesAndRightsAreWritten() {
        NewsItem.Builder b = story();
        b.located = "लखनऊ";
        b.places = List.of(new Place("उत्तर प्रदेश", Place.STATE), new Place("भारत", Place.COUNTRY));
        b.rights = "© 2026 IANS";
        ObjectNode o = writer.toNinjs(b.build());
        assertThat(o.get("places").toString())
                .isEqualTo("[{\"name\":\"उत्तर प्रदेश\",\"rel\":\"state\"},{\"name\":\"भारत\",\"rel\":\"country\"}]");
        assertThat(o.get("copyrightnotice").asText()).isEqualTo("© 2026 IANS");
        assertThat(NinjsValidator.load().problems("writer", b.build())).isEmpty();
    }

    private static Media picture(String uri) {
        return new Media(Media.Kind.PICTURE, uri, 2, "कैप्शन", "पीटीआई फोटो", "वैकल्पिक पाठ",
                List.of(new Rendition("https://img.example/" + uri.substring(uri.lastIndexOf(':') + 1) + ".jpg", "image/jpeg", 1200,
                        800, 12345L, "rnd:highRes"), new Rendition("part:beside.jpg", null, null, null, null, null)),
                PubStatus.USABLE);
    }

    @Test
    void mediaAreWrittenAsAssociationsWithTheirRenditions() {
        NewsItem.Builder b = story();
        b.media = List.of(picture("urn:x:p1"), new Media(Media.Kind.VIDEO, "urn:x:v1", 1, null, null, null, List.of(),
                PubStatus.CANCELED));
        ObjectNode o = writer.toNinjs(b.build());
        assertThat(o.get("associations").toString()).isEqualTo("[{\"name\":\"picture1\",\"uri\":\"urn:x:p1\",\"type\":\"picture\","
                + "\"version\":\"2\",\"pubstatus\":\"usable\",\"descriptions\":[{\"role\":\"caption\",\"value\":\"कैप्शन\"},"
                + "{\"role\":\"alt\",\"value\":\"वैकल्पिक पाठ\"}],\"by\":\"पीटीआई फोटो\",\"renditions\":["
                + "{\"name\":\"rnd:highRes\",\"href\":\"https://img.example/p1.jpg\",\"contenttype\":\"image/jpeg\",\"width\":1200,"
                + "\"height\":800,\"sizeinbytes\":12345},{\"name\":\"r2\",\"href\":\"part:beside.jpg\"}]},"
                + "{\"name\":\"video2\",\"uri\":\"urn:x:v1\",\"type\":\"video\",\"version\":\"1\",\"pubstatus\":\"canceled\"}]");
        assertThat(NinjsValidator.load().problems("writer", b.build())).isEmpty();
    }

    @Test
    void aPictureAloneIsWrittenAsThatPictureWithItsRenditions() {
        NewsItem.Builder b = story();
        b.type = "picture";
        b.media = List.of(picture("urn:taar:ians-1"));
        ObjectNode o = writer.toNinjs(b.build());
        assertThat(o.get("type").asText()).isEqualTo("picture");
        assertThat(o.has("associations")).isFalse();
        assertThat(o.get("renditions")).hasSize(2);
        assertThat(o.get("by").asText()).isEqualTo("पीटीआई फोटो");
        assertThat(o.get("descriptions").toString())
                .isEqualTo("[{\"role\":\"caption\",\"value\":\"कैप्शन\"},{\"role\":\"alt\",\"value\":\"वैकल्पिक पाठ\"}]");
        assertThat(NinjsValidator.load().problems("writer", b.build())).isEmpty();
    }

    @Test
    void aPackageAloneIsWrittenAsAComposite() {
        NewsItem.Builder b = story();
        b.type = G2Package.TYPE;
        b.media = List.of(picture("urn:x:p1"));
        ObjectNode o = writer.toNinjs(b.build());
        assertThat(o.get("type").asText()).isEqualTo("composite");
        assertThat(o.get("associations")).hasSize(1);
        assertThat(NinjsValidator.load().problems("writer", b.build())).isEmpty();
    }

    @Test
    void aMediaUriWithLettersBeyondAsciiIsWrittenPercentEncoded() {
        NewsItem.Builder b = story();
        b.media = List.of(new Media(Media.Kind.PICTURE, "urn:newsml:iptc.org:20081007:tutorial\u2014item-B", 1, null, null, null,
                List.of(), PubStatus.USABLE));
        assertThat(writer.toNinjs(b.build()).get("associations").get(0).get("uri").asText())
                .isEqualTo("urn:newsml:iptc.org:20081007:tutorial%E2%80%94item-B");
        assertThat(NinjsValidator.load().problems("writer", b.build())).isEmpty();
    }

    @Test
    void aMediaUriThatIsNoUriIsWrittenAsOne() {
        NewsItem.Builder b = story();
        b.media = List.of(new Media(Media.Kind.AUDIO, "not a uri", 1, null, null, null, List.of(), PubStatus.USABLE));
        assertThat(writer.toNinjs(b.build()).get("associations").get(0).get("uri").asText()).isEqualTo("urn:taar:not%20a%20uri");
        assertThat(NinjsValidator.load().problems("writer", b.build())).isEmpty();
    }
}
