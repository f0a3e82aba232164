import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import org.taar.App;
import org.taar.config.Config;
import org.taar.config.ConfigLoader;
import org.taar.media.MediaFiles;
import org.taar.media.MediaRenderer;
import org.taar.media.Rendered;
import org.taar.story.Outcome;

/**
 * bench/media-page: a small site of pictured stories, built from scratch. Each story goes through
 * the pipeline as wire text (as `taar ingest` would), then gets one picture, registered, rendered
 * and linked the way the media stage does it (rows in media, media_renditions, story_media, a
 * MEDIA event), its renditions under DATA/media/.
 *
 * The renditions come from the project's own MediaRenderer (org.taar.media.PictureRenderer) when
 * the jar has one; otherwise this program makes them itself: Java2D bicubic scaling, ImageIO JPEG
 * at quality 0.82, and Debian's cwebp at quality 75 for WebP (the run script installs it).
 *
 * The picture is --photo FILE when given (a real photograph makes the page weight honest), else a
 * synthetic one: smooth shapes under several octaves of value noise, which JPEG and WebP compress
 * about as hard as a news photograph (its sizes are printed so that a reader can judge).
 *
 *   java -cp taar.jar:classes BuildMediaSite --data DIR --stories N [--photo FILE]
 */
public final class BuildMediaSite {
    private static final int[] WIDTHS = {320, 640, 1024, 1600};

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
        MediaRenderer renderer = projectRenderer();
        System.err.println("renditions by " + (renderer != null ? renderer.getClass().getName() : "ImageIO JPEG + cwebp"));
        long bytes = 0;
        try (App app = new App(config, Clock.systemUTC())) {
            MediaFiles files = new MediaFiles(data);
            for (int n = 0; n < stories; n++) {
                Outcome o = app.pipeline.deliver("bench", "file", "story-" + n + ".txt", story(n), null).outcomes().get(0);
                if (!o.status().label().equals("published")) throw new IllegalStateException("story " + n + " was " + o.status().label());
                long story = Long.parseLong(o.url().replaceAll(".*-", ""));
                BufferedImage picture = photo != null ? ImageIO.read(photo.toFile()) : synthetic(1600, 1067, n);
                List<Made> made = renderer != null ? viaRenderer(renderer, jpeg(picture, 0.9f)) : ourselves(picture);
                bytes += register(app, files, story, n, made);
            }
        }
        System.out.printf("stories=%d pictures=%d rendition_bytes=%d%n", stories, stories, bytes);
    }

    record Made(String name, String format, String contentType, int width, int height, byte[] bytes) {}

    /** The project's picture renderer, if this jar has one with a no-argument constructor. */
    private static MediaRenderer projectRenderer() {
        try {
            return (MediaRenderer) Class.forName("org.taar.media.PictureRenderer").getConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }

    private static List<Made> viaRenderer(MediaRenderer r, byte[] original) throws Exception {
        Rendered rendered = r.render(original);
        List<Made> out = new ArrayList<>();
        for (Rendered.Made m : rendered.renditions()) {
            out.add(new Made(m.name(), m.format(), m.contentType(), m.width(), m.height(), m.bytes()));
        }
        return out;
    }

    private static List<Made> ourselves(BufferedImage picture) throws Exception {
        List<Made> out = new ArrayList<>();
        int w = picture.getWidth();
        int h = picture.getHeight();
        for (int width : WIDTHS) {
            int height = Math.round((float) h * width / w);
            BufferedImage scaled = scale(picture, 0, 0, w, h, width, height);
            out.add(new Made("w" + width, "jpeg", "image/jpeg", width, height, jpeg(scaled, 0.82f)));
            out.add(new Made("w" + width, "webp", "image/webp", width, height, webp(scaled)));
        }
        int ogHeight = Math.round(1200f * h / w);
        out.add(new Made("og", "jpeg", "image/jpeg", 1200, ogHeight, jpeg(scale(picture, 0, 0, w, h, 1200, ogHeight), 0.82f)));
        // Crops around the centre.
        for (int[] c : new int[][] {{16, 9}, {4, 3}, {1, 1}}) {
            int cw = w;
            int ch = w * c[1] / c[0];
            if (ch > h) {
                ch = h;
                cw = h * c[0] / c[1];
            }
            int x = (w - cw) / 2;
            int y = (h - ch) / 2;
            int outH = 1200 * c[1] / c[0];
            out.add(new Made("r" + c[0] + "x" + c[1], "jpeg", "image/jpeg", 1200, outH,
                    jpeg(scale(picture, x, y, cw, ch, 1200, outH), 0.82f)));
        }
        return out;
    }

    private static long register(App app, MediaFiles files, long story, int n, List<Made> made) {
        long now = Instant.now().toEpochMilli();
        return app.store.jdbi().inTransaction(h -> {
            h.createUpdate("""
                            INSERT INTO media (source, uri, version, kind, status, caption, credit, alt, width, height, updated_at)
                            VALUES ('bench', :uri, 1, 'picture', 'ready', :caption, 'IANS/फ़ोटो', NULL, 1600, 1067, :now)""")
                    .bind("uri", "urn:bench:picture:" + n).bind("caption", "बेंचमार्क की तस्वीर " + n + ": संसद भवन के बाहर सुबह का दृश्य")
                    .bind("now", now).execute();
            long media = h.createQuery("SELECT id FROM media WHERE source = 'bench' AND uri = :uri")
                    .bind("uri", "urn:bench:picture:" + n).mapTo(Long.class).one();
            long total = 0;
            for (Made m : made) {
                String sha = files.put(m.bytes());
                h.createUpdate("""
                                INSERT INTO media_renditions (media_id, name, format, sha256, content_type, width, height, size)
                                VALUES (:media, :name, :format, :sha, :type, :width, :height, :size)""")
                        .bind("media", media).bind("name", m.name()).bind("format", m.format()).bind("sha", sha)
                        .bind("type", m.contentType()).bind("width", m.width()).bind("height", m.height())
                        .bind("size", m.bytes().length).execute();
                total += m.bytes().length;
            }
            h.createUpdate("INSERT INTO story_media (story_id, media_id, position) VALUES (:story, :media, 0)")
                    .bind("story", story).bind("media", media).execute();
            h.createUpdate("INSERT INTO events (story_id, kind, at) VALUES (:story, 'media', :at)")
                    .bind("story", story).bind("at", now).execute();
            return total;
        });
    }

    /** Words to make sentences of: each story draws its own, so that no two look like near-duplicates. */
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

    private static BufferedImage scale(BufferedImage src, int x, int y, int w, int h, int width, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(src, 0, 0, width, height, x, y, x + w, y + h, null);
        g.dispose();
        return out;
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

    /** WebP by Debian's cwebp (quality 75, the libwebp default), through temporary files. */
    private static byte[] webp(BufferedImage img) throws Exception {
        Path in = Files.createTempFile("bench-media", ".png");
        Path out = Files.createTempFile("bench-media", ".webp");
        try {
            ImageIO.write(img, "png", in.toFile());
            Process p = new ProcessBuilder("cwebp", "-quiet", "-q", "75", "-metadata", "none", in.toString(), "-o", out.toString())
                    .redirectErrorStream(true).start();
            String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) throw new IOException("cwebp failed: " + said);
            return Files.readAllBytes(out);
        } finally {
            Files.deleteIfExists(in);
            Files.deleteIfExists(out);
        }
    }

    static BufferedImage read(byte[] bytes) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(bytes));
    }
}
