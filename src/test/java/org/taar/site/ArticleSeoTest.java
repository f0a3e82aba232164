package org.taar.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.taar.App;
import org.taar.Fixtures;
import org.taar.MutableClock;
import org.taar.TestEngines;
import org.taar.story.LanguageEditions;
import org.taar.story.Outcome;

/**
 * What search engines and aggregators read from an article page: JSON-LD (NewsArticle and
 * BreadcrumbList), OpenGraph and Twitter tags, the canonical link, hreflang between the language
 * editions of a story, and the page's weight.
 */
class ArticleSeoTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LOGO = "https://news.example.in/logo-600x60.png";
    @TempDir Path dir;

    private App open(String engine, MutableClock clock) throws Exception {
        Files.writeString(dir.resolve("taar.yml"), """
                site:
                  base_url: https://news.example.in
                  logo: %s
                """.formatted(LOGO));
        return new App(TestEngines.config(engine, dir), clock);
    }

    private static Document page(App app, String path) {
        byte[] body = app.pages.get(path).orElseThrow(() -> new AssertionError("not cached: " + path)).body();
        return Jsoup.parse(new String(body, StandardCharsets.UTF_8), "https://news.example.in" + path);
    }

    private static String meta(Document d, String key) {
        Element e = d.selectFirst("meta[property=" + key + "], meta[name=" + key + "]");
        return e == null ? null : e.attr("content");
    }

    private static List<JsonNode> jsonLd(Document d) throws Exception {
        List<JsonNode> out = new java.util.ArrayList<>();
        for (Element s : d.select("script[type=application/ld+json]")) out.add(JSON.readTree(s.data()));
        return out;
    }

    private static byte[] ninjs(String name, String pubstatus) {
        String text = new String(Fixtures.resource("site/" + name), StandardCharsets.UTF_8);
        return (pubstatus == null ? text : text.replace("\"version\": \"1\"", "\"version\": \"2\"")
                .replace("\"pubstatus\": \"usable\"", "\"pubstatus\": \"" + pubstatus + "\"")).getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void articleHeadCarriesNewsArticleBreadcrumbsAndSocialTags(String engine) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2025-07-12T05:49:00Z"));
        try (App app = open(engine, clock)) {
            app.publisher.rebuildAll();
            Outcome hi = Fixtures.publish(app, ninjs("edition-hi.json", null));
            clock.advance(Duration.ofMinutes(30));
            Fixtures.publish(app, ninjs("edition-hi.json", "usable")); // version 2: "Updated On"
            String url = "https://news.example.in" + hi.url();
            Document d = page(app, hi.url());
            String headline = "अमेरिका और भारत के बीच स्वच्छ ऊर्जा पर नया समझौता </script><script>alert(1)</script>";

            // A headline holding "</script>" must not end the JSON-LD early: two blocks, nothing else.
            assertThat(d.select("script")).hasSize(2);
            assertThat(d.select("script").eachAttr("type")).containsOnly("application/ld+json");
            String html = d.outerHtml();
            for (Element s : d.select("script")) {
                assertThat(s.data()).doesNotContain("</").doesNotContain("<").doesNotContain("\u2028");
            }
            assertThat(html).doesNotContain("<script>alert");

            List<JsonNode> ld = jsonLd(d);
            JsonNode article = ld.get(0);
            assertThat(article.path("@type").asText()).isEqualTo("NewsArticle");
            assertThat(article.path("headline").asText()).isEqualTo(headline);
            assertThat(article.path("description").asText()).contains("\u2028").as("U+2028 survives as an escape");
            assertThat(article.path("datePublished").asText()).isEqualTo("2025-07-12T05:49:00Z");
            assertThat(article.path("dateModified").asText()).isEqualTo("2025-07-12T06:19:00Z");
            assertThat(article.path("articleSection").asText()).isNotBlank();
            assertThat(article.path("keywords").asText()).contains("अमेरिका").contains("भारत");
            assertThat(article.path("author").get(0).path("@type").asText()).isEqualTo("Organization");
            assertThat(article.path("author").get(0).path("name").asText()).isEqualTo("IANS");
            JsonNode publisher = article.path("publisher");
            assertThat(publisher.path("@type").asText()).isEqualTo("Organization");
            assertThat(publisher.path("name").asText()).isEqualTo(app.config.site().name());
            assertThat(publisher.path("logo").path("url").asText()).isEqualTo(LOGO);
            // The agency's picture is not made ready here (no media stage in this test): never hotlinked.
            assertThat(article.has("image")).isFalse();
            assertThat(article.path("isAccessibleForFree").asBoolean()).isTrue();
            assertThat(article.path("mainEntityOfPage").path("@id").asText()).isEqualTo(url);

            JsonNode crumbs = ld.get(1);
            assertThat(crumbs.path("@type").asText()).isEqualTo("BreadcrumbList");
            JsonNode items = crumbs.path("itemListElement");
            assertThat(items).hasSize(3);
            String section = hi.url().substring(0, hi.url().indexOf('/', 1) + 1);
            assertThat(items.get(0).path("item").asText()).isEqualTo("https://news.example.in/");
            assertThat(items.get(1).path("item").asText()).isEqualTo("https://news.example.in" + section);
            assertThat(items.get(1).path("name").asText()).isEqualTo(article.path("articleSection").asText());
            assertThat(items.get(2).path("item").asText()).isEqualTo(url);
            assertThat(items.get(2).path("position").asInt()).isEqualTo(3);

            assertThat(d.selectFirst("link[rel=canonical]").attr("href")).isEqualTo(url);
            assertThat(meta(d, "og:title")).isEqualTo(headline);
            assertThat(meta(d, "og:description")).startsWith("दोनों देशों ने");
            assertThat(meta(d, "og:url")).isEqualTo(url);
            assertThat(meta(d, "og:type")).isEqualTo("article");
            assertThat(meta(d, "og:site_name")).isEqualTo(app.config.site().name());
            assertThat(meta(d, "og:locale")).isEqualTo("hi_IN");
            assertThat(meta(d, "og:image")).as("only our own renditions (MediaPagesTest)").isNull();
            assertThat(meta(d, "article:published_time")).isEqualTo("2025-07-12T05:49:00Z");
            assertThat(meta(d, "article:modified_time")).isEqualTo("2025-07-12T06:19:00Z");
            assertThat(meta(d, "article:section")).isEqualTo(article.path("articleSection").asText());
            assertThat(meta(d, "twitter:card")).isEqualTo("summary");
            assertThat(d.outerHtml()).doesNotContain("img.example.com");
            assertThat(d.select("link[hreflang]")).as("no other edition yet").isEmpty();

            // A story without a picture: no og:image, no image in JSON-LD, the small card.
            Outcome plain = Fixtures.publish(app, Fixtures.wire("urn:seo:plain", 1, null, "बिना तस्वीर की ख़बर", "देश"));
            Document p = page(app, plain.url());
            assertThat(meta(p, "og:image")).isNull();
            assertThat(jsonLd(p).get(0).has("image")).isFalse();
            assertThat(meta(p, "twitter:card")).isEqualTo("summary");
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void languageEditionsLinkEachOtherWithHreflangUntilOneIsKilled(String engine) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2025-07-12T05:49:00Z"));
        try (App app = open(engine, clock)) {
            app.publisher.rebuildAll();
            Outcome hi = Fixtures.publish(app, ninjs("edition-hi.json", null));
            Outcome other = Fixtures.publish(app, Fixtures.wire("urn:ians:2025-07-12:0043-en", 1, null, "अलग ख़बर", "देश"));
            Outcome en = Fixtures.publish(app, ninjs("edition-en.json", null));
            String hiUrl = "https://news.example.in" + hi.url();
            String enUrl = "https://news.example.in" + en.url();

            for (String path : List.of(hi.url(), en.url())) {
                Document d = page(app, path);
                assertThat(d.select("link[rel=alternate][hreflang=hi]").eachAttr("href")).as(path).containsExactly(hiUrl);
                assertThat(d.select("link[rel=alternate][hreflang=en]").eachAttr("href")).as(path).containsExactly(enUrl);
            }
            assertThat(page(app, other.url()).select("link[hreflang]")).as("another story's uri").isEmpty();
            Document enPage = page(app, en.url());
            // The page's furniture is the Hindi site's; the story's own text says it is English.
            assertThat(enPage.selectFirst("html").attr("lang")).isEqualTo("hi");
            assertThat(enPage.selectFirst("article h1").attr("lang")).isEqualTo("en");
            assertThat(enPage.selectFirst("article h1").hasAttr("dir")).as("English runs as Hindi does").isFalse();
            assertThat(meta(enPage, "og:locale")).isEqualTo("en");
            assertThat(enPage.select("meta[property=og:locale:alternate]").eachAttr("content")).containsExactly("hi_IN");
            JsonNode author = jsonLd(enPage).get(0).path("author").get(0);
            assertThat(author.path("@type").asText()).isEqualTo("Person");
            assertThat(author.path("name").asText()).isEqualTo("Arun Kumar");

            Fixtures.publish(app, ninjs("edition-en.json", "canceled"));
            assertThat(page(app, hi.url()).select("link[hreflang]")).as("a killed edition is no longer linked").isEmpty();
        }
    }

    @Test
    void languageSuffixRule() {
        assertThat(LanguageEditions.base("urn:ians:42-en", "en")).isEqualTo("urn:ians:42");
        assertThat(LanguageEditions.base("urn:ians:42_HI", "hi-IN")).isEqualTo("urn:ians:42");
        assertThat(LanguageEditions.base("urn:ians:42-in", "hi")).as("not the story's language").isEqualTo("urn:ians:42-in");
        assertThat(LanguageEditions.base("en", "en")).as("nothing but a suffix").isEqualTo("en");
        assertThat(LanguageEditions.candidateUris("urn:ians:42", "hi")).contains("urn:ians:42-en", "urn:ians:42:en")
                .doesNotContain("urn:ians:42");
        assertThat(LanguageEditions.candidateUris("urn:ians:42-hi", "hi")).contains("urn:ians:42", "urn:ians:42-en")
                .doesNotContain("urn:ians:42-hi");
        assertThat(ArticleHead.ogLocale("hi")).isEqualTo("hi_IN");
        assertThat(ArticleHead.ogLocale("en-GB")).isEqualTo("en_GB");
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void longHindiArticleWithItsStylesheetsWeighsUnder50KB(String engine) throws Exception {
        try (App app = open(engine, new MutableClock(Instant.parse("2025-07-12T05:49:00Z")))) {
            int port = app.serve("127.0.0.1", 0, false);
            String local = "http://127.0.0.1:" + port;
            Outcome story = Fixtures.publish(app, Fixtures.resource("site/long-hindi.txt"));
            HttpClient http = HttpClient.newHttpClient();
            // No Accept-Encoding: the weight before compression.
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(local + story.url())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).isEqualTo(200);
            Document d = Jsoup.parse(new String(r.body(), StandardCharsets.UTF_8), local + story.url());
            String text = d.selectFirst("[data-role=body]").text();
            assertThat(text.split("\\s+").length).as("the fixture is a long story").isGreaterThan(1_400);

            long total = r.body().length; // inline <style> is part of the HTML
            for (Element link : d.select("link[rel=stylesheet]")) {
                HttpResponse<byte[]> css = http.send(HttpRequest.newBuilder(URI.create(link.absUrl("href"))).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertThat(css.statusCode()).as(link.attr("href")).isEqualTo(200);
                total += css.body().length;
            }
            System.out.printf("article weight: html %d bytes, with stylesheets %d bytes%n", r.body().length, total);
            assertThat(total).isLessThan(50 * 1024);
        }
    }
}
