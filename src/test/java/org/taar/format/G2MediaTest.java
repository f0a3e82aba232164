package org.taar.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taar.format.Fixtures.CTX;
import static org.taar.format.Fixtures.bytes;
import static org.taar.format.Fixtures.utf8;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.taar.item.Media;
import org.taar.item.NewsItem;
import org.taar.item.PubStatus;
import org.taar.item.Rendition;

/** NewsML-G2 pictures, video, audio and packages read into items' media. */
class G2MediaTest {
    private final NewsmlG2Parser parser = new NewsmlG2Parser();

    private NewsItem one(byte[] xml) throws ParseException {
        ParseResult r = parser.parse(xml, CTX);
        assertThat(r.items()).as(r.warnings().toString()).hasSize(1);
        return r.items().get(0);
    }

    /** A news item of this class with this contentMeta and contentSet. */
    private static byte[] item(String itemClass, String status, String contentMeta, String contentSet) {
        return utf8("<newsItem xmlns=\"" + NewsmlG2Parser.NAMESPACE + "\" guid=\"urn:x:m1\" version=\"1\" xml:lang=\"hi\">"
                + "<itemMeta><itemClass qcode=\"" + itemClass + "\"/><provider qcode=\"nprov:IANS\"/>"
                + (status == null ? "" : "<pubStatus qcode=\"" + status + "\"/>") + "</itemMeta>"
                + "<contentMeta>" + contentMeta + "</contentMeta><contentSet>" + contentSet + "</contentSet></newsItem>");
    }

