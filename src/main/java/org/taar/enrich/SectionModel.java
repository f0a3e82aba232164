package org.taar.enrich;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.slf4j.LoggerFactory;

/**
 * The learned section classifier: multinomial logistic regression over {@link Features}, trained
 * by AdaGrad with L2 regularization (applied to the weights an example touches). Deterministic: the
 * example order of each epoch comes from a seeded Random. The confidence of a prediction is the
 * softmax probability of its label.
 *
 * <p>File format (gzip): the magic "TAARSECM", format version (int, 1), hash bits, class count K,
 * the K labels (UTF), the K biases (float), the number of non-zero feature rows, then for each its
 * feature index (int) and K weights (float).
 */
public final class SectionModel {
    static final String MAGIC = "TAARSECM";
    static final int FORMAT_VERSION = 1;

    /** Training settings; {@link #defaults()} were chosen on a split of the training file only (bench/classify). */
    public record Options(int bits, int epochs, double learningRate, double l2, long seed) {
        public static Options defaults() {
            return new Options(18, 10, 0.1, 1e-3, 42);
        }

        public Options withEpochs(int e) {
            return new Options(bits, e, learningRate, l2, seed);
        }

        public Options withLearningRate(double r) {
            return new Options(bits, epochs, r, l2, seed);
        }

        public Options withL2(double v) {
            return new Options(bits, epochs, learningRate, v, seed);
        }
    }

    private final Features features;
    private final String[] labels;
    private final float[] bias;
    private final float[] weights; // feature-major: weights[j * K + k]

    private SectionModel(Features features, String[] labels, float[] bias, float[] weights) {
        this.features = features;
        this.labels = labels;
        this.bias = bias;
        this.weights = weights;
    }

    public static SectionModel train(List<Example> examples) {
        return train(examples, Options.defaults());
    }

    public static SectionModel train(List<Example> examples, Options o) {
        if (examples.isEmpty()) throw new IllegalArgumentException("no training examples");
        Map<String, Integer> classOf = new LinkedHashMap<>();
        examples.stream().map(Example::label).sorted().forEach(l -> classOf.putIfAbsent(l, classOf.size()));
        String[] labels = classOf.keySet().toArray(String[]::new);
        int k = labels.length;
        Features features = new Features(o.bits());
        Features.Vector[] xs = new Features.Vector[examples.size()];
        int[] ys = new int[examples.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = features.vector(examples.get(i).text());
            ys[i] = classOf.get(examples.get(i).label());
        }
        float[] w = new float[features.dimension() * k];
        float[] g2 = new float[w.length];
        float[] b = new float[k];
        float[] gb = new float[k];
        SectionModel model = new SectionModel(features, labels, b, w);
        int[] order = new int[xs.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Random random = new Random(o.seed());
        double[] p = new double[k];
        float eta = (float) o.learningRate(), l2 = (float) o.l2();
        for (int epoch = 0; epoch < o.epochs(); epoch++) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int n : order) {
                Features.Vector x = xs[n];
                model.probabilities(x, p);
                for (int c = 0; c < k; c++) {
                    float g = (float) (p[c] - (ys[n] == c ? 1 : 0));
                    gb[c] += g * g;
                    b[c] -= eta * g / (float) Math.sqrt(gb[c] + 1e-8f);
                    for (int f = 0; f < x.size(); f++) {
                        int at = x.index()[f] * k + c;
                        float grad = g * x.value()[f] + l2 * w[at];
                        if (grad == 0) continue;
                        g2[at] += grad * grad;
                        w[at] -= eta * grad / (float) Math.sqrt(g2[at]);
                    }
                }
            }
        }
        return model;
    }

    /** Softmax probabilities of every class for x, into p. */
    private void probabilities(Features.Vector x, double[] p) {
        int k = labels.length;
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            double s = bias[c];
            for (int f = 0; f < x.size(); f++) s += weights[x.index()[f] * k + c] * x.value()[f];
            p[c] = s;
            max = Math.max(max, s);
        }
        double sum = 0;
        for (int c = 0; c < k; c++) {
            p[c] = Math.exp(p[c] - max);
            sum += p[c];
        }
        for (int c = 0; c < k; c++) p[c] /= sum;
    }

    public Prediction predict(String text) {
        double[] p = new double[labels.length];
        probabilities(features.vector(text), p);
        int best = 0;
        for (int c = 1; c < p.length; c++) if (p[c] > p[best]) best = c;
        return new Prediction(labels[best], p[best]);
    }

    public List<String> labels() {
        return List.of(labels);
    }

    /** Writes the model to path atomically (a temporary file beside it, then a rename). */
    public void save(Path path) throws IOException {
        Path dir = path.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".section", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                write(out);
            }
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public void write(OutputStream raw) throws IOException {
        GZIPOutputStream gz = new GZIPOutputStream(raw, 1 << 16);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(gz, 1 << 16));
        int k = labels.length;
        out.writeBytes(MAGIC);
        out.writeInt(FORMAT_VERSION);
        out.writeInt(features.bits());
        out.writeInt(k);
        for (String l : labels) out.writeUTF(l);
        for (float v : bias) out.writeFloat(v);
        List<Integer> rows = new ArrayList<>();
        for (int j = 0; j < features.dimension(); j++) {
            for (int c = 0; c < k; c++) {
                if (weights[j * k + c] != 0) {
                    rows.add(j);
                    break;
                }
            }
        }
        out.writeInt(rows.size());
        for (int j : rows) {
            out.writeInt(j);
            for (int c = 0; c < k; c++) out.writeFloat(weights[j * k + c]);
        }
        out.flush();
        gz.finish();
    }

    /** The model at {@code file} if one was trained; one that cannot be read is logged and left out. */
    public static Optional<SectionModel> ifTrained(Path file) {
        if (!Files.exists(file)) return Optional.empty();
        try {
            return Optional.of(load(file));
        } catch (IOException e) {
            LoggerFactory.getLogger(SectionModel.class).warn("section model not used: {}", e.getMessage());
            return Optional.empty();
        }
    }

    public static SectionModel load(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return read(in);
        } catch (IOException e) {
            throw new IOException("cannot read section model " + path + ": " + e.getMessage(), e);
        }
    }

    public static SectionModel read(InputStream raw) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw), 1 << 16));
        byte[] magic = new byte[MAGIC.length()];
        in.readFully(magic);
        if (!Arrays.equals(magic, MAGIC.getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
            throw new IOException("not a Taar section model");
        }
        int version = in.readInt();
        if (version != FORMAT_VERSION) throw new IOException("unsupported section model version " + version);
        int bits = in.readInt();
        int k = in.readInt();
        if (bits < 10 || bits > 26 || k < 1 || k > 10_000) throw new IOException("corrupt section model header");
        String[] labels = new String[k];
        for (int c = 0; c < k; c++) labels[c] = in.readUTF();
        float[] bias = new float[k];
        for (int c = 0; c < k; c++) bias[c] = in.readFloat();
        Features features = new Features(bits);
        float[] weights = new float[features.dimension() * k];
        int rows = in.readInt();
        if (rows < 0 || rows > features.dimension()) throw new IOException("corrupt section model");
        for (int r = 0; r < rows; r++) {
            int j = in.readInt();
            if (j < 0 || j >= features.dimension()) throw new IOException("corrupt section model");
            for (int c = 0; c < k; c++) weights[j * k + c] = in.readFloat();
        }
        return new SectionModel(features, labels, bias, weights);
    }
}
