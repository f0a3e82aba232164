package org.taar.media;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.taar.item.Media;

/**
 * The media tests' renderer until media/PictureRenderer is wired: reads a picture with ImageIO and
 * makes one JPEG 320 wide; anything ImageIO cannot read is refused. Counts its renders, so a test
 * can see that a picture is never rendered twice.
 */
public final class TestRenderer implements MediaRenderer {
    public final AtomicInteger renders = new AtomicInteger();

    @Override
    public Rendered render(byte[] original) throws RefusedMedia {
        renders.incrementAndGet();
        BufferedImage img;
        try {
            img = ImageIO.read(new ByteArrayInputStream(original));
        } catch (IOException e) {
            throw new RefusedMedia("not a picture: " + e.getMessage());
        }
        if (img == null) throw new RefusedMedia("not a picture ImageIO reads");
        int w = 320;
        int h = Math.max(1, img.getHeight() * w / img.getWidth());
        BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = small.createGraphics();
        g.drawImage(img, 0, 0, w, h, null);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(small, "jpg", out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new Rendered(Media.Kind.PICTURE, "image/jpeg", img.getWidth(), img.getHeight(),
                List.of(new Rendered.Made("w320", "jpeg", "image/jpeg", w, h, out.toByteArray())), List.of());
    }
}
