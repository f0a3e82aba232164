package org.taar.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.taar.format.Attachment;
import org.taar.media.SamplePictures;

/** Reading a multipart push: the story part, its attachments, and what a hostile sender tries. */
class MultipartPushTest {
    static final String BOUNDARY = "taar-test-boundary";
    static final String TYPE = "multipart/form-data; boundary=" + BOUNDARY;

    /** A multipart body; each part is {headers, body}. */
    static byte[] body(Object... headersAndBodies) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < headersAndBodies.length; i += 2) {
            out.writeBytes(("--" + BOUNDARY + "\r\n" + headersAndBodies[i] + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            Object b = headersAndBodies[i + 1];
            out.writeBytes(b instanceof byte[] bytes ? bytes : b.toString().getBytes(StandardCharsets.UTF_8));
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    static String field(String name, String filename, String type) {
        return "Content-Disposition: form-data; name=\"" + name + "\""
                + (filename == null ? "" : "; filename=\"" + filename + "\"")
                + (type == null ? "" : "\r\nContent-Type: " + type);
    }

    @Test
    void thePartNamedStoryIsTheDeliveryAndTheOthersAreItsAttachments() throws Exception {
        byte[] jpeg = SamplePictures.jpeg(300, 200, 1);
        byte[] png = SamplePictures.png(30, 20, 2);
        MultipartPush.Parsed p = MultipartPush.parse(body(
                field("photo", "lead.jpg", "image/jpeg"), jpeg,
                field("story", "story.xml", "application/xml"), "<nitf/>",
                field("extra", "लीड फ़ोटो.png", "image/png"), png), TYPE);
        assertThat(p.name()).isEqualTo("story.xml");
        assertThat(new String(p.story(), StandardCharsets.UTF_8)).isEqualTo("<nitf/>");
        assertThat(p.attachments()).extracting(Attachment::name).containsExactly("lead.jpg", "लीड फ़ोटो.png");
        assertThat(p.attachments().get(0).content()).isEqualTo(jpeg);
        assertThat(p.attachments().get(1).contentType()).isEqualTo("image/png");
    }

    @Test
    void withoutAStoryPartTheFirstPartThatIsNoPictureIsTheStory() throws Exception {
        byte[] jpeg = SamplePictures.jpeg(30, 20, 1);
        // Named .txt and sent as text/plain, the JPEG is still a picture: its bytes say so.
        MultipartPush.Parsed p = MultipartPush.parse(body(
                field("a", "not-a-story.txt", "text/plain"), jpeg,
                field("b", "copy.txt", "text/plain"), "Headline: शीर्षक\n\nपाठ"), "multipart/mixed; boundary=\"" + BOUNDARY + "\"");
        assertThat(p.name()).isEqualTo("copy.txt");
        assertThat(p.attachments()).extracting(Attachment::name).containsExactly("not-a-story.txt");
    }

    @Test
    void aBodyWithoutABoundaryOrWithoutAStoryIsRefused() {
        assertThatThrownBy(() -> MultipartPush.parse(body(field("story", null, null), "x"), "multipart/form-data"))
                .isInstanceOf(MultipartPush.Refused.class).hasMessageContaining("boundary");
        assertThatThrownBy(() -> MultipartPush.parse(body(field("photo", "a.jpg", "image/jpeg"), SamplePictures.jpeg(20, 20, 1)),
                TYPE)).isInstanceOf(MultipartPush.Refused.class).hasMessageContaining("no story part");
        assertThatThrownBy(() -> MultipartPush.parse("no parts here at all".getBytes(StandardCharsets.UTF_8), TYPE))
                .isInstanceOf(MultipartPush.Refused.class).hasMessageContaining("no story part");
    }

    @Test
    void tenThousandTinyPartsAreRefusedCheaply() {
        Object[] parts = new Object[20_000];
        for (int i = 0; i < parts.length; i += 2) {
            parts[i] = field("p" + i, null, null);
            parts[i + 1] = "x";
        }
        byte[] b = body(parts);
        long start = System.nanoTime();
        assertThatThrownBy(() -> MultipartPush.parse(b, TYPE)).isInstanceOf(MultipartPush.Refused.class)
                .hasMessageContaining("more than " + MultipartPush.MAX_PARTS + " parts")
                .satisfies(e -> assertThat(((MultipartPush.Refused) e).status).isEqualTo(413));
        assertThat(System.nanoTime() - start).as("stops at the cap").isLessThan(2_000_000_000L);
    }

    @Test
    void aFileNameCannotClimbOutHideOrStandForTwoParts() throws Exception {
        MultipartPush.Parsed p = MultipartPush.parse(body(
                field("story", "story.txt", "text/plain"), "Headline: शीर्षक\n\nपाठ",
                field("a", "../../etc/passwd", null), SamplePictures.jpeg(20, 20, 1),
                field("b", "..\\..\\windows\\win.ini", null), SamplePictures.jpeg(20, 20, 2),
                field("c", ".hidden\u202Egpj.exe", null), SamplePictures.jpeg(20, 20, 3),
                field("d", "passwd", null), SamplePictures.jpeg(20, 20, 4),
                field("e", "x".repeat(5000) + ".jpg", null), SamplePictures.jpeg(20, 20, 5),
                field("f", "", null), SamplePictures.jpeg(20, 20, 6)), TYPE);
        assertThat(p.attachments()).extracting(Attachment::name).satisfies(names -> {
            assertThat(names.get(0)).isEqualTo("passwd");
            assertThat(names.get(1)).isEqualTo("win.ini");
            assertThat(names.get(2)).isEqualTo("hiddengpj.exe");
            assertThat(names.get(3)).isEqualTo("passwd-2");
            assertThat(names.get(4)).hasSize(100).endsWith(".jpg");
            assertThat(names.get(5)).as("no file name: the field's").isEqualTo("f");
        });
    }

    @Test
    void aHeaderBombInAPartIsRefused() {
        StringBuilder many = new StringBuilder("Content-Disposition: form-data; name=\"story\"");
        for (int i = 0; i < 10_000; i++) many.append("\r\nX-Bomb-").append(i).append(": y");
        assertThatThrownBy(() -> MultipartPush.parse(body(many.toString(), "x"), TYPE))
                .isInstanceOf(MultipartPush.Refused.class).hasMessageContaining("header fields");
        String longField = "Content-Disposition: form-data; name=\"story\"; filename=\"" + "a".repeat(1_000_000) + "\"";
        assertThatThrownBy(() -> MultipartPush.parse(body(longField, "x"), TYPE))
                .isInstanceOf(MultipartPush.Refused.class).hasMessageContaining("header is longer");
    }

    @Test
    void aLargeBinaryPartWithoutLineBreaksIsRead() throws Exception {
        byte[] big = new byte[3_000_000];
        new java.util.Random(1).nextBytes(big);
        big[0] = (byte) 0xFF;
        big[1] = (byte) 0xD8;
        big[2] = (byte) 0xFF;
        MultipartPush.Parsed p = MultipartPush.parse(body(field("story", "s.txt", null), "Headline: x\n\ny",
                field("photo", "big.jpg", "image/jpeg"), big), TYPE);
        assertThat(p.attachments().get(0).content()).isEqualTo(big);
    }
}
