package org.taar.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taar.format.Fixtures.CTX;
import static org.taar.format.Fixtures.bytes;
import static org.taar.format.Fixtures.utf8;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.taar.item.Media;
import org.taar.item.NewsItem;
import org.taar.item.Rendition;

/** Media RSS, enclosures, Atom enclosure links and JSON Feed images and attachments read into items' media. */
class FeedMediaTest {
    private static final String MRSS = "xmlns:media=\"http://search.yahoo.com/mrss/\"";
    private final RssParser rss = new RssParser();

    private List<NewsItem> rss(String channelBody) throws ParseException {
        return rss.parse(utf8("<rss version=\"2.0\" " + MRSS + "><channel><title>c</title><link>https://agency.example/</link>"
                + channelBody + "</channel></rss>"), CTX).items();
    }

    @Test
    void everyMediaObjectOfAnEntryIsReadInOrderEachOnce() throws Exception {
        NewsItem item = rss.parse(bytes("feeds/rss-media.xml"), CTX).items().get(0);
        assertThat(item.media()).extracting(Media::kind)
                .containsExactly(Media.Kind.PICTURE, Media.Kind.PICTURE, Media.Kind.VIDEO, Media.Kind.AUDIO);
        Media group = item.media().get(0);
        assertThat(group.uri()).isEqualTo("https://cdn.tasveer.example.in/bh-1600.jpg");
        assertThat(group.caption()).isEqualTo("शिमला के पास राष्ट्रीय राजमार्ग पर गिरा मलबा।");
        assertThat(group.credit()).isEqualTo("सुनील ठाकुर");
        assertThat(group.renditions()).containsExactly(
                new Rendition("https://cdn.tasveer.example.in/bh-1600.jpg", "image/jpeg", 1600, 900, 412_345L, null),
                new Rendition("https://cdn.tasveer.example.in/bh-800.jpg", "image/jpeg", 800, 450, null, null),
                new Rendition("https://cdn.tasveer.example.in/bh-160.jpg", null, null, null, null, "thumbnail"));
        Media second = item.media().get(1);
        assertThat(second.uri()).as("listed as media:content and as enclosure: one picture")
                .isEqualTo("https://cdn.tasveer.example.in/bh-2.jpg");
        assertThat(second.caption()).isEqualTo("मलबा हटाती जेसीबी।");
        Media video = item.media().get(2);
        assertThat(video.renditions()).extracting(Rendition::href)
                .containsExactly("https://video.tasveer.example.in/bh.mp4", "https://video.tasveer.example.in/bh-poster.jpg");
        Media audio = item.media().get(3);
        assertThat(audio.renditions()).containsExactly(
                new Rendition("https://audio.tasveer.example.in/bh.mp3", "audio/mpeg", null, null, 1_234_567L, null));
    }

    @Test
    void aPictureThatBecameMediaIsNotPutIntoTheBody() throws Exception {
        NewsItem item = rss.parse(bytes("feeds/rss-media.xml"), CTX).items().get(0);
        assertThat(item.bodyHtml()).doesNotContain("<figure", "<img", ".jpg");
    }

