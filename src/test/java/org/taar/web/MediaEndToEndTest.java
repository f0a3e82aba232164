package org.taar.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.taar.media.SamplePictures;
import org.taar.App;
import org.taar.Eventually;
import org.taar.Fixtures;
import org.taar.MutableClock;
import org.taar.TestEngines;

/**
 * The whole way of a picture with the product's own parts and no stand-ins: pushed beside its story,
 * archived, rendered by PictureRenderer in the background, shown on the article page from our own
 * URLs (WebP to a browser that takes it, JPEG otherwise), and gone with its story.
 */
class MediaEndToEndTest {
    private static final Pattern LEAD = Pattern.compile("<img[^>]*src=\"(/media/[0-9a-f]{64}\\.jpg)\"");
    @TempDir Path dir;
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<byte[]> get(int port, String path, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Accept", accept)
                .build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<String> push(int port, String key, byte[] story, byte[] picture) throws Exception {
        byte[] body = MultipartPushTest.body(MultipartPushTest.field("story", "story.txt", "text/plain"), story,
                MultipartPushTest.field("photo", "photo.jpg", "image/jpeg"), picture);
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/ingest"))
                .header("Authorization", "Bearer " + key).header("Content-Type", MultipartPushTest.TYPE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void aPushedPictureIsRenderedShownFromOurOwnAddressesAndGoesWithItsStory(String engine) throws Exception {
        try (App app = new App(TestEngines.config(engine, dir), new MutableClock(Instant.parse("2025-07-12T05:49:00Z")))) {
            int port = app.serve("127.0.0.1", 0, false);
            String key = app.pushKeys.create("ians");
            HttpResponse<String> pushed = push(port, key, Fixtures.wire("urn:e2e:1", 1, null, "बाढ़ से राहत", "देश"),
                    SamplePictures.jpeg(1600, 1200, 7));
            assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(202);
            String path = pushed.body().replaceAll(".*\"url\"\\s*:\\s*\"([^\"]+)\".*", "$1");

            String page = Eventually.value(Duration.ofSeconds(20),
                    () -> new String(get(port, path, "text/html").body(), java.nio.charset.StandardCharsets.UTF_8),
                    html -> LEAD.matcher(html).find());
            assertThat(page).contains("<figure").contains("type=\"image/webp\"").contains("width=\"").contains("height=\"");
            assertThat(page).doesNotContain("photo.jpg");
            Matcher lead = LEAD.matcher(page);
            assertThat(lead.find()).isTrue();
            HttpResponse<byte[]> jpeg = get(port, lead.group(1), "image/*");
            assertThat(jpeg.statusCode()).isEqualTo(200);
            assertThat(jpeg.headers().firstValue("Content-Type")).hasValue("image/jpeg");
            assertThat(jpeg.headers().firstValue("Cache-Control").orElseThrow()).contains("immutable");
            BufferedImage shown = ImageIO.read(new ByteArrayInputStream(jpeg.body()));
            assertThat(shown.getWidth()).isLessThanOrEqualTo(1600);
            assertThat(shown.getHeight() * 4).isEqualTo(shown.getWidth() * 3);

            // The same picture by size: WebP to a browser that takes it, JPEG to one that does not.
            String sha = lead.group(1).substring(7, 71);
            HttpResponse<byte[]> webp = get(port, "/media/" + sha + "/w640", "image/avif,image/webp,*/*");
            assertThat(webp.statusCode()).isEqualTo(200);
            assertThat(webp.headers().firstValue("Content-Type")).hasValue("image/webp");
            assertThat(new String(webp.body(), 8, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("WEBP");
            assertThat(get(port, "/media/" + sha + "/w640", "image/jpeg").headers().firstValue("Content-Type"))
                    .hasValue("image/jpeg");

            // The agency kills the story: its page and its picture answer 410.
            HttpResponse<String> killed = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/ingest"))
                    .header("Authorization", "Bearer " + key).header("Content-Type", "text/plain; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(
                            Fixtures.wire("urn:e2e:1", 2, "canceled", "बाढ़ से राहत", "देश"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(killed.statusCode()).as(killed.body()).isEqualTo(202);
            assertThat(Eventually.until(Duration.ofSeconds(10), () -> get(port, lead.group(1), "image/*").statusCode() == 410))
                    .as("the killed story's picture answers 410").isTrue();
            assertThat(get(port, path, "text/html").statusCode()).isEqualTo(410);
        }
    }
}
