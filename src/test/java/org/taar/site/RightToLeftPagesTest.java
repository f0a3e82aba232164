package org.taar.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taar.App;
import org.taar.Fixtures;
import org.taar.TestEngines;
import org.taar.story.Outcome;

/**
 * An Urdu story on a Hindi site, as served: its own text says {@code lang="ur" dir="rtl"} on every page
 * that shows it (article, home, section, tag, search, feed), while the site's furniture says nothing
 * and so stays left to right; a Hindi story beside it gains no attribute.
 */
class RightToLeftPagesTest {
    @TempDir Path dir;
    private final HttpClient http = HttpClient.newHttpClient();
    private String base;

    private Document get(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return path.endsWith(".xml") ? Jsoup.parse(r.body(), "", Parser.xmlParser()) : Jsoup.parse(r.body(), base + path);
    }

    private static void rightToLeftUrdu(Element e) {
        assertThat(e).as("an element with the Urdu text").isNotNull();
        assertThat(e.attr("lang")).as(e.outerHtml()).isEqualTo("ur");
        assertThat(e.attr("dir")).as(e.outerHtml()).isEqualTo("rtl");
    }

    private static void unmarked(Element e) {
        assertThat(e).isNotNull();
        assertThat(e.hasAttr("lang")).as(e.outerHtml()).isFalse();
        assertThat(e.hasAttr("dir")).as(e.outerHtml()).isFalse();
    }

    /** The innermost heading or paragraph holding {@code text}. */
    private static Element holding(Document d, String tags, String text) {
        return d.select(tags).stream().filter(e -> e.text().contains(text)).findFirst().orElse(null);
    }

