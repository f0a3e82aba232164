package org.taar.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.taar.App;
import org.taar.Fixtures;
import org.taar.MutableClock;
import org.taar.TestEngines;
import org.taar.item.NewsItem;
import org.taar.store.StoryVersion;
import org.taar.story.Outcome;
import org.taar.story.OutcomeStatus;
import org.taar.story.Status;
import org.taar.story.Story;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The sitemaps as a running server answers them, validated against XSDs written from the
 * published specifications (src/test/resources/xsd: sitemaps.org 0.9 and Google News 0.9).
 * Validation is secure: no DTDs, and no schema or DTD is ever fetched from outside.
 */
class SitemapSchemaTest {
    @TempDir Path dir;
    private final HttpClient http = HttpClient.newHttpClient();

    static final Schema URLSET = schema("xsd/sitemap.xsd", "xsd/sitemap-news.xsd", "xsd/sitemap-image.xsd");
    static final Schema INDEX = schema("xsd/siteindex.xsd");

    static Schema schema(String... resources) {
        try {
            SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            Source[] sources = new Source[resources.length];
            for (int i = 0; i < resources.length; i++) {
                sources[i] = new StreamSource(new ByteArrayInputStream(Fixtures.resource(resources[i])), resources[i]);
            }
            return f.newSchema(sources);
        } catch (SAXException e) {
            throw new IllegalStateException("test schema does not compile: " + e.getMessage(), e);
        }
    }

    /** Throws SAXException naming the line when {@code xml} is not valid against {@code schema}. */
    static void validate(Schema schema, byte[] xml) throws Exception {
        Validator v = schema.newValidator();
        v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        // The validator's own parser would still read a DTD; this reader refuses any DOCTYPE.
        javax.xml.parsers.SAXParserFactory f = javax.xml.parsers.SAXParserFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        v.validate(new javax.xml.transform.sax.SAXSource(f.newSAXParser().getXMLReader(),
                new org.xml.sax.InputSource(new ByteArrayInputStream(xml))));
    }

    private record Served(int status, byte[] body) {}

    private Served get(String url) throws Exception {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return new Served(r.statusCode(), r.body());
    }

