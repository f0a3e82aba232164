import com.sksamuel.scrimage.ImmutableImage;
import com.sksamuel.scrimage.ScaleMethod;
import com.sksamuel.scrimage.nio.JpegWriter;
import com.sksamuel.scrimage.webp.WebpWriter;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.taar.media.MediaLimits;
import org.taar.media.MediaSniff;
import org.taar.media.Orientation;
import org.taar.media.PictureDecoder;
import org.taar.media.PictureEncoder;
import org.taar.media.PictureRenderer;
import org.taar.media.Scaler;

/**
 * bench/media: decode + resize + encode of photo-like pictures into the site's renditions (JPEG and
 * WebP at 320, 640, 1024 and 1600 wide), by candidate A (TwelveMonkeys ImageIO + Java2D progressive
 * halving + libwebp through JNI: Taar's own classes), candidate B (Scrimage 4.3.5 with its bicubic
 * scaler and scrimage-webp, which runs the cwebp binary) and ImageMagick's convert (one process per
 * picture), in the same run. Each makes every width from the next larger one, as Taar does.
 * Prints renditions per second, ratios over ImageMagick, and output sizes.
 */
public final class MediaBench {
    static final int[] WIDTHS = {1600, 1024, 640, 320};

    record Options(int pictures, int width, int height, int rounds, int threads, Path out, String convert, List<String> only) {}

    record Result(String name, double seconds, int renditions, Map<String, long[]> sizes) {}

    interface Candidate {
        /** The eight renditions of one picture: name ("w640.jpeg") to bytes. */
        Map<String, byte[]> render(Path file, byte[] bytes) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        Options o = options(args);
        Files.createDirectories(o.out());
        System.out.printf(Locale.ROOT, "bench/media: %d pictures of %d x %d (%d JPEG, %d PNG), %d round(s), %d thread(s), %d cores%n",
                o.pictures(), o.width(), o.height(), o.pictures() - o.pictures() / 4, o.pictures() / 4, o.rounds(), o.threads(),
                Runtime.getRuntime().availableProcessors());
        List<Path> files = generate(o);
        long inBytes = 0;
        for (Path f : files) inBytes += Files.size(f);
        System.out.printf(Locale.ROOT, "inputs: %.1f MB in %s%n", inBytes / 1e6, o.out().resolve("in"));

        Map<String, Candidate> candidates = new LinkedHashMap<>();
        if (o.only().contains("im")) candidates.put("ImageMagick convert", imageMagick(o));
        if (o.only().contains("a")) candidates.put("A: TwelveMonkeys+Java2D+webp-imageio (Taar)", candidateA());
        if (o.only().contains("b")) candidates.put("B: Scrimage 4.3.5 + scrimage-webp", candidateB());
        List<Result> results = new ArrayList<>();
        for (Map.Entry<String, Candidate> c : candidates.entrySet()) {
            c.getValue().render(files.get(0), Files.readAllBytes(files.get(0))); // warm-up: JIT, native loading, binary extraction
            results.add(run(c.getKey(), c.getValue(), files, o));
        }
        if (o.only().contains("a")) results.add(run("A: all PictureRenderer makes (+og, 3 crops)", productRenderer(), files, o));
        report(results, o);
    }

    static Result run(String name, Candidate c, List<Path> files, Options o) throws Exception {
        List<byte[]> contents = new ArrayList<>();
        for (Path f : files) contents.add(Files.readAllBytes(f));
        Map<String, long[]> sizes = new LinkedHashMap<>();
        int renditions = 0;
        ExecutorService pool = Executors.newFixedThreadPool(o.threads());
        long start = System.nanoTime();
        try {
            for (int round = 0; round < o.rounds(); round++) {
                List<Future<Map<String, byte[]>>> done = new ArrayList<>();
                for (int i = 0; i < files.size(); i++) {
                    Path f = files.get(i);
                    byte[] b = contents.get(i);
                    done.add(pool.submit(() -> c.render(f, b)));
                }
                for (Future<Map<String, byte[]>> d : done) {
                    Map<String, byte[]> made = d.get();
                    renditions += made.size();
                    if (round == 0) {
                        for (Map.Entry<String, byte[]> e : made.entrySet()) {
                            long[] s = sizes.computeIfAbsent(e.getKey(), k -> new long[2]);
                            s[0] += e.getValue().length;
                            s[1]++;
                        }
                    }
                }
            }
        } finally {
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "  %-46s %6.2f s  %4d renditions%n", name, seconds, renditions);
        return new Result(name, seconds, renditions, sizes);
    }

