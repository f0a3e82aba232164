package org.taar.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.taar.item.Media;
import org.taar.item.NewsItem;
import org.taar.item.Rendition;

/** Pictures, video and audio sent with an e-mailed story: handed to the delivery and named by the item's media. */
class EmailMediaTest {
    private final EmailParser parser = new EmailParser();
    private final List<Attachment> handed = new ArrayList<>();
    private final ParseContext ctx = new ParseContext("mail-drop", Instant.parse("2025-07-12T06:00:00Z"), handed::add);

    /** A photograph-like JPEG (noise compresses badly, so it is well over the logo size). */
    static byte[] jpeg(int width, int height, long seed) throws IOException {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random r = new Random(seed);
        for (int y = 0; y < height; y++) for (int x = 0; x < width; x++) img.setRGB(x, y, r.nextInt(0xFFFFFF));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", out);
        return out.toByteArray();
    }

    static byte[] png(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    /** The first bytes of an MP4 file, padded. */
    static byte[] mp4() {
        byte[] b = new byte[4096];
        System.arraycopy(new byte[] {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'm', 'p', '4', '2'}, 0, b, 0, 12);
        return b;
    }

    /** A multipart/mixed mail: a short Hindi story, then each part (headers, then its bytes in base64). */
    static byte[] mail(Object... parts) {
        StringBuilder m = new StringBuilder(String.join("\r\n", "From: Ramesh Kumar <ramesh@example.in>",
                "Subject: =?UTF-8?B?" + Base64.getEncoder().encodeToString("लखनऊ में बारिश".getBytes(StandardCharsets.UTF_8)) + "?=",
                "Date: Sat, 12 Jul 2025 11:21:37 +0530", "Message-ID: <photo-mail-1@example.in>", "MIME-Version: 1.0",
                "Content-Type: multipart/mixed; boundary=B", "", "--B", "Content-Type: text/plain; charset=utf-8", "",
                "लखनऊ, 12 जुलाई (आईएएनएस)। लखनऊ में तेज बारिश हुई।", ""));
        for (int i = 0; i < parts.length; i += 2) {
            m.append("--B\r\n").append(parts[i]).append("\r\nContent-Transfer-Encoding: base64\r\n\r\n")
                    .append(Base64.getMimeEncoder().encodeToString((byte[]) parts[i + 1])).append("\r\n");
        }
        return m.append("--B--\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private NewsItem one(byte[] mail) throws ParseException {
        ParseResult r = parser.parse(mail, ctx);
        assertThat(r.items()).hasSize(1);
        return r.items().get(0);
    }

    @Test
    void anAttachedPhotoIsHandedToTheDeliveryAndNamedByTheItemsMedia() throws Exception {
        byte[] photo = jpeg(320, 240, 1);
        NewsItem item = one(mail("Content-Type: image/jpeg; name=\"IMG_0042.jpg\"\r\nContent-Disposition: attachment; "
                + "filename=\"IMG_0042.jpg\"\r\nContent-Description: =?UTF-8?B?"
                + Base64.getEncoder().encodeToString("हजरतगंज में जलभराव".getBytes(StandardCharsets.UTF_8)) + "?=", photo));
        assertThat(handed).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("IMG_0042.jpg");
            assertThat(a.contentType()).isEqualTo("image/jpeg");
            assertThat(a.content()).isEqualTo(photo);
        });
        assertThat(item.media()).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(Media.Kind.PICTURE);
            assertThat(m.uri()).isEqualTo(item.uri() + "#IMG_0042.jpg");
            assertThat(m.caption()).as("Content-Description, as senders caption").isEqualTo("हजरतगंज में जलभराव");
            assertThat(m.renditions()).containsExactly(
                    new Rendition("part:IMG_0042.jpg", "image/jpeg", null, null, (long) photo.length, null));
        });
        assertThat(item.warnings()).noneSatisfy(w -> assertThat(w).contains("IMG_0042"));
        assertThat(item.bodyHtml()).contains("लखनऊ में तेज बारिश हुई");
    }

    @Test
    void inlinePicturesVideoAndAudioAreTakenAndATinySignatureLogoIsNot() throws Exception {
        byte[] logo = png(16, 16);
        assertThat(logo.length).isLessThan(EmailMedia.MIN_PICTURE_BYTES);
        NewsItem item = one(mail(
                "Content-Type: image/png; name=logo.png\r\nContent-Disposition: inline\r\nContent-ID: <logo@x>", logo,
                "Content-Type: video/mp4; name=clip.mp4", mp4(),
                "Content-Type: image/jpeg\r\nContent-Disposition: inline\r\nContent-ID: <p1@x>", jpeg(200, 200, 2)));
        assertThat(item.media()).extracting(Media::kind).containsExactly(Media.Kind.PICTURE, Media.Kind.VIDEO);
        assertThat(handed).extracting(Attachment::name).containsExactly("clip.mp4", "picture");
        assertThat(item.media().get(0).renditions().get(0).href()).isEqualTo("part:picture");
        assertThat(item.warnings()).anySatisfy(w -> assertThat(w).startsWith("attachment 'logo.png' (image/png")
                .contains("too small for a news picture"));
    }

    @Test
    void namesAreMadeSafeAndUniqueWithinTheMessage() throws Exception {
        byte[] a = jpeg(100, 100, 3);
        byte[] b = jpeg(100, 100, 4);
        byte[] c = jpeg(100, 100, 5);
        byte[] d = jpeg(100, 100, 6);
        one(mail("Content-Type: image/jpeg; name=\"../../etc/passwd.jpg\"", a,
                "Content-Type: image/jpeg; name=\"C:\\\\Users\\\\x\\\\passwd.JPG\"", b,
                "Content-Type: image/jpeg; name=\"फोटो.jpg\"", c,
                "Content-Type: image/jpeg; name=\".hidden name .jpg\"", d));
        assertThat(handed).extracting(Attachment::name).containsExactly("passwd.jpg", "passwd-2.jpg", "picture.jpg",
                "hidden-name.jpg");
    }

    @Test
    void safeNamesHaveNoPathsControlsOrHiddenDotsAndAreCut() {
        Set<String> used = new HashSet<>();
        assertThat(EmailMedia.safeName("a/b\\c/..\u0000\u001f.png", Media.Kind.PICTURE, used)).isEqualTo("picture.png");
        assertThat(EmailMedia.safeName("a/b\\c/..\u0000\u001f.png", Media.Kind.PICTURE, used)).isEqualTo("picture-2.png");
        assertThat(EmailMedia.safeName(null, Media.Kind.AUDIO, used)).isEqualTo("audio");
        assertThat(EmailMedia.safeName("x".repeat(500) + ".jpeg", Media.Kind.PICTURE, used)).hasSize(EmailMedia.MAX_NAME)
                .endsWith(".jpeg");
        assertThat(EmailMedia.safeName("...", Media.Kind.VIDEO, used)).isEqualTo("video");
        assertThat(EmailMedia.safeName("Photo.JPG", Media.Kind.PICTURE, used)).isEqualTo("Photo.jpg");
        assertThat(EmailMedia.safeName("photo.jpg", Media.Kind.PICTURE, used)).as("unique whatever the case").isEqualTo("photo-2.jpg");
    }

    @Test
    void anOctetStreamIsMediaWhenItsNameSaysSoAndItsBytesAgree() throws Exception {
        NewsItem item = one(mail("Content-Type: application/octet-stream; name=DSC_1.JPG", jpeg(120, 90, 7),
                "Content-Type: application/octet-stream; name=notes.bin", jpeg(120, 90, 8)));
        assertThat(item.media()).singleElement().satisfies(m -> assertThat(m.renditions().get(0).href()).isEqualTo("part:DSC_1.jpg"));
        assertThat(item.warnings()).anySatisfy(w -> assertThat(w).startsWith("attachment 'notes.bin'").contains("not read"));
    }

    @Test
    void aPartDeclaredAPictureWhoseBytesAreSomethingElseIsNotTaken() throws Exception {
        byte[] exe = ("MZ" + "\0".repeat(4000)).getBytes(StandardCharsets.ISO_8859_1);
        NewsItem item = one(mail("Content-Type: image/jpeg; name=virus.jpg", exe));
        assertThat(item.media()).isEmpty();
        assertThat(handed).isEmpty();
        assertThat(item.warnings()).anySatisfy(w -> assertThat(w).contains("'virus.jpg'").contains("its bytes are no picture"));
    }

    @Test
    void aMailOfSixtyPicturesGivesFifty() throws Exception {
        Object[] parts = new Object[120];
        byte[] photo = jpeg(60, 60, 9);
        assertThat(photo.length).isGreaterThan(EmailMedia.MIN_PICTURE_BYTES);
        for (int i = 0; i < 60; i++) {
            parts[2 * i] = "Content-Type: image/jpeg; name=p" + i + ".jpg";
            parts[2 * i + 1] = photo;
        }
        NewsItem item = one(mail(parts));
        assertThat(item.media()).hasSize(MediaList.MAX);
        assertThat(handed).hasSize(MediaList.MAX);
        assertThat(item.warnings()).contains("60 media items; only the first 50 kept");
    }

    @Test
    void picturesOfAForwardedMessageGoWithTheStoryReadFromIt() throws Exception {
        byte[] photo = jpeg(100, 80, 10);
        String inner = String.join("\r\n", "From: IANS <desk@ians.in>", "Subject: Rain in Lucknow", "Message-ID: <inner@ians.in>",
                "MIME-Version: 1.0", "Content-Type: multipart/mixed; boundary=I", "", "--I", "Content-Type: text/plain", "",
                "LUCKNOW, July 12 (IANS) It rained.", "--I", "Content-Type: image/jpeg; name=rain.jpg",
                "Content-Transfer-Encoding: base64", "", Base64.getMimeEncoder().encodeToString(photo), "--I--", "");
        byte[] m = String.join("\r\n", "From: Ramesh <r@example.in>", "Subject: Fwd: Rain", "MIME-Version: 1.0",
                "Content-Type: multipart/mixed; boundary=B", "", "--B", "Content-Type: message/rfc822", "", inner, "--B--", "")
                .getBytes(StandardCharsets.UTF_8);
        NewsItem item = one(m);
        assertThat(item.uri()).isEqualTo("mid:inner@ians.in");
        assertThat(item.media()).extracting(Media::uri).containsExactly("mid:inner@ians.in#rain.jpg");
        assertThat(Arrays.equals(handed.get(0).content(), photo)).isTrue();
    }

    @Test
    void theItemWithItsMediaIsValidNinjs21() throws Exception {
        NewsItem item = one(mail("Content-Type: image/jpeg; name=\"IMG 1.jpg\"", jpeg(100, 100, 11)));
        assertThat(NinjsValidator.load().problems("mail", item)).isEmpty();
    }
}
