import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import org.taar.App;
import org.taar.config.Config;
import org.taar.config.ConfigLoader;
import org.taar.format.Attachment;
import org.taar.story.Outcome;

/**
 * bench/media-page: a small site of pictured stories, built from scratch through the product's own
 * path: each story goes through the pipeline as wire text with its picture beside it (as a
 * multipart push or a drop-folder pair), then one pass of the media stage renders every picture
 * (PictureRenderer) and the publisher re-renders the pages that show them.
 *
 * The picture is --photo FILE when given (a real photograph makes the page weight honest), else a
 * synthetic one: smooth shapes under several octaves of value noise, which JPEG and WebP compress
 * about as hard as a news photograph (its sizes are printed so that a reader can judge).
 *
 *   java -cp taar.jar:classes BuildMediaSite --data DIR --stories N [--photo FILE]
 */
public final class BuildMediaSite {

    public static void main(String[] args) throws Exception {
        Path data = null;
        int stories = 20;
        Path photo = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[++i]);
                case "--stories" -> stories = Integer.parseInt(args[++i]);
                case "--photo" -> photo = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (data == null) throw new IllegalArgumentException("--data DIR is required");
        Config config = new ConfigLoader(System.getenv()).load(data, null, null);
        System.err.println("renditions by the media stage (org.taar.media.MediaWorker with PictureRenderer)");
        try (App app = new App(config, Clock.systemUTC())) {
            for (int n = 0; n < stories; n++) {
                BufferedImage picture = photo != null ? ImageIO.read(photo.toFile()) : synthetic(1600, 1067, n);
                // The story and its picture arrive together, as a multipart push or a drop-folder pair would.
                Outcome o = app.pipeline.deliver("bench", "file", "story-" + n + ".txt", story(n), null,
                        List.of(new Attachment("story-" + n + ".jpg", "image/jpeg", jpeg(picture, 0.9f)))).outcomes().get(0);
                if (!o.status().label().equals("published")) throw new IllegalStateException("story " + n + " was " + o.status().label());
            }
            int made = app.mediaPass();
            long bytes = app.store.jdbi().withHandle(h -> h.createQuery("SELECT COALESCE(SUM(size), 0) FROM media_renditions")
                    .mapTo(Long.class).one());
            long ready = app.store.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM media WHERE status = 'ready'")
                    .mapTo(Long.class).one());
            if (ready != stories) throw new IllegalStateException(ready + " of " + stories + " pictures ready after the media pass (" + made + ")");
            // The pages follow the media events the pass appended.
            app.publisher.catchUp();
            System.out.printf("stories=%d pictures=%d rendition_bytes=%d%n", stories, ready, bytes);
        }
    }

    private static final String[] WORDS = ("संसद सरकार विपक्ष मंत्री विधेयक चर्चा महंगाई किसान बेरोज़गारी बजट राज्य केंद्र "
            + "अदालत फ़ैसला चुनाव आयोग मतदान नतीजे शहर गांव सड़क बारिश बाढ़ राहत अस्पताल डॉक्टर स्कूल छात्र परीक्षा "
            + "रेल यात्री हवाई उड़ान बाज़ार शेयर कंपनी निवेश उद्योग मज़दूर पुलिस जांच अधिकारी बयान सवाल जवाब बैठक "
            + "योजना घोषणा समिति रिपोर्ट प्रदर्शन विरोध समर्थन नेता पार्टी गठबंधन प्रधानमंत्री मुख्यमंत्री राष्ट्रपति दौरा "
            + "समझौता व्यापार सीमा सेना सुरक्षा खिलाड़ी मैच जीत हार टीम कप्तान फ़िल्म कलाकार संगीत उत्सव मेला मौसम तापमान").split(" ");

    private static byte[] story(int n) {
        Random random = new Random(1_000 + n);
        StringBuilder body = new StringBuilder("नई दिल्ली, 3 दिसंबर (आईएएनएस)। ");
        for (int p = 0; p < 6; p++) {
            for (int sentence = 0; sentence < 4; sentence++) {
                for (int w = 0; w < 10 + random.nextInt(6); w++) body.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
                body.append(random.nextBoolean() ? "पर बात हुई। " : "की ख़बर है। ");
            }
            body.append("\n\n");
        }
        StringBuilder headline = new StringBuilder();
        for (int w = 0; w < 7; w++) headline.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
        String text = "Headline: " + headline + n + "\n"
                + "Summary: " + WORDS[random.nextInt(WORDS.length)] + " और " + WORDS[random.nextInt(WORDS.length)]
                + " पर आज की बड़ी ख़बर।\n"
                + "Section: देश\nTags: संसद, दिल्ली\nAgency: IANS\nURI: urn:bench:media-page:" + n + "\nVersion: 1\n\n"
                + body;
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Soft shapes under octaves of value noise: detail at every scale, like a photograph's. */
    static BufferedImage synthetic(int w, int h, int seed) {
        Random random = new Random(seed);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        float[][] grids = new float[6][];
        int[] cells = {4, 9, 20, 45, 110, 260};
        float[] weights = {0.40f, 0.25f, 0.15f, 0.09f, 0.06f, 0.05f};
        for (int o = 0; o < cells.length; o++) {
            grids[o] = new float[(cells[o] + 2) * (cells[o] + 2) * 3];
            for (int i = 0; i < grids[o].length; i++) grids[o][i] = random.nextFloat();
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float[] rgb = new float[3];
                for (int o = 0; o < cells.length; o++) {
                    int c = cells[o];
                    float fx = (float) x / w * c;
                    float fy = (float) y / h * c;
                    int ix = (int) fx;
                    int iy = (int) fy;
                    float tx = smooth(fx - ix);
                    float ty = smooth(fy - iy);
                    for (int ch = 0; ch < 3; ch++) {
                        float a = grid(grids[o], c, ix, iy, ch);
                        float b = grid(grids[o], c, ix + 1, iy, ch);
                        float d = grid(grids[o], c, ix, iy + 1, ch);
                        float e = grid(grids[o], c, ix + 1, iy + 1, ch);
                        rgb[ch] += weights[o] * (a + (b - a) * tx + (d - a) * ty + (a - b - d + e) * tx * ty);
                    }
                }
                int grain = random.nextInt(13) - 6;
                int r = clamp((int) (rgb[0] * 255) + grain);
                int g = clamp((int) (rgb[1] * 235) + grain);
                int b = clamp((int) (rgb[2] * 215) + grain);
                img.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return img;
    }

    private static float grid(float[] g, int cells, int x, int y, int ch) {
        return g[((y * (cells + 2)) + x) * 3 + ch];
    }

    private static float smooth(float t) {
        return t * t * (3 - 2 * t);
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    static byte[] jpeg(BufferedImage img, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam p = writer.getDefaultWriteParam();
        p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        p.setCompressionQuality(quality);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            writer.write(null, new IIOImage(img, null, null), p);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