    static void report(List<Result> results, Options o) {
        Result im = results.stream().filter(r -> r.name().startsWith("ImageMagick")).findFirst().orElse(null);
        System.out.println();
        System.out.printf(Locale.ROOT, "%-46s %12s %12s %14s%n", "candidate", "renditions/s", "pictures/s", "x ImageMagick");
        for (Result r : results) {
            double perSecond = r.renditions() / r.seconds();
            int perPicture = Math.max(1, r.renditions() / (o.pictures() * o.rounds()));
            String ratio = im == null ? "-" : String.format(Locale.ROOT, "%.2f", perSecond / (im.renditions() / im.seconds()));
            System.out.printf(Locale.ROOT, "%-46s %12.1f %12.2f %14s%n", r.name(), perSecond, perSecond / perPicture, ratio);
        }
        System.out.println();
        System.out.println("mean output size per rendition, KB (first round):");
        List<String> names = new ArrayList<>();
        for (int w : new int[] {320, 640, 1024, 1600}) {
            names.add("w" + w + ".jpeg");
            names.add("w" + w + ".webp");
        }
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-46s", "candidate"));
        for (String n : names) head.append(String.format(Locale.ROOT, " %10s", n));
        System.out.println(head);
        for (Result r : results) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-46s", r.name()));
            for (String n : names) {
                long[] s = r.sizes().get(n);
                row.append(s == null ? String.format(Locale.ROOT, " %10s", "-")
                        : String.format(Locale.ROOT, " %10.1f", s[0] / (double) s[1] / 1024));
            }
            System.out.println(row);
        }
    }

    // ---- candidates ----------------------------------------------------------------------------

    /** Taar's own pieces, the same path PictureRenderer takes for the widths. */
    static Candidate candidateA() {
        MediaSniff sniff = new MediaSniff(PictureDecoder::canRead);
        PictureDecoder decoder = new PictureDecoder(MediaLimits.defaults());
        Orientation orientation = new Orientation();
        Scaler scaler = new Scaler();
        PictureEncoder encoder = new PictureEncoder(0.8f);
        return (file, bytes) -> {
            MediaSniff.Type type = sniff.sniff(bytes);
            BufferedImage img = orientation.apply(decoder.decode(bytes, type).pixels(), orientation.read(bytes, type));
            Map<String, byte[]> out = new LinkedHashMap<>();
            BufferedImage from = img;
            for (int w : WIDTHS) {
                from = scaler.toWidth(from, w);
                out.put("w" + w + ".jpeg", encoder.jpeg(from));
                out.put("w" + w + ".webp", encoder.webp(from));
            }
            return out;
        };
    }

    static Candidate productRenderer() {
        PictureRenderer renderer = new PictureRenderer(MediaLimits.defaults());
        return (file, bytes) -> {
            Map<String, byte[]> out = new LinkedHashMap<>();
            renderer.render(bytes).renditions().forEach(m -> out.put(m.name() + "." + m.format(), m.bytes()));
            return out;
        };
    }

    /** Scrimage as its documentation shows it: loader (EXIF orientation on), scaleToWidth (bicubic), writers. */
    static Candidate candidateB() {
        JpegWriter jpeg = new JpegWriter().withCompression(80).withProgressive(true);
        WebpWriter webp = WebpWriter.DEFAULT.withQ(80);
        return (file, bytes) -> {
            ImmutableImage img = ImmutableImage.loader().fromBytes(bytes);
            Map<String, byte[]> out = new LinkedHashMap<>();
            ImmutableImage from = img;
            for (int w : WIDTHS) {
                if (w < from.width) from = from.scaleToWidth(w, ScaleMethod.Bicubic); // scaleToWidth would enlarge
                out.put("w" + w + ".jpeg", from.bytes(jpeg));
                out.put("w" + w + ".webp", from.bytes(webp));
            }
            return out;
        };
    }

    /** One convert per picture: decoded once, each width resized from the one before, written twice. */
    static Candidate imageMagick(Options o) {
        return (file, bytes) -> {
            Path dir = Files.createTempDirectory(o.out(), "im-");
            try {
                List<String> cmd = new ArrayList<>(List.of(o.convert(), file.toString(), "-auto-orient", "-strip",
                        "-quality", "80", "-interlace", "JPEG"));
                for (int i = 0; i < WIDTHS.length; i++) {
                    cmd.addAll(List.of("-resize", WIDTHS[i] + "x>"));
                    cmd.addAll(List.of("-write", dir.resolve("w" + WIDTHS[i] + ".jpeg").toString()));
                    if (i < WIDTHS.length - 1) cmd.addAll(List.of("-write", dir.resolve("w" + WIDTHS[i] + ".webp").toString()));
                }
                cmd.add(dir.resolve("w320.webp").toString());
                ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
                Process p = pb.start();
                String log = new String(p.getInputStream().readAllBytes());
                if (p.waitFor() != 0) throw new IOException("convert failed: " + log);
                Map<String, byte[]> out = new LinkedHashMap<>();
                for (int w : WIDTHS) {
                    out.put("w" + w + ".jpeg", Files.readAllBytes(dir.resolve("w" + w + ".jpeg")));
                    out.put("w" + w + ".webp", Files.readAllBytes(dir.resolve("w" + w + ".webp")));
                }
                return out;
            } finally {
                try (Stream<Path> s = Files.walk(dir)) {
                    for (Path q : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(q);
                }
            }
        };
    }

    // ---- the pictures ------------------------------------------------------------------------

    /** Photo-like: smooth light, shapes with edges, sensor noise; three in four JPEG (q 90), one in four PNG. */
    static List<Path> generate(Options o) throws IOException {
        Path in = o.out().resolve("in");
        Files.createDirectories(in);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < o.pictures(); i++) {
            boolean png = i % 4 == 3;
            Path f = in.resolve(String.format(Locale.ROOT, "p%02d-%dx%d.%s", i, o.width(), o.height(), png ? "png" : "jpg"));
            if (!Files.exists(f)) {
                BufferedImage img = photo(o.width(), o.height(), 1000 + i);
                Files.write(f, png ? png(img) : jpeg(img, 0.9f));
            }
            files.add(f);
        }
        return files;
    }

    static BufferedImage photo(int w, int h, long seed) {
        Random random = new Random(seed);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new java.awt.GradientPaint(0, 0, new Color(random.nextInt(0xFFFFFF)), w, h, new Color(random.nextInt(0xFFFFFF))));
        g.fillRect(0, 0, w, h);
        for (int s = 0; s < 60; s++) {
            g.setColor(new Color(random.nextInt(0xFFFFFF) | random.nextInt(200) << 24, true));
            int x = random.nextInt(w);
            int y = random.nextInt(h);
            int sw = w / 40 + random.nextInt(w / 6);
            int sh = h / 40 + random.nextInt(h / 6);
            if (s % 3 == 0) g.fillRect(x, y, sw, sh); else g.fillOval(x, y, sw, sh);
        }
        g.dispose();
        int[] px = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < px.length; i++) {
            int n = random.nextInt(17) - 8;
            int r = clamp((px[i] >> 16 & 0xFF) + n);
            int gg = clamp((px[i] >> 8 & 0xFF) + n);
            int b = clamp((px[i] & 0xFF) + n);
            px[i] = r << 16 | gg << 8 | b;
        }
        return img;
    }

    static int clamp(int v) {
        return v < 0 ? 0 : Math.min(255, v);
    }

    static byte[] jpeg(BufferedImage img, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(img, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    static byte[] png(BufferedImage img) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(img, "png", bytes);
        return bytes.toByteArray();
    }

    static Options options(String[] args) {
        int pictures = 12;
        int width = 4000;
        int height = 3000;
        int rounds = 3;
        int threads = 1;
        Path out = Path.of("bench/out/media");
        String convert = "/usr/bin/convert";
        List<String> only = List.of("im", "a", "b");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--pictures" -> pictures = Integer.parseInt(args[++i]);
                case "--width" -> width = Integer.parseInt(args[++i]);
                case "--height" -> height = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--convert" -> convert = args[++i];
                case "--only" -> only = List.of(args[++i].toLowerCase(Locale.ROOT).split(","));
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (--pictures N --width W --height H --rounds N --threads N --out DIR --convert PATH --only im,a,b)");
            }
        }
        return new Options(pictures, width, height, rounds, threads, out, convert, only);
    }
}