    @Test
    void pictureItemIsAPictureWithCaptionCreditAltAndEveryRendition() throws Exception {
        NewsItem item = one(bytes("newsmlg2/picture-hindi.xml"));
        assertThat(item.type()).isEqualTo("picture");
        assertThat(item.uri()).isEqualTo("urn:newsml:ptinews.com:20250712:PHOTO-DEL-0117");
        assertThat(item.version()).isEqualTo(2);
        assertThat(item.headline()).isEqualTo("दिल्ली में मानसून की पहली बारिश");
        assertThat(item.firstCreated()).isEqualTo(Instant.parse("2025-07-12T05:28:00Z"));
        assertThat(item.media()).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(Media.Kind.PICTURE);
            assertThat(m.uri()).isEqualTo(item.uri());
            assertThat(m.version()).isEqualTo(2);
            assertThat(m.caption()).isEqualTo("नई दिल्ली में शनिवार को मानसून की पहली बारिश के दौरान इंडिया गेट के पास छाता लिए लोग।");
            assertThat(m.credit()).isEqualTo("पीटीआई फोटो");
            assertThat(m.alt()).isEqualTo("इंडिया गेट के सामने बारिश में छाता लिए तीन लोग");
            assertThat(m.pubstatus()).isEqualTo(PubStatus.USABLE);
            assertThat(m.renditions()).containsExactly(
                    new Rendition("https://photos.ptinews.example/2025/07/12/DEL0117-high.jpg", "image/jpeg", 3000, 2000,
                            2456789L, "rnd:highRes"),
                    new Rendition("https://cdn.ptinews.example/web/DEL0117.jpg", "image/jpeg", 640, 427, 81234L, "rnd:web"),
                    new Rendition("https://photos.ptinews.example/2025/07/12/thumbs/DEL0117.jpg", "image/jpeg", 160, 107, null,
                            "rnd:thumbnail"));
        });
        assertThat(item.leadPicture()).isSameAs(item.media().get(0));
    }

    @Test
    void withoutACaptionTheHeadlineCaptionsAndWithoutACreditlineThePhotographerIsCredited() throws Exception {
        NewsItem item = one(item("ninat:photo", null, "<headline>सूखा</headline><creator><name>अ. कुमार</name></creator>",
                "<remoteContent href=\"https://m.example/a.jpg\"/>"));
        assertThat(item.media().get(0).caption()).isEqualTo("सूखा");
        assertThat(item.media().get(0).credit()).isEqualTo("अ. कुमार");
        assertThat(item.media().get(0).alt()).isNull();
    }

    @Test
    void videoAndAudioItemsAreVideoAndAudio() throws Exception {
        NewsItem video = one(item("ninat:video", null, "<headline>वीडियो</headline>",
                "<remoteContent href=\"https://m.example/v.mp4\" contenttype=\"video/mp4\" width=\"1280\" height=\"720\"/>"
                        + "<remoteContent href=\"https://m.example/v.jpg\" contenttype=\"image/jpeg\" rendition=\"rnd:keyFrame\"/>"));
        assertThat(video.type()).isEqualTo("video");
        assertThat(video.media().get(0).kind()).isEqualTo(Media.Kind.VIDEO);
        assertThat(video.media().get(0).renditions()).extracting(Rendition::contentType).containsExactly("video/mp4", "image/jpeg");
        NewsItem audio = one(item("http://cv.iptc.org/newscodes/ninature/audio", null, "<headline>ऑडियो</headline>",
                "<remoteContent href=\"https://m.example/a.mp3\" contenttype=\"audio/mpeg\" size=\"123\"/>"));
        assertThat(audio.type()).isEqualTo("audio");
        assertThat(audio.media().get(0).renditions().get(0).size()).isEqualTo(123L);
    }

    @Test
    void aTextItemWhoseOnlyContentIsARemotePictureIsThatPicture() throws Exception {
        NewsItem item = one(bytes("newsmlg2/photo-with-caption.xml"));
        assertThat(item.type()).isEqualTo("picture");
        assertThat(item.media().get(0).caption()).isEqualTo("वृंदावन में होली की तैयारी करते लोग।");
        assertThat(item.media().get(0).renditions()).extracting(Rendition::href).containsExactly("https://example.com/holi.jpg");
    }

    @Test
    void aTextItemWhoseOnlyContentIsARemoteDocumentIsStillNothingToPublish() throws Exception {
        ParseResult r = parser.parse(item("ninat:text", null, "<headline>h</headline>",
                "<remoteContent href=\"https://m.example/a.pdf\" contenttype=\"application/pdf\"/>"), CTX);
        assertThat(r.items()).isEmpty();
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("nothing to publish"));
    }

    @Test
    void aCanceledPictureIsAWithdrawnMediaItemEvenWithoutHeadlineOrRenditions() throws Exception {
        NewsItem item = one(item("ninat:picture", "stat:canceled", "", ""));
        assertThat(item.pubstatus()).isEqualTo(PubStatus.CANCELED);
        assertThat(item.headline()).isNull();
        assertThat(item.media()).singleElement().satisfies(m -> {
            assertThat(m.pubstatus()).isEqualTo(PubStatus.CANCELED);
            assertThat(m.uri()).isEqualTo("urn:x:m1");
            assertThat(m.renditions()).isEmpty();
        });
    }

    @Test
    void hostileAndBrokenAddressesAreLeftOutWithAWarningAndNothingElseIsLost() throws Exception {
        NewsItem item = one(item("ninat:picture", null, "<headline>h</headline>",
                "<remoteContent href=\"javascript:alert(1)\" contenttype=\"image/jpeg\"/>"
                        + "<remoteContent href=\"data:image/png;base64,iVBORw0KGgo=\"/>"
                        + "<remoteContent href=\"file:///etc/passwd\"/>"
                        + "<remoteContent href=\"../../etc/passwd.jpg\"/>"
                        + "<remoteContent residref=\"urn:x:no-href\"/>"
                        + "<remoteContent href=\"./beside.jpg\" width=\"99999999999\" height=\"-4\" size=\"lots\"/>"
                        + "<remoteContent href=\"https://m.example/ok.jpg\" width=\"0\" height=\"1e9\"/>"));
        assertThat(item.media().get(0).renditions()).containsExactly(
                new Rendition("part:beside.jpg", null, null, null, null, null),
                new Rendition("https://m.example/ok.jpg", null, null, null, null, null));
        assertThat(item.warnings()).anySatisfy(w -> assertThat(w).contains("'javascript:alert(1)' is not an http(s) URL"))
                .anySatisfy(w -> assertThat(w).contains("'data:image/png"))
                .anySatisfy(w -> assertThat(w).contains("'file:///etc/passwd'"))
                .anySatisfy(w -> assertThat(w).contains("'../../etc/passwd.jpg'").contains("nothing to resolve it against"))
                .anySatisfy(w -> assertThat(w).contains("urn:x:no-href has no href"))
                .anySatisfy(w -> assertThat(w).contains("width '99999999999'"))
                .anySatisfy(w -> assertThat(w).contains("height '-4'"))
                .anySatisfy(w -> assertThat(w).contains("size 'lots'"))
                .anySatisfy(w -> assertThat(w).contains("width '0'"));
    }

    @Test
    void aPictureWithThousandsOfRenditionsKeepsTwenty() throws Exception {
        String many = "<remoteContent href=\"https://m.example/r.jpg\"/>".repeat(10_000);
        NewsItem item = one(item("ninat:picture", null, "<headline>h</headline>", many));
        assertThat(item.media().get(0).renditions()).hasSize(MediaFields.MAX_RENDITIONS);
        assertThat(item.warnings()).anySatisfy(w -> assertThat(w).contains("10000 renditions; only the first 20 kept"));
    }

    @Test
    void aPackageWithItsTextGivesTheTextItsPicturesInFullOrByReferenceAndIsUsedUp() throws Exception {
        ParseResult r = parser.parse(bytes("newsmlg2/package-message.xml"), CTX);
        NewsItem text = r.items().stream().filter(i -> i.type().equals("text")).findFirst().orElseThrow();
        assertThat(r.items()).as("the package and its delivered picture make no items of their own").containsExactly(text);
        assertThat(text.uri()).isEqualTo("urn:newsml:ians.in:20250712:TXT-RAIN");
        assertThat(text.media()).extracting(Media::uri).containsExactly("urn:newsml:ians.in:20250712:PIC-RAIN-1",
                "urn:newsml:ians.in:20250712:PIC-RAIN-2", "urn:newsml:ians.in:20250712:VID-RAIN");
        Media delivered = text.media().get(0);
        assertThat(delivered.caption()).isEqualTo("दादर स्टेशन के बाहर बारिश में भीगते यात्री।");
        assertThat(delivered.credit()).isEqualTo("आईएएनएस");
        assertThat(delivered.renditions()).extracting(Rendition::href)
                .containsExactly("https://media.ians.example/rain-1.jpg", "https://media.ians.example/rain-1-t.jpg");
        Media named = text.media().get(1);
        assertThat(named.kind()).isEqualTo(Media.Kind.PICTURE);
        assertThat(named.renditions()).as("sent on its own: found later by uri").isEmpty();
        assertThat(named.caption()).isEqualTo("अंधेरी सबवे में जलभराव।");
        assertThat(named.credit()).isEqualTo("आईएएनएस");
        assertThat(named.version()).isEqualTo(3);
        Media video = text.media().get(2);
        assertThat(video.kind()).isEqualTo(Media.Kind.VIDEO);
        assertThat(video.caption()).isEqualTo("बारिश का वीडियो");
    }

    @Test
    void aPackageAloneIsAPackageItemNamingItsTextWithItsPicturesInOrder() throws Exception {
        NewsItem pkg = one(bytes("newsmlg2/package-alone.xml"));
        assertThat(pkg.type()).isEqualTo(G2Package.TYPE);
        assertThat(pkg.uri()).as("the story the media go with").isEqualTo("urn:newsml:ptinews.com:20250303:BHASHA-DEL-0042");
        assertThat(pkg.version()).isEqualTo(2);
        assertThat(pkg.headline()).isEqualTo("रेपो दर: तस्वीरें");
        assertThat(pkg.bodyHtml()).isNull();
        assertThat(pkg.media()).extracting(Media::uri).containsExactly("urn:newsml:ptinews.com:20250712:PHOTO-DEL-0117",
                "urn:newsml:ptinews.com:20250712:GFX-0009", "urn:newsml:ptinews.com:20250712:AUD-0003");
        assertThat(pkg.media()).extracting(Media::kind)
                .containsExactly(Media.Kind.PICTURE, Media.Kind.PICTURE, Media.Kind.AUDIO);
        assertThat(pkg.media().get(0).caption()).isEqualTo("मुंबई में भारतीय रिज़र्व बैंक का मुख्यालय।");
        assertThat(pkg.media().get(0).credit()).isEqualTo("रवि चौधरी");
        assertThat(pkg.media().get(1).caption()).isEqualTo("रेपो दर का ग्राफ");
        assertThat(pkg.media()).allSatisfy(m -> assertThat(m.renditions()).isEmpty());
        assertThat(pkg.warnings()).anySatisfy(w -> assertThat(w).contains("sent without its text item"));
    }

    @Test
    void aPackageAloneWhosePicturesComeWithItGivesThemInFull() throws Exception {
        String pkg = new String(bytes("newsmlg2/package-alone.xml"), java.nio.charset.StandardCharsets.UTF_8)
                .replaceFirst("<\\?xml[^>]*>", "");
        String picture = new String(bytes("newsmlg2/picture-hindi.xml"), java.nio.charset.StandardCharsets.UTF_8)
                .replaceFirst("<\\?xml[^>]*>", "");
        ParseResult r = parser.parse(utf8("<newsMessage xmlns=\"" + NewsmlG2Parser.NAMESPACE + "\"><itemSet>" + pkg + picture
                + "</itemSet></newsMessage>"), CTX);
        NewsItem packaged = r.items().stream().filter(i -> i.type().equals(G2Package.TYPE)).findFirst().orElseThrow();
        assertThat(packaged.media().get(0).renditions()).hasSize(3);
        assertThat(packaged.media().get(0).caption()).startsWith("नई दिल्ली में शनिवार को");
    }

    @Test
    void aCanceledPackageAloneAttachesNothingAndKillsNothing() throws Exception {
        String pkg = new String(bytes("newsmlg2/package-alone.xml"), java.nio.charset.StandardCharsets.UTF_8)
                .replace("stat:usable", "stat:canceled");
        ParseResult r = parser.parse(utf8(pkg), CTX);
        assertThat(r.items()).isEmpty();
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("a canceled package"));
    }

    @Test
    void aPackageWithoutTextButWithItsOwnHeadlineAndSummaryIsAGalleryWithItsPictures() throws Exception {
        NewsItem gallery = one(utf8("<packageItem xmlns=\"" + NewsmlG2Parser.NAMESPACE + "\" guid=\"urn:x:g\" xml:lang=\"hi\">"
                + "<contentMeta><headline>तस्वीरों में दिन</headline><description role=\"drol:summary\">दिन की तस्वीरें।</description>"
                + "</contentMeta><groupSet root=\"G1\"><group id=\"G1\">"
                + "<itemRef residref=\"urn:x:p1\"><itemClass qcode=\"ninat:picture\"/></itemRef>"
                + "<itemRef residref=\"urn:x:p2\"><itemClass qcode=\"ninat:picture\"/></itemRef>"
                + "</group></groupSet></packageItem>"));
        assertThat(gallery.type()).isEqualTo("composite");
        assertThat(gallery.media()).extracting(Media::uri).containsExactly("urn:x:p1", "urn:x:p2");
    }

    @Test
    void aPackageOfAHundredPicturesGivesFifty() throws Exception {
        StringBuilder refs = new StringBuilder("<itemRef residref=\"urn:x:t\"><itemClass qcode=\"ninat:text\"/></itemRef>");
        for (int i = 0; i < 100; i++) refs.append("<itemRef residref=\"urn:x:p").append(i)
                .append("\"><itemClass qcode=\"ninat:picture\"/></itemRef>");
        NewsItem pkg = one(utf8("<packageItem xmlns=\"" + NewsmlG2Parser.NAMESPACE + "\" guid=\"urn:x:pk\"><groupSet root=\"G\">"
                + "<group id=\"G\">" + refs + "</group></groupSet></packageItem>"));
        assertThat(pkg.media()).hasSize(MediaList.MAX);
        assertThat(pkg.warnings()).anySatisfy(w -> assertThat(w).contains("100 media items; only the first 50 kept"));
    }

    @Test
    void relativeAddressesResolveAgainstTheXmlBaseInForce() throws Exception {
        NewsItem item = one(utf8("<newsItem xmlns=\"" + NewsmlG2Parser.NAMESPACE + "\" guid=\"urn:x:b\" xml:base=\"https://a.example/x/\">"
                + "<itemMeta><itemClass qcode=\"ninat:picture\"/></itemMeta><contentSet xml:base=\"pics/\">"
                + "<remoteContent href=\"p.jpg\"/></contentSet></newsItem>"));
        assertThat(item.media().get(0).renditions()).extracting(Rendition::href).containsExactly("https://a.example/x/pics/p.jpg");
    }

    @Test
    void picturesOfAnInlineNitfBodyAreTheTextItemsMedia() throws Exception {
        NewsItem item = one(utf8("<newsItem xmlns=\"" + NewsmlG2Parser.NAMESPACE + "\" guid=\"urn:x:n\" xml:lang=\"hi\">"
                + "<itemMeta><itemClass qcode=\"ninat:text\"/></itemMeta><contentMeta><headline>h</headline></contentMeta>"
                + "<contentSet><inlineXML contenttype=\"application/nitf+xml\"><nitf><body><body.content><p>पाठ।</p>"
                + "<media media-type=\"image\"><media-reference source=\"https://m.example/n.jpg\"/>"
                + "<media-caption>कैप्शन</media-caption></media></body.content></body></nitf></inlineXML></contentSet></newsItem>"));
        assertThat(item.type()).isEqualTo("text");
        assertThat(item.media()).extracting(Media::caption).containsExactly("कैप्शन");
        assertThat(item.bodyHtml()).isEqualTo("<p>पाठ।</p>");
    }
}
