package org.taar.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taar.format.Fixtures.CTX;
import static org.taar.format.Fixtures.bytes;
import static org.taar.format.Fixtures.utf8;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.taar.item.Media;
import org.taar.item.NewsItem;
import org.taar.item.PubStatus;
import org.taar.item.Rendition;

/** ninjs associations and picture, video and audio items read into items' media, in 1.x, 2.x and 3.x. */
class NinjsMediaTest {
    private final NinjsParser parser = new NinjsParser();

    private NewsItem one(byte[] json) throws ParseException {
        ParseResult r = parser.parse(json, CTX);
        assertThat(r.items()).as(r.warnings().toString()).hasSize(1);
        return r.items().get(0);
    }

    @Test
    void everyPictureVideoAndAudioAssociationIsAMediaItemInOrder() throws Exception {
        NewsItem item = one(bytes("ninjs/associations-2x.json"));
        assertThat(item.type()).isEqualTo("text");
        assertThat(item.media()).extracting(Media::uri).containsExactly("urn:newsml:pti.in:20250712:photo-881",
                "urn:newsml:pti.in:20250712:gfx-12", "urn:newsml:pti.in:20250712:video-7", "urn:newsml:pti.in:20250712:audio-3");
        assertThat(item.media()).extracting(Media::kind)
                .containsExactly(Media.Kind.PICTURE, Media.Kind.PICTURE, Media.Kind.VIDEO, Media.Kind.AUDIO);
        Media lead = item.leadPicture();
        assertThat(lead.version()).isEqualTo(2);
        assertThat(lead.caption()).isEqualTo("संसद भवन के बाहर सांसद।");
        assertThat(lead.alt()).isEqualTo("संसद भवन की सीढ़ियों पर खड़े सांसद");
        assertThat(lead.credit()).isEqualTo("कमल सिंह");
        assertThat(lead.renditions()).containsExactly(
                new Rendition("https://photos.pti.example/881-h.jpg", "image/jpeg", 4000, 2667, 3_100_000L, "highres"),
                new Rendition("https://photos.pti.example/881-t.jpg", "image/jpeg", 256, 171, null, "thumbnail"));
        Media chart = item.media().get(1);
        assertThat(chart.credit()).isEqualTo("पीटीआई ग्राफिक्स");
        assertThat(chart.caption()).as("a headline captions when nothing else does").isEqualTo("सत्र का कार्यक्रम");
        assertThat(item.media().get(2).renditions()).extracting(Rendition::contentType).containsExactly("video/mp4", "image/jpeg");
        Media audio = item.media().get(3);
        assertThat(audio.renditions()).as("an association without renditions is a reference, kept by its uri").isEmpty();
        assertThat(audio.credit()).isEqualTo("PTI");
    }

    @Test
    void ninjs1AssociationsAndRenditionsKeyedByNameAreRead() throws Exception {
        NewsItem item = one(bytes("ninjs/associations-1x.json"));
        assertThat(item.media()).singleElement().satisfies(m -> {
            assertThat(m.uri()).isEqualTo("urn:newsml:ians.in:20250712:pic-77");
            assertThat(m.caption()).isEqualTo("गुवाहाटी की एक सड़क पर बाढ़ का पानी।");
            assertThat(m.credit()).isEqualTo("आईएएनएस");
            assertThat(m.renditions()).containsExactly(
                    new Rendition("https://img.ians.example/77.jpg", "image/jpeg", 1024, 683, null, "main"),
                    new Rendition("https://img.ians.example/77-s.jpg", "image/jpeg", 320, 213, null, "small"));
        });
    }

    @Test
    void ninjs3CamelCaseAssociationsAreRead() throws Exception {
        Path dir = Fixtures.sharedData("iptc/ninjs/examples");
        NewsItem tt = one(Files.readAllBytes(dir.resolve("3.0/tt_text_image_3.json")));
        assertThat(tt.media()).singleElement().satisfies(m -> {
            assertThat(m.uri()).isEqualTo("http://tt.se/media/image/sdlk2sirkPaauM");
            assertThat(m.credit()).isEqualTo("Karl Melander/TT");
            assertThat(m.caption()).startsWith("En stor internationell försvarsövning");
            assertThat(m.renditions()).hasSize(4);
            assertThat(m.renditions().get(0)).isEqualTo(new Rendition(
                    "https://beta.tt.se/media/text/210526-militarovning-a0f2d045/a001_NormalHires.jpg", "image/jpeg", 4724, 3149,
                    10_326_191L, "r00"));
        });
    }

