package org.taar.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.taar.App;
import org.taar.Fixtures;
import org.taar.MediaFixture;
import org.taar.MediaFixture.Made;
import org.taar.TestEngines;
import org.w3c.dom.NodeList;

/**
 * The pictures, video and audio on the site's pages once the media stage has made them ready: the
 * article's figures and head, the listings' thumbnails and the home page's lead, the feeds'
 * media:content and the sitemaps' image:image; only our own renditions, never the agency's address.
 */
class MediaPagesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir Path dir;
    private App app;
    private MediaFixture media;

    @AfterEach
    void close() {
        if (app != null) app.close();
    }

    private void open(String engine) {
        app = new App(TestEngines.config(engine, dir), Clock.systemUTC());
        app.publisher.rebuildAll();
        media = new MediaFixture(app);
    }

    private String base() {
        String b = app.config.site().baseUrl();
        return b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    }

    private long publish(String uri, String headline, String section) {
        return MediaFixture.id(Fixtures.publish(app, Fixtures.wire(uri, 1, null, headline, section)).url());
    }

    private String path(long story) {
        return app.stories.byId(story).orElseThrow().path();
    }

    private byte[] page(String path) {
        return app.pages.get(path).or(() -> app.onDemand.find(path).map(a -> a.page())).orElseThrow().body();
    }

    private Document html(String path) {
        return Jsoup.parse(new String(page(path), StandardCharsets.UTF_8));
    }

    private static String meta(Document d, String property) {
        Element e = d.selectFirst("meta[property=" + property + "], meta[name=" + property + "]");
        return e == null ? null : e.attr("content");
    }

    private String url(Made m) {
        return "/media/" + m.sha256() + "." + (m.format().equals("jpeg") ? "jpg" : m.format());
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void anArticleShowsItsLeadPictureFirstAndItsOtherMediaBelowTheText(String engine) throws Exception {
        open(engine);
        long story = publish("urn:pic:1", "संसद में बजट पेश", "देश");
        long lead = media.picture("urn:p:lead", 1600, 900, "संसद भवन के बाहर मंत्री", "IANS/Photo", "वित्त मंत्री बजट ब्रीफ़केस के साथ", true, 1);
        long captioned = media.picture("urn:p:2", 1600, 1200, "विपक्ष के नेता", "PTI", null, false, 2);
        long bare = media.picture("urn:p:3", 1200, 1600, null, "ANI", null, false, 3);
        long clip = media.video("urn:v:1", MediaFixture.bytes(5000), "बजट भाषण", "DD News");
        long sound = media.audio("urn:a:1", MediaFixture.bytes(3000), "रेडियो रिपोर्ट", "AIR");
        media.show(story, lead, 0);
        media.show(story, captioned, 1);
        media.show(story, bare, 2);
        media.show(story, clip, 3);
        media.show(story, sound, 4);
        media.changed(story);
        app.publisher.catchUp();

        Document d = html(path(story));
        var made = media.renditionsOf(lead);
        Element figure = d.selectFirst("article figure[data-role=lead-picture]");
        assertThat(figure).isNotNull();
        assertThat(d.select("article > *").indexOf(figure)).as("the lead picture comes before the text")
                .isLessThan(d.select("article > *").indexOf(d.selectFirst("[data-role=body]")));
        Element source = figure.selectFirst("picture > source[type=image/webp]");
        assertThat(source.attr("srcset")).isEqualTo(url(made.get("w320.webp")) + " 320w, " + url(made.get("w640.webp"))
                + " 640w, " + url(made.get("w1024.webp")) + " 1024w, " + url(made.get("w1600.webp")) + " 1600w");
        Element img = figure.selectFirst("picture > img");
        assertThat(img.attr("src")).isEqualTo(url(made.get("w1024.jpeg")));
        assertThat(img.attr("srcset")).contains(url(made.get("w320.jpeg")) + " 320w").contains(url(made.get("w1600.jpeg")) + " 1600w");
        assertThat(img.attr("sizes")).isEqualTo(source.attr("sizes")).isNotBlank();
        assertThat(img.attr("width")).isEqualTo("1024");
        assertThat(img.attr("height")).isEqualTo("576");
        assertThat(img.attr("alt")).isEqualTo("वित्त मंत्री बजट ब्रीफ़केस के साथ");
        assertThat(img.hasAttr("data-alt")).as("the agency's own alt").isFalse();
        assertThat(img.attr("loading")).isEqualTo("eager");
        assertThat(img.attr("fetchpriority")).isEqualTo("high");
        assertThat(figure.selectFirst("figcaption [data-role=caption]").text()).isEqualTo("संसद भवन के बाहर मंत्री");
        assertThat(figure.selectFirst("figcaption [data-role=credit]").text()).isEqualTo("IANS/Photo");

        List<Element> below = d.select("article figure[data-role=media]");
        assertThat(below).hasSize(4);
        Element second = below.get(0).selectFirst("img");
        assertThat(below.get(0).select("source")).as("made without WebP: JPEG alone").isEmpty();
        assertThat(second.attr("loading")).isEqualTo("lazy");
        assertThat(second.hasAttr("fetchpriority")).isFalse();
        assertThat(second.attr("alt")).as("the caption stands in").isEqualTo("विपक्ष के नेता");
        assertThat(second.attr("data-alt")).isEqualTo("caption");
        assertThat(second.attr("height")).isEqualTo("768");
        Element third = below.get(1).selectFirst("img");
        assertThat(third.hasAttr("alt")).isTrue();
        assertThat(third.attr("alt")).isEmpty();
        assertThat(third.attr("data-alt")).isEqualTo("none");
        assertThat(below.get(1).selectFirst("figcaption").text()).isEqualTo("ANI");
        assertThat(third.attr("width")).isEqualTo("1024");
        assertThat(third.attr("height")).isEqualTo("1365");

        Element video = below.get(2).selectFirst("video");
        assertThat(video.hasAttr("controls")).isTrue();
        assertThat(video.attr("preload")).isEqualTo("metadata");
        assertThat(video.attr("poster")).isEqualTo(url(media.renditionsOf(clip).get("poster.jpeg")));
        assertThat(video.selectFirst("source").attr("src")).isEqualTo(url(media.renditionsOf(clip).get("original.mp4")));
        assertThat(video.selectFirst("source").attr("type")).isEqualTo("video/mp4");
        Element audio = below.get(3).selectFirst("audio");
        assertThat(audio.hasAttr("controls")).isTrue();
        assertThat(audio.selectFirst("source").attr("type")).isEqualTo("audio/mpeg");
        assertThat(below.get(3).selectFirst("figcaption").text()).contains("रेडियो रिपोर्ट").contains("AIR");
        assertThat(d.select("[data-role=body] p")).as("figures add no paragraphs to the body").hasSize(2);

        // The head names our own 1200-wide picture and the three crops.
        Made og = made.get("og.jpeg");
        assertThat(meta(d, "og:image")).isEqualTo(base() + url(og));
        assertThat(meta(d, "og:image:width")).isEqualTo("1200");
        assertThat(meta(d, "og:image:height")).isEqualTo("675");
        assertThat(meta(d, "og:image:alt")).isEqualTo("वित्त मंत्री बजट ब्रीफ़केस के साथ");
        assertThat(meta(d, "twitter:card")).isEqualTo("summary_large_image");
        assertThat(meta(d, "twitter:image")).isEqualTo(base() + url(og));
        JsonNode ld = JSON.readTree(d.selectFirst("script[type=application/ld+json]").data());
        List<String> images = new ArrayList<>();
        ld.path("image").forEach(n -> images.add(n.asText()));
        assertThat(images).containsExactly(base() + url(made.get("r16x9.jpeg")), base() + url(made.get("r4x3.jpeg")),
                base() + url(made.get("r1x1.jpeg")));
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void aPictureNotYetReadyIsNeitherShownNorHotlinked(String engine) {
        open(engine);
        // The agency's picture is in the item (a ninjs association), but nothing has been made of it here.
        String url = Fixtures.publish(app, Fixtures.resource("site/edition-hi.json")).url();
        long story = MediaFixture.id(url);
        long pending = media.picture("urn:p:pending", 1600, 900, "कैप्शन", null, null, false, 9);
        media.status(pending, "pending");
        media.show(story, pending, 0);
        media.changed(story);
        app.publisher.catchUp();
        String html = new String(page(url), StandardCharsets.UTF_8);
        Document d = Jsoup.parse(html);
        assertThat(html).doesNotContain("img.example.com").doesNotContain("/media/");
        assertThat(d.select("figure, picture, img")).isEmpty();
        assertThat(meta(d, "og:image")).isNull();
        assertThat(meta(d, "twitter:card")).isEqualTo("summary");
        assertThat(d.selectFirst("script[type=application/ld+json]").data()).doesNotContain("\"image\"");
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void listingsShowThumbnailsAndTheHomePageLeadsWithAPicturedStory(String engine) {
        open(engine);
        long pictured = publish("urn:l:1", "क्रिकेट में भारत की जीत", "खेल");
        long newer = publish("urn:l:2", "बिना तस्वीर की ताज़ा ख़बर", "खेल");
        long p = media.picture("urn:p:l1", 1600, 900, "मैदान पर खिलाड़ी", "IANS", null, true, 4);
        media.show(pictured, p, 0);
        media.changed(pictured);
        app.publisher.catchUp();
        var made = media.renditionsOf(p);

        Document home = html("/");
        Element leadCard = home.selectFirst("main ol.stories li.lead");
        assertThat(leadCard).as("a lead story on the home page").isNotNull();
        assertThat(leadCard.selectFirst("h3 a").attr("href")).as("the newest story with a picture leads").isEqualTo(path(pictured));
        Element big = leadCard.selectFirst("picture.thumb img");
        assertThat(big.attr("src")).isEqualTo(url(made.get("w1024.jpeg")));
        assertThat(big.attr("srcset")).contains(" 320w").contains(" 1600w");
        assertThat(big.attr("loading")).isEqualTo("eager");
        assertThat(big.attr("width")).isEqualTo("1024");
        assertThat(big.attr("height")).isEqualTo("576");
        List<String> latest = home.select("main ol.stories").get(0).select("h3 a").eachAttr("href");
        assertThat(latest).containsSubsequence(path(pictured), path(newer));
        assertThat(home.select("main ol.stories li.lead")).hasSize(1);

        for (String listing : List.of("/sports/", "/tag/kerala/")) {
            Document d = html(listing);
            Element card = null;
            for (Element li : d.select("main ol.stories li")) {
                if (li.selectFirst("a[href=" + path(pictured) + "]") != null) card = li;
                if (li.selectFirst("a[href=" + path(newer) + "]") != null) {
                    assertThat(li.select("img")).as(listing + ": no picture, no img").isEmpty();
                }
            }
            assertThat(card).as(listing).isNotNull();
            Element thumb = card.selectFirst("picture.thumb img");
            assertThat(thumb.attr("src")).as(listing).isEqualTo(url(made.get("w320.jpeg")));
            assertThat(thumb.attr("width")).isEqualTo("320");
            assertThat(thumb.attr("height")).isEqualTo("180");
            assertThat(thumb.attr("loading")).isEqualTo("lazy");
            assertThat(thumb.attr("alt")).as("the headline beside it names the story").isEmpty();
            assertThat(card.selectFirst("picture.thumb source[type=image/webp]").attr("srcset"))
                    .isEqualTo(url(made.get("w320.webp")));
        }
        // The home page's section block for sports shows the thumbnail too.
        Element block = home.selectFirst("main section:has(h2 a[href=/sports/])");
        assertThat(block.select("picture.thumb img").eachAttr("src")).containsExactly(url(made.get("w320.jpeg")));
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void feedsCarryMediaContentAndSitemapsImageLoc(String engine) throws Exception {
        open(engine);
        long pictured = publish("urn:f:1", "चुनाव आयोग की घोषणा", "देश");
        publish("urn:f:2", "दूसरी ख़बर", "देश");
        long p = media.picture("urn:p:f1", 1600, 900, "आयोग का दफ़्तर", "IANS", null, true, 5);
        media.show(pictured, p, 0);
        media.changed(pictured);
        app.publisher.catchUp();
        app.publisher.rebuildAll(); // monthly sitemaps refresh every few seconds; this renders them now
        String og = base() + url(media.renditionsOf(p).get("og.jpeg"));

        for (String feed : List.of("/feed.xml", "/india/feed.xml")) {
            org.w3c.dom.Document x = FeedsTest.xml(page(feed));
            NodeList contents = x.getElementsByTagNameNS(RssFeed.MEDIA_NS, "content");
            assertThat(contents.getLength()).as(feed + ": one picture, one media:content").isEqualTo(1);
            org.w3c.dom.Element c = (org.w3c.dom.Element) contents.item(0);
            assertThat(c.getAttribute("url")).isEqualTo(og);
            assertThat(c.getAttribute("type")).isEqualTo("image/jpeg");
            assertThat(c.getAttribute("medium")).isEqualTo("image");
            assertThat(c.getAttribute("width")).isEqualTo("1200");
            assertThat(c.getAttribute("height")).isEqualTo("675");
            assertThat(c.getElementsByTagNameNS(RssFeed.MEDIA_NS, "description").item(0).getTextContent()).isEqualTo("आयोग का दफ़्तर");
            assertThat(c.getElementsByTagNameNS(RssFeed.MEDIA_NS, "credit").item(0).getTextContent()).isEqualTo("IANS");
            assertThat(((org.w3c.dom.Element) c.getParentNode()).getElementsByTagName("link").item(0).getTextContent())
                    .endsWith(path(pictured));
        }

        String month = Feeds.monthPath(YearMonth.now(app.config.site().zone()));
        for (String sitemap : List.of(month, Feeds.NEWS_PATH)) {
            byte[] body = page(sitemap);
            SitemapSchemaTest.validate(SitemapSchemaTest.URLSET, body);
            NodeList locs = FeedsTest.xml(body).getElementsByTagNameNS(Feeds.IMAGE_NS, "loc");
            assertThat(locs.getLength()).as(sitemap).isEqualTo(1);
            assertThat(locs.item(0).getTextContent()).isEqualTo(og);
            org.w3c.dom.Node url = locs.item(0).getParentNode().getParentNode();
            assertThat(((org.w3c.dom.Element) url).getElementsByTagNameNS(Feeds.SITEMAP_NS, "loc").item(0).getTextContent())
                    .endsWith(path(pictured));
        }
    }

    @Test
    void theMediaNamespacesAppearOnlyWhereAPictureDoes() {
        open(TestEngines.SQLITE);
        publish("urn:n:1", "तस्वीर के बिना", "देश");
        app.publisher.rebuildAll();
        assertThat(new String(page("/feed.xml"), StandardCharsets.UTF_8)).doesNotContain(RssFeed.MEDIA_NS);
        assertThat(new String(page(Feeds.NEWS_PATH), StandardCharsets.UTF_8)).doesNotContain(Feeds.IMAGE_NS);
    }
}