    @Test
    void anUrduStoryIsMarkedRightToLeftWhereverItsTextAppears() throws Exception {
        Files.writeString(dir.resolve("taar.yml"), "sources:\n  ians:\n    full_text_in_feeds: true\n");
        try (App app = new App(TestEngines.config(TestEngines.SQLITE, dir), Clock.systemUTC())) {
            base = "http://127.0.0.1:" + app.serve("127.0.0.1", 0, false);
            Outcome hindi = Fixtures.publish(app, Fixtures.wire("urn:rtl:hi", 1, null, "दिल्ली में बारिश", "देश"));
            Outcome urdu = Fixtures.publish(app, UrduStory.wire("urn:rtl:ur", "ur"));
            Outcome later = Fixtures.publish(app, Fixtures.wire("urn:rtl:hi2", 1, null, "पटना में धूप", "देश"));
            app.indexer().catchUp();

            Document article = get(urdu.url());
            assertThat(article.selectFirst("html").attr("lang")).as("the page is the site's").isEqualTo("hi");
            assertThat(article.selectFirst("html").hasAttr("dir")).isFalse();
            rightToLeftUrdu(article.selectFirst("article h1"));
            rightToLeftUrdu(article.selectFirst("[data-role=summary]"));
            Element text = article.selectFirst("[data-role=body] .text");
            rightToLeftUrdu(text);
            assertThat(text.text()).contains("محکمہ موسمیات");
            // The furniture: navigation, section label, dates and labels stay as they are.
            unmarked(article.selectFirst("header.site"));
            unmarked(article.selectFirst("nav.sections"));
            unmarked(article.selectFirst("[data-role=section]"));
            unmarked(article.selectFirst("[data-role=created]"));
            assertThat(article.select("[data-role=tags] a").eachAttr("dir")).containsOnly("auto");
            assertThat(article.select("[dir=rtl]").stream().map(Element::text))
                    .as("nothing but the story's text runs right to left").allMatch(t -> !t.contains("Created On"));

            Document hindiArticle = get(hindi.url());
            unmarked(hindiArticle.selectFirst("article h1"));
            unmarked(hindiArticle.selectFirst("[data-role=body] .text"));
            // "Next" is the older story: under the later Hindi story it is the Urdu one, whose headline
            // is marked while the label before it is not; under the Urdu story it is the Hindi one.
            Element next = get(later.url()).selectFirst("a[rel=next]");
            unmarked(next);
            assertThat(next.selectFirst("span").text()).isEqualTo(UrduStory.HEADLINE);
            rightToLeftUrdu(next.selectFirst("span"));
            Element back = article.selectFirst("a[rel=next] span");
            assertThat(back.text()).isEqualTo("दिल्ली में बारिश");
            unmarked(back);

            for (String path : new String[] {"/", "/india/"}) {
                Document listing = get(path);
                assertThat(listing.selectFirst("html").hasAttr("dir")).isFalse();
                rightToLeftUrdu(holding(listing, "h2, h3", UrduStory.HEADLINE));
                rightToLeftUrdu(holding(listing, "ol.stories p", UrduStory.SUMMARY));
                unmarked(holding(listing, "h2, h3", "दिल्ली में बारिश"));
            }
            String tagPath = article.select("[data-role=tags] a").stream()
                    .filter(a -> a.text().equals("موسم")).findFirst().orElseThrow().attr("href");
            Document tag = get(tagPath);
            rightToLeftUrdu(holding(tag, "h2, h3", UrduStory.HEADLINE));
            assertThat(tag.selectFirst("h1").attr("dir")).as("the tag's name decides its own heading").isEqualTo("auto");

            Document search = get("/search?q=" + URLEncoder.encode(UrduStory.WORD, StandardCharsets.UTF_8));
            Element hit = search.selectFirst("[data-role=results] h2");
            rightToLeftUrdu(hit);
            assertThat(hit.text()).isEqualTo(UrduStory.HEADLINE);
            assertThat(search.selectFirst("[data-role=results] li p").attr("dir")).isEqualTo("rtl");
            assertThat(search.select("input[type=search]").eachAttr("dir")).as("a query types its own way").containsOnly("auto");

            Document feed = get("/feed.xml");
            assertThat(feed.selectFirst("channel > language").text()).isEqualTo("hi");
            Element urduItem = feed.select("item").stream().filter(i -> i.selectFirst("title").text()
                    .equals(UrduStory.HEADLINE)).findFirst().orElseThrow();
            assertThat(urduItem.selectFirst("dc|language").text()).isEqualTo("ur");
            Document body = Jsoup.parseBodyFragment(urduItem.selectFirst("content|encoded").text());
            rightToLeftUrdu(body.body().child(0));
            Element hindiItem = feed.select("item").stream().filter(i -> i.selectFirst("title").text()
                    .equals("दिल्ली में बारिश")).findFirst().orElseThrow();
            assertThat(hindiItem.selectFirst("dc|language")).isNull();
            assertThat(hindiItem.selectFirst("content|encoded").text()).startsWith("<p>");
        }
    }

    @Test
    void aStoryWhoseLanguageIsGarbageOrMissingIsLeftToItsOwnLetters() throws Exception {
        try (App app = new App(TestEngines.config(TestEngines.SQLITE, dir), Clock.systemUTC())) {
            base = "http://127.0.0.1:" + app.serve("127.0.0.1", 0, false);
            Outcome hostile = Fixtures.publish(app, UrduStory.wire("urn:rtl:hostile", "ur\"><script>alert(1)</script>"));
            Outcome unnamed = Fixtures.publish(app, UrduStory.wire("urn:rtl:unnamed", null));
            for (Outcome o : new Outcome[] {hostile, unnamed}) {
                Document d = get(o.url());
                Element h1 = d.selectFirst("article h1");
                assertThat(h1.hasAttr("lang")).as(o.uri() + ": no language to name").isFalse();
                assertThat(h1.attr("dir")).as(o.uri() + ": the browser decides from the letters").isEqualTo("auto");
                assertThat(d.select("script:not([type=application/ld+json])").outerHtml()).doesNotContain("alert(1)");
            }
        }
    }
}