    @Test
    void aThumbnailAloneIsTheEntrysPictureResolvedAgainstTheFeed() throws Exception {
        NewsItem item = rss.parse(bytes("feeds/rss-media.xml"), CTX).items().get(1);
        assertThat(item.media()).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(Media.Kind.PICTURE);
            assertThat(m.uri()).isEqualTo("https://tasveer.example.in/thumbs/2.jpg");
            assertThat(m.credit()).as("an item-level credit applies to every media object").isEqualTo("तस्वीर डेस्क");
        });
    }

    @Test
    void aDocumentEnclosureIsNoMediaAndStaysALink() throws Exception {
        NewsItem item = rss.parse(bytes("feeds/rss-media.xml"), CTX).items().get(2);
        assertThat(item.media()).isEmpty();
        assertThat(item.bodyHtml()).contains("https://tasveer.example.in/report.pdf");
    }

    @Test
    void picturesInTheBodysOwnHtmlStayWhereTheyAre() throws Exception {
        NewsItem item = rss("<item><title>t</title><description>&lt;p&gt;पाठ&lt;img src=\"https://agency.example/in-body.jpg\"&gt;&lt;/p&gt;"
                + "</description><media:content url=\"https://agency.example/lead.jpg\" medium=\"image\"/></item>").get(0);
        assertThat(item.bodyHtml()).contains("https://agency.example/in-body.jpg").doesNotContain("lead.jpg");
        assertThat(item.media()).extracting(Media::uri).containsExactly("https://agency.example/lead.jpg");
    }

    @Test
    void hostileAddressesAndAbsurdSizesAreLeftOutWithAWarning() throws Exception {
        NewsItem item = rss("<item><title>t</title><link>https://agency.example/s/1</link>"
                + "<media:content url=\"javascript:alert(1)\" medium=\"image\"/>"
                + "<media:content url=\"data:image/png;base64,iVBORw0KGgo=\" medium=\"image\"/>"
                + "<media:content url=\"  \" medium=\"image\"/>"
                + "<media:content medium=\"image\"/>"
                + "<media:content url=\"https://feeds.feedburner.com/~r/x/~4/pixel.gif\" medium=\"image\"/>"
                + "<media:content url=\"rel/p.jpg\" medium=\"image\" width=\"99999999999999999999\" height=\"-1\" fileSize=\"x\"/>"
                + "<enclosure url=\"vbscript:msgbox\" type=\"image/jpeg\"/>"
                + "</item>").get(0);
        assertThat(item.media()).singleElement().satisfies(m -> assertThat(m.renditions()).containsExactly(
                new Rendition("https://agency.example/s/rel/p.jpg", null, null, null, null, null)));
        assertThat(item.warnings()).anySatisfy(w -> assertThat(w).contains("'javascript:alert(1)' is not an http(s) URL"))
                .anySatisfy(w -> assertThat(w).contains("'data:image/png"))
                .anySatisfy(w -> assertThat(w).contains("'vbscript:msgbox'"))
                .anySatisfy(w -> assertThat(w).contains("width '99999999999999999999'"))
                .anySatisfy(w -> assertThat(w).contains("height '-1'"))
                .noneSatisfy(w -> assertThat(w).contains("feedburner"));
    }

    @Test
    void tenThousandMediaContentsInOneEntryKeepFiftyWithAWarning() throws Exception {
        StringBuilder many = new StringBuilder("<item><title>t</title>");
        for (int i = 0; i < 10_000; i++) {
            many.append("<media:content url=\"https://agency.example/p").append(i).append(".jpg\" medium=\"image\"/>");
        }
        NewsItem item = rss(many.append("</item>").toString()).get(0);
        assertThat(item.media()).hasSize(MediaList.MAX);
        assertThat(item.media().get(49).uri()).isEqualTo("https://agency.example/p49.jpg");
        assertThat(item.warnings()).contains("10000 media items; only the first 50 kept");
    }

    @Test
    void aGroupOfThousandsOfContentsKeepsTwentyRenditions() throws Exception {
        String contents = "<media:content url=\"https://agency.example/g.jpg\" medium=\"image\"/>".repeat(5_000);
        NewsItem item = rss("<item><title>t</title><media:group>" + contents + "</media:group></item>").get(0);
        assertThat(item.media()).singleElement().satisfies(m -> assertThat(m.renditions()).hasSize(MediaFields.MAX_RENDITIONS));
        assertThat(item.warnings()).anySatisfy(w -> assertThat(w).contains("5000 contents; only the first 20 kept"));
    }

    @Test
    void enclosuresWithoutATypeAreKnownByTheirExtension() throws Exception {
        NewsItem item = rss("<item><title>t</title><enclosure url=\"https://agency.example/a.MP3?x=1\"/>"
                + "<enclosure url=\"https://agency.example/v.mp4\" type=\"application/octet-stream\"/>"
                + "<enclosure url=\"https://agency.example/p.webp\"/></item>").get(0);
        assertThat(item.media()).extracting(Media::kind).containsExactly(Media.Kind.PICTURE, Media.Kind.AUDIO, Media.Kind.VIDEO);
    }

    @Test
    void atomEnclosureLinksAreMediaWithTheirTitleAsCaption() throws Exception {
        List<NewsItem> items = new AtomParser().parse(utf8("<feed xmlns=\"http://www.w3.org/2005/Atom\" "
                + "xml:base=\"https://atom.example/\"><title>f</title><id>urn:f</id><entry><id>urn:e</id><title>t</title>"
                + "<link rel=\"enclosure\" type=\"image/jpeg\" href=\"/p/1.jpg\" title=\"पहली तस्वीर\" length=\"5000\"/>"
                + "<link rel=\"enclosure\" type=\"audio/ogg\" href=\"https://atom.example/a.ogg\"/>"
                + "<link rel=\"enclosure\" type=\"image/jpeg\" href=\"javascript:x()\"/>"
                + "<link rel=\"enclosure\" type=\"application/zip\" href=\"/z.zip\"/></entry></feed>"), CTX).items();
        NewsItem item = items.get(0);
        assertThat(item.media()).extracting(Media::uri).containsExactly("https://atom.example/p/1.jpg", "https://atom.example/a.ogg");
        assertThat(item.media().get(0).caption()).isEqualTo("पहली तस्वीर");
        assertThat(item.media().get(0).renditions().get(0).size()).isEqualTo(5000L);
        assertThat(item.bodyHtml()).contains("z.zip").doesNotContain("1.jpg");
    }

    @Test
    void jsonFeedImageAndAttachmentsAreMedia() throws Exception {
        NewsItem item = new JsonFeedParser().parse(utf8("{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"f\","
                + "\"home_page_url\": \"https://j.example/\", \"items\": [{\"id\": \"1\", \"title\": \"t\", "
                + "\"image\": \"https://j.example/lead.jpg\", \"banner_image\": \"https://j.example/banner.jpg\", \"attachments\": ["
                + "{\"url\": \"https://j.example/a.mp3\", \"mime_type\": \"audio/mpeg\", \"title\": \"ऑडियो\", \"size_in_bytes\": 999},"
                + "{\"url\": \"javascript:alert(1)\", \"mime_type\": \"image/png\"},"
                + "{\"url\": \"https://j.example/doc.pdf\", \"mime_type\": \"application/pdf\"}, 7]}]}"), CTX).items().get(0);
        assertThat(item.media()).extracting(Media::uri).containsExactly("https://j.example/lead.jpg", "https://j.example/a.mp3");
        assertThat(item.media().get(1).caption()).isEqualTo("ऑडियो");
        assertThat(item.media().get(1).renditions().get(0).size()).isEqualTo(999L);
        assertThat(item.warnings()).anySatisfy(w -> assertThat(w).contains("'javascript:alert(1)'"));
    }

    @Test
    void jsonFeedBannerIsThePictureOfAnEntryWithoutAnImage() throws Exception {
        NewsItem item = new JsonFeedParser().parse(utf8("{\"version\": \"https://jsonfeed.org/version/1\", \"title\": \"f\","
                + "\"items\": [{\"id\": \"https://j.example/1\", \"title\": \"t\", \"banner_image\": \"https://j.example/b.png\"}]}"),
                CTX).items().get(0);
        assertThat(item.media()).extracting(Media::uri).containsExactly("https://j.example/b.png");
    }

    @Test
    void anItemWithMediaIsValidNinjs21() throws Exception {
        NinjsValidator ninjs = NinjsValidator.load();
        for (NewsItem item : rss.parse(bytes("feeds/rss-media.xml"), CTX).items()) {
            assertThat(ninjs.problems("rss-media", item)).isEmpty();
        }
    }
}