    private static List<String> locs(Document doc) {
        NodeList nodes = doc.getElementsByTagNameNS(Feeds.SITEMAP_NS, "loc");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) out.add(nodes.item(i).getTextContent());
        return out;
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void servedSitemapsValidateAgainstTheProtocolSchemas(String engine) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2025-06-29T05:49:00Z"));
        try (App app = new App(TestEngines.config(engine, dir), clock)) {
            int port = app.serve("127.0.0.1", 0, false);
            String local = "http://127.0.0.1:" + port;
            String base = app.config.site().baseUrl();
            Outcome june = Fixtures.publish(app, Fixtures.wire("urn:xsd:1", 1, null, "जून की ख़बर & <चिह्न>", "देश"));
            clock.advance(Duration.ofDays(3)); // 2 July: the June story is past the news window
            Outcome july = Fixtures.publish(app, Fixtures.wire("urn:xsd:2", 1, null, "जुलाई की ख़बर", "खेल"));
            app.publisher.rebuildAll(); // monthly sitemaps are refreshed every few seconds; this lists them now

            Served index = get(local + "/sitemap.xml");
            assertThat(index.status()).isEqualTo(200);
            validate(INDEX, index.body());
            List<String> sitemaps = locs(FeedsTest.xml(index.body()));
            assertThat(sitemaps).containsExactly(base + "/sitemap-news.xml", base + "/sitemap-2025-07.xml",
                    base + "/sitemap-2025-06.xml");
            for (String loc : sitemaps) {
                Served s = get(local + loc.substring(base.length()));
                assertThat(s.status()).as(loc).isEqualTo(200);
                validate(URLSET, s.body());
                assertThat(locs(FeedsTest.xml(s.body()))).as("the protocol's limit per file").hasSizeLessThanOrEqualTo(50_000);
            }

            Document news = FeedsTest.xml(get(local + "/sitemap-news.xml").body());
            assertThat(locs(news)).as("only the last 48 hours").containsExactly(base + july.url());
            assertThat(locs(FeedsTest.xml(get(local + "/sitemap-2025-06.xml").body()))).containsExactly(base + june.url());

            String robots = new String(get(local + "/robots.txt").body(), StandardCharsets.UTF_8);
            assertThat(robots.lines()).contains("Sitemap: " + base + "/sitemap.xml",
                    "Sitemap: " + base + "/sitemap-news.xml");
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void newsSitemapHoldsAtMostTheNewestThousand(String engine) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2025-07-12T05:49:00Z"));
        try (App app = new App(TestEngines.config(engine, dir), clock)) {
            // The publisher alone (no server, search index or threads): this test is about what it selects.
            int n = Feeds.NEWS_MAX + 1;
            // Stored directly (the pipeline and 1,001 article pages would take a minute): published
            // one second apart, the newest last; none of them writes an event.
            Instant now = clock.instant();
            List<String> paths = new ArrayList<>();
            app.stories.store().jdbi().useTransaction(h -> {
                for (int i = 0; i < n; i++) {
                    NewsItem.Builder b = NewsItem.builder();
                    b.uri = "urn:many:" + i;
                    b.headline = "समाचार क्रमांक " + i;
                    b.language = "hi";
                    Instant at = now.minusSeconds(n - i);
                    long id = app.writes.record(h, new StoryVersion(new StoryVersion.Row.Insert("ians", Status.PUBLISHED,
                            "india", "samachar-" + i, at, null), b.build(), null, at, OutcomeStatus.PUBLISHED, null, null,
                            false, null, List.of(), null));
                    paths.add(Story.path("india", "samachar-" + i, id));
                }
            });
            // One story through the pipeline: its event makes the publisher render the news sitemap.
            Outcome latest = Fixtures.publish(app, Fixtures.wire("urn:many:last", 1, null, "सबसे नई ख़बर", "देश"));
            String base = app.config.site().baseUrl();

            byte[] body = app.pages.get("/sitemap-news.xml").orElseThrow().body();
            validate(URLSET, body);
            List<String> locs = locs(FeedsTest.xml(body));
            assertThat(locs).hasSize(Feeds.NEWS_MAX).doesNotHaveDuplicates();
            assertThat(locs.get(0)).as("newest first").isEqualTo(base + latest.url());
            assertThat(locs).contains(base + paths.get(n - 1), base + paths.get(2))
                    .doesNotContain(base + paths.get(0), base + paths.get(1));
        }
    }

    @Test
    void schemasRejectWhatTheSpecificationsForbid() {
        String ok = "<url><loc>https://news.example.in/india/a-1</loc><news:news><news:publication><news:name>तार</news:name>"
                + "<news:language>hi</news:language></news:publication><news:publication_date>2025-07-12T11:19:00+05:30"
                + "</news:publication_date><news:title>शीर्षक</news:title></news:news></url>";
        assertThatCode(() -> validate(URLSET, urlset(ok))).doesNotThrowAnyException();
        for (String bad : new String[] {
                ok.replace("+05:30", ""),                                 // a date-time without its zone
                ok.replace(">hi<", ">hi-IN<"),                              // Google wants the bare ISO 639 code
                ok.replace("https://news.example.in/india/a-1", "/india/a-1"), // loc must be absolute
                ok.replace("<news:title>शीर्षक</news:title>", ""),          // title is required
                ok.replace("</loc>", "</loc><lastmod>12 July 2025</lastmod>"), // lastmod is W3C Datetime
        }) {
            assertThatThrownBy(() -> validate(URLSET, urlset(bad))).as(bad).isInstanceOf(SAXException.class);
        }
        byte[] entity = ("<?xml version=\"1.0\"?><!DOCTYPE urlset [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<urlset xmlns=\"" + Feeds.SITEMAP_NS + "\"><url><loc>https://a.example/&x;</loc></url></urlset>")
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> validate(URLSET, entity)).as("no DTDs, so no external entities").isInstanceOf(SAXException.class)
                .hasMessageContaining("DOCTYPE");
        byte[] emptyIndex = ("<sitemapindex xmlns=\"" + Feeds.SITEMAP_NS + "\"><sitemap><loc>relative.xml</loc></sitemap></sitemapindex>")
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> validate(INDEX, emptyIndex)).isInstanceOf(SAXException.class);
    }

    private static byte[] urlset(String urls) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><urlset xmlns=\"" + Feeds.SITEMAP_NS + "\" xmlns:news=\""
                + Feeds.NEWS_NS + "\">" + urls + "</urlset>").getBytes(StandardCharsets.UTF_8);
    }
}