    @Test
    void aPictureItemAloneIsItsOwnMediaItem() throws Exception {
        NewsItem item = one(bytes("ninjs/picture-alone.json"));
        assertThat(item.type()).isEqualTo("picture");
        assertThat(item.media()).singleElement().satisfies(m -> {
            assertThat(m.uri()).isEqualTo(item.uri());
            assertThat(m.version()).isEqualTo(3);
            assertThat(m.caption()).isEqualTo("संसद भवन के बाहर सांसद।");
            assertThat(m.credit()).isEqualTo("पीटीआई फोटो");
            assertThat(m.renditions()).extracting(Rendition::name).containsExactly("highres", "web");
        });
    }

    @Test
    void apPictureAndVideoItemsAreMediaItems() throws Exception {
        Path dir = Fixtures.sharedData("iptc/ninjs/examples/2.1");
        NewsItem image = one(Files.readAllBytes(dir.resolve("ap_image.json")));
        assertThat(image.type()).isEqualTo("picture");
        assertThat(image.media().get(0).credit()).isEqualTo("ASSOCIATED PRESS");
        assertThat(image.media().get(0).caption()).startsWith("FILE - In this Monday, Nov. 11, 2019 file photo");
        assertThat(image.media().get(0).renditions().get(0).width()).isEqualTo(3000);
        NewsItem video = one(Files.readAllBytes(dir.resolve("ap_video.json")));
        assertThat(video.type()).isEqualTo("video");
        assertThat(video.media().get(0).kind()).isEqualTo(Media.Kind.VIDEO);
    }

    @Test
    void aCanceledPictureItemWithoutHeadlineIsKeptSoTheWithdrawalArrives() throws Exception {
        NewsItem item = one(utf8("{\"uri\": \"urn:x:p\", \"type\": \"picture\", \"pubstatus\": \"canceled\"}"));
        assertThat(item.pubstatus()).isEqualTo(PubStatus.CANCELED);
        assertThat(item.media()).singleElement().satisfies(m -> assertThat(m.pubstatus()).isEqualTo(PubStatus.CANCELED));
    }

    @Test
    void hostileRenditionsAreLeftOutWithAWarning() throws Exception {
        NewsItem item = one(utf8("{\"uri\": \"urn:x:t\", \"headline\": \"h\", \"associations\": ["
                + "{\"name\": \"a\", \"type\": \"picture\", \"renditions\": [{\"href\": \"javascript:alert(1)\"},"
                + "{\"href\": \"data:image/gif;base64,R0lGOD\"}, {\"href\": \"/relative.jpg\"}, {\"contenttype\": \"image/jpeg\"}]},"
                + "{\"name\": \"b\", \"uri\": \"urn:x:b\", \"type\": \"picture\", \"renditions\": [{\"href\": \"https://m.example/b.jpg\","
                + " \"width\": 1e12, \"height\": \"tall\", \"sizeinbytes\": -5}]},"
                + "{\"name\": \"c\", \"type\": \"picture\", \"renditions\": [{\"href\": \"https://m.example/c.jpg\"}]},"
                + "\"not an object\", {\"name\": \"d\", \"type\": \"picture\", \"renditions\": \"nope\"}]}"));
        assertThat(item.media()).extracting(Media::uri).containsExactly("urn:x:b", "https://m.example/c.jpg");
        assertThat(item.media().get(0).renditions()).containsExactly(
                new Rendition("https://m.example/b.jpg", null, null, null, null, null));
        assertThat(item.warnings()).anySatisfy(w -> assertThat(w).contains("'javascript:alert(1)'"))
                .anySatisfy(w -> assertThat(w).contains("'data:image/gif"))
                .anySatisfy(w -> assertThat(w).contains("'/relative.jpg'"))
                .anySatisfy(w -> assertThat(w).contains("neither uri nor usable rendition"))
                .anySatisfy(w -> assertThat(w).contains("height 'tall'"));
    }

    @Test
    void tenThousandAssociationsGiveFifty() throws Exception {
        StringBuilder json = new StringBuilder("{\"uri\": \"urn:x:t\", \"headline\": \"h\", \"associations\": [");
        for (int i = 0; i < 10_000; i++) {
            if (i > 0) json.append(',');
            json.append("{\"name\": \"p").append(i).append("\", \"uri\": \"urn:x:p").append(i).append("\", \"type\": \"picture\"}");
        }
        NewsItem item = one(utf8(json.append("]}").toString()));
        assertThat(item.media()).hasSize(MediaList.MAX);
        assertThat(item.warnings()).anySatisfy(w -> assertThat(w).contains("10000 media items; only the first 50 kept"));
    }
}
