package org.taar.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taar.format.Fixtures.CTX;
import static org.taar.format.Fixtures.bytes;

import org.junit.jupiter.api.Test;
import org.taar.item.Media;
import org.taar.item.NewsItem;
import org.taar.item.Rendition;

/** NITF media elements read into the item's media, their captions taken out of the body with them. */
class NitfMediaTest {
    private final NitfParser parser = new NitfParser();

    private NewsItem story() throws ParseException {
        return parser.parse(bytes("nitf/photo-story.xml"), CTX).items().get(0);
    }

    @Test
    void aPictureHasItsReferencesCaptionProducerAndAlternateText() throws Exception {
        Media picture = story().leadPicture();
        assertThat(picture.uri()).isEqualTo("https://img.ians.example/assam-flood.jpg");
        assertThat(picture.caption()).isEqualTo("मोरीगांव जिले में बाढ़ में डूबा एक गांव।");
        assertThat(picture.credit()).isEqualTo("आईएएनएस फोटो");
        assertThat(picture.alt()).isEqualTo("पानी में डूबा गांव");
        assertThat(picture.renditions()).containsExactly(
                new Rendition("https://img.ians.example/assam-flood.jpg", "image/jpeg", 1200, 800, null, null),
                new Rendition("https://img.ians.example/assam-flood-s.jpg", "image/jpeg", null, null, null, null));
    }

    @Test
    void aBareFileNameIsAFileSentBesideTheStoryWithAUriOfTheStorys() throws Exception {
        NewsItem item = story();
        assertThat(item.media()).extracting(Media::kind).containsExactly(Media.Kind.PICTURE, Media.Kind.VIDEO);
        Media video = item.media().get(1);
        assertThat(video.renditions()).extracting(Rendition::href).containsExactly("part:assam-flood.mp4");
        assertThat(video.uri()).isEqualTo(item.uri() + "#assam-flood.mp4");
        assertThat(video.caption()).isEqualTo("बाढ़ का वीडियो");
    }

    @Test
    void captionsOfMediaTakenLeaveTheBodyAndOthersStay() throws Exception {
        NewsItem item = story();
        assertThat(item.bodyHtml()).contains("असम में बाढ़ की स्थिति", "20 जिले प्रभावित हैं", "आंकड़ों की तालिका",
                "यह कैप्शन शरारती पते वाली तस्वीर का है").doesNotContain("मोरीगांव", "बाढ़ का वीडियो", "assam-flood");
    }

    @Test
    void aHostileReferenceIsLeftOutWithAWarning() throws Exception {
        assertThat(story().warnings()).anySatisfy(w -> assertThat(w).contains("'javascript:alert(1)' is not an http(s) URL"));
    }

    @Test
    void theItemWithItsMediaIsValidNinjs21() throws Exception {
        assertThat(NinjsValidator.load().problems("photo-story", story())).isEmpty();
    }
}
