package org.taar.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.taar.App;
import org.taar.Fixtures;
import org.taar.MediaFixture;
import org.taar.MediaFixture.Made;
import org.taar.TestEngines;
import org.taar.media.MediaFiles;

/** /media/ over loopback HTTP: immutable content-hashed answers, format choice, ranges, and every malformed address a 404. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MediaEndpointTest {
    private static final String CHROME_ACCEPT = "image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8";

    // Static: an instance field is not yet injected when @BeforeAll runs, and the store would land in ./taar-data.
    @TempDir static Path dir;
    private App app;
    private String base;
    private final HttpClient http = HttpClient.newHttpClient();
    private long story;
    private MediaFixture media;
    private Made w640;
    private Made w640webp;
    private Made jpegOnly;
    private Made video;
    private byte[] videoBytes;

    @BeforeAll
    void start() throws Exception {
        app = new App(TestEngines.config(TestEngines.SQLITE, dir), Clock.systemUTC());
        base = "http://127.0.0.1:" + app.serve("127.0.0.1", 0, false);
        story = MediaFixture.id(Fixtures.publish(app, Fixtures.wire("urn:media:1", 1, null, "तस्वीर वाली ख़बर", "देश")).url());
        media = new MediaFixture(app);
        long picture = media.picture("urn:p:1", 1600, 900, "कैप्शन", "IANS", null, true, 1);
        long plain = media.picture("urn:p:2", 1600, 900, "कैप्शन", "IANS", null, false, 2);
        videoBytes = MediaFixture.bytes(100_000);
        long clip = media.video("urn:v:1", videoBytes, "वीडियो", "ANI");
        media.show(story, picture, 0);
        media.show(story, plain, 1);
        media.show(story, clip, 2);
        w640 = media.renditionsOf(picture).get("w640.jpeg");
        w640webp = media.renditionsOf(picture).get("w640.webp");
        jpegOnly = media.renditionsOf(plain).get("w640.jpeg");
        video = media.renditionsOf(clip).get("original.mp4");
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        return send("GET", path, headers);
    }

    private HttpResponse<byte[]> send(String method, String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private byte[] file(Made m) throws IOException {
        return Files.readAllBytes(new MediaFiles(app.config.node().media()).pathOf(m.sha256()));
    }

    @Test
    void aRenditionIsServedForEverUnderItsDigest() throws Exception {
        HttpResponse<byte[]> r = get("/media/" + w640.sha256() + ".jpg");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(file(w640));
        assertThat(r.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(r.headers().firstValue("Content-Length")).hasValue(String.valueOf(w640.size()));
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(r.headers().firstValue("ETag")).hasValue("\"" + w640.sha256() + "\"");
        assertThat(r.headers().firstValue("Accept-Ranges")).hasValue("bytes");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(r.headers().firstValue("Vary")).as("one address, one representation").isEmpty();
        assertThat(r.headers().firstValue("Surrogate-Key").orElseThrow().split(" ")).contains("story-" + story);

        HttpResponse<byte[]> webp = get("/media/" + w640webp.sha256() + ".webp");
        assertThat(webp.statusCode()).isEqualTo(200);
        assertThat(webp.headers().firstValue("Content-Type")).hasValue("image/webp");
        assertThat(webp.body()).isEqualTo(file(w640webp));
    }

    @Test
    void aConditionalRequestForTheSameDigestIs304AndHeadSendsNoBody() throws Exception {
        String path = "/media/" + w640.sha256() + ".jpg";
        HttpResponse<byte[]> same = get(path, "If-None-Match", "\"" + w640.sha256() + "\"");
        assertThat(same.statusCode()).isEqualTo(304);
        assertThat(same.body()).isEmpty();
        assertThat(same.headers().firstValue("ETag")).hasValue("\"" + w640.sha256() + "\"");
        assertThat(get(path, "If-None-Match", "\"" + w640webp.sha256() + "\"").statusCode()).isEqualTo(200);

        HttpResponse<byte[]> head = send("HEAD", path);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Length")).hasValue(String.valueOf(w640.size()));
        assertThat(head.body()).isEmpty();
        assertThat(send("POST", path).statusCode()).isEqualTo(405);
    }

    @Test
    void aNamedPictureIsWebpToBrowsersThatTakeItAndJpegToOthers() throws Exception {
        String path = "/media/" + w640.sha256() + "/w640";
        HttpResponse<byte[]> chrome = get(path, "Accept", CHROME_ACCEPT);
        assertThat(chrome.statusCode()).isEqualTo(200);
        assertThat(chrome.headers().firstValue("Content-Type")).hasValue("image/webp");
        assertThat(chrome.body()).isEqualTo(file(w640webp));
        assertThat(chrome.headers().firstValue("Vary")).hasValue("Accept");
        assertThat(chrome.headers().firstValue("ETag")).hasValue("\"" + w640webp.sha256() + "\"");

        for (String accept : new String[] {"*/*", "image/*", "image/jpeg", "image/webp;q=0", "image/webp; q=0.000"}) {
            HttpResponse<byte[]> other = get(path, "Accept", accept);
            assertThat(other.headers().firstValue("Content-Type")).as(accept).hasValue("image/jpeg");
            assertThat(other.body()).isEqualTo(file(w640));
            assertThat(other.headers().firstValue("Vary")).hasValue("Accept");
        }
        // The other widths of the same picture, by the same digest.
        HttpResponse<byte[]> w320 = get("/media/" + w640.sha256() + "/w320", "Accept", "image/jpeg");
        assertThat(w320.body()).isEqualTo(file(media.renditionsOf(idOf(w640)).get("w320.jpeg")));
        // A picture made without WebP answers JPEG to every browser.
        HttpResponse<byte[]> plain = get("/media/" + jpegOnly.sha256() + "/w640", "Accept", CHROME_ACCEPT);
        assertThat(plain.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(plain.body()).isEqualTo(file(jpegOnly));
        assertThat(get("/media/" + video.sha256() + "/w640").statusCode()).as("a video has no widths").isEqualTo(404);
    }

    private long idOf(Made m) {
        return app.store.jdbi().withHandle(h -> h.createQuery("SELECT media_id FROM media_renditions WHERE sha256 = :s")
                .bind("s", m.sha256()).mapTo(Long.class).one());
    }

    @Test
    void aVideoAnswersSingleRangesSoAPlayerCanSeek() throws Exception {
        String path = "/media/" + video.sha256() + ".mp4";
        HttpResponse<byte[]> whole = get(path);
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.headers().firstValue("Content-Type")).hasValue("video/mp4");
        assertThat(whole.body()).isEqualTo(videoBytes);

        HttpResponse<byte[]> part = get(path, "Range", "bytes=1000-1999");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 1000-1999/100000");
        assertThat(part.headers().firstValue("Content-Length")).hasValue("1000");
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(videoBytes, 1000, 2000));

        HttpResponse<byte[]> tail = get(path, "Range", "bytes=-10");
        assertThat(tail.statusCode()).isEqualTo(206);
        assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(videoBytes, 99_990, 100_000));
        HttpResponse<byte[]> open = get(path, "Range", "bytes=99000-");
        assertThat(open.headers().firstValue("Content-Range")).hasValue("bytes 99000-99999/100000");
        HttpResponse<byte[]> huge = get(path, "Range", "bytes=0-999999999999999999999999");
        assertThat(huge.statusCode()).isEqualTo(206);
        assertThat(huge.body()).isEqualTo(videoBytes);

        HttpResponse<byte[]> beyond = get(path, "Range", "bytes=100000-");
        assertThat(beyond.statusCode()).isEqualTo(416);
        assertThat(beyond.headers().firstValue("Content-Range")).hasValue("bytes */100000");
        assertThat(beyond.body()).isEmpty();

        // Several ranges, backwards or negative ranges: the Range is ignored and the whole file sent.
        StringBuilder many = new StringBuilder("bytes=0-0");
        for (int i = 1; i < 500; i++) many.append(',').append(i * 10).append('-').append(i * 10 + 1);
        for (String header : new String[] {many.toString(), "bytes=500-100", "bytes=-5-10", "bytes=-1--5", "pages=1-2"}) {
            HttpResponse<byte[]> r = get(path, "Range", header);
            assertThat(r.statusCode()).as(header.length() > 40 ? "500 ranges" : header).isEqualTo(200);
            assertThat(r.body()).isEqualTo(videoBytes);
        }
        // A range of an older representation (If-Range names another ETag) gets the whole file.
        assertThat(get(path, "Range", "bytes=0-9", "If-Range", "\"other\"").statusCode()).isEqualTo(200);
        assertThat(get(path, "Range", "bytes=0-9", "If-Range", "\"" + video.sha256() + "\"").statusCode()).isEqualTo(206);
        HttpResponse<byte[]> head = send("HEAD", path, "Range", "bytes=0-9");
        assertThat(head.statusCode()).isEqualTo(206);
        assertThat(head.body()).isEmpty();
    }

    @Test
    void everyMalformedOrForeignAddressIs404() throws Exception {
        String sha = w640.sha256();
        // A file under DATA that is no rendition: its digest is well formed but not in the store.
        Path stray = dir.resolve("media").resolve("ab").resolve("cd");
        Files.createDirectories(stray);
        Files.writeString(stray.resolve("abcd" + "0".repeat(60)), "not ours");
        String[] paths = {
                "/media/", "/media", "/media/" + sha, "/media/" + sha + ".", "/media/" + sha + ".png",
                "/media/" + sha + ".webp", "/media/" + sha + ".jpg/", "/media/" + sha + ".jpg/x",
                "/media/" + sha.toUpperCase() + ".jpg", "/media/" + sha.substring(1) + ".jpg",
                "/media/" + sha + "0.jpg", "/media/" + sha.replace(sha.charAt(0), 'g') + ".jpg",
                "/media/" + "z".repeat(64) + ".jpg", "/media/abcd" + "0".repeat(60) + ".jpg",
                "/media/" + sha + "/w641", "/media/" + sha + "/original", "/media/" + sha + "/../" + sha + ".jpg/x",
                "/media/..%2f..%2ftaar.db", "/media/%2e%2e/%2e%2e/taar.db", "/media/" + sha + ".jpg%00.png",
                "/media/" + "0".repeat(64) + ".jpg"};
        for (String p : paths) {
            HttpResponse<byte[]> r = get(p);
            assertThat(r.statusCode()).as(p).isIn(400, 404);
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).as(p).doesNotContain("not ours");
        }
        assertThat(get("/media/" + sha + ".jpg?v=1").statusCode()).as("a query string changes nothing").isEqualTo(200);
    }

    @Test
    void aRawTraversalOnTheWireNeverReachesAFile() throws Exception {
        int port = URI.create(base).getPort();
        for (String target : new String[] {"/media/../taar.db", "/media/../../etc/passwd", "/media/%2e%2e/taar.db"}) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                s.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
                assertThat(answer).as(target).doesNotStartWith("HTTP/1.1 200").doesNotContain("SQLite format");
            }
        }
    }
}
