import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.taar.enrich.Example;
import org.taar.enrich.ExamplesCsv;
import org.taar.enrich.NaiveBayesBaseline;
import org.taar.enrich.Prediction;
import org.taar.enrich.SectionModel;

/**
 * bench/classify: accuracy and macro-F1 of the section model (logistic regression over hashed
 * character n-grams and words) against a character-3-gram multinomial naive Bayes baseline, both
 * trained on Hindi_SHC_Valid.csv and tested on Hindi_SHC_Test.csv less the headlines the two files
 * share. Hyperparameters of both are chosen on an 80/20 split of the training file only; the test
 * file is read once, at the end. Run with bench/classify/run. The data is CC BY-NC-SA: evaluation
 * only, read in place, never copied.
 */
public class ClassifyBench {
    public static void main(String[] args) throws Exception {
        Path data = Path.of(arg(args, "--data", "../shared/data/hindi/l3cube-headlines"));
        boolean tune = !List.of(args).contains("--no-tune");
        List<Example> train = read(data.resolve("Hindi_SHC_Valid.csv"));
        List<Example> testAll = read(data.resolve("Hindi_SHC_Test.csv"));
        Set<String> trainTexts = new HashSet<>();
        for (Example e : train) trainTexts.add(key(e.text()));
        List<Example> test = new ArrayList<>();
        Set<String> shared = new HashSet<>();
        for (Example e : testAll) {
            if (trainTexts.contains(key(e.text()))) shared.add(key(e.text()));
            else test.add(e);
        }
        Set<String> labels = new TreeSet<>();
        train.forEach(e -> labels.add(e.label()));
        System.out.printf(Locale.ROOT, "classify: train Hindi_SHC_Valid.csv %d headlines, test Hindi_SHC_Test.csv %d headlines "
                + "less %d rows (%d distinct headlines) also in the training file = %d; %d labels%n%n",
                train.size(), testAll.size(), testAll.size() - test.size(), shared.size(), test.size(), labels.size());

        SectionModel.Options lr = SectionModel.Options.defaults();
        double alpha = 1.0;
        if (tune) {
            // Tuning on the training file only: a stratified-by-shuffle 80/20 split, seed 7.
            List<Example> shuffled = new ArrayList<>(train);
            Collections.shuffle(shuffled, new Random(7));
            int cut = shuffled.size() * 4 / 5;
            List<Example> fit = shuffled.subList(0, cut), held = shuffled.subList(cut, shuffled.size());
            System.out.printf(Locale.ROOT, "tuning on the training file: fit %d, held out %d (the test file is not used)%n", fit.size(), held.size());
            double best = -1;
            for (int epochs : new int[] {5, 10, 20}) {
                for (double rate : new double[] {0.05, 0.1, 0.2, 0.5}) {
                    for (double l2 : new double[] {1e-4, 1e-3, 3e-3}) {
                        SectionModel.Options o = SectionModel.Options.defaults().withEpochs(epochs).withLearningRate(rate).withL2(l2);
                        SectionModel m = SectionModel.train(fit, o);
                        double f1 = score(held, m::predict, labels)[1];
                        System.out.printf(Locale.ROOT, "  LR epochs %2d rate %.2f l2 %.0e: held-out macro-F1 %.4f%n", epochs, rate, l2, f1);
                        if (f1 > best + 1e-9) { best = f1; lr = o; }
                    }
                }
            }
            double bestNb = -1;
            for (double a : new double[] {0.03, 0.1, 0.3, 1.0, 2.0, 4.0}) {
                NaiveBayesBaseline nb = NaiveBayesBaseline.train(fit, a);
                double f1 = score(held, nb::predict, labels)[1];
                System.out.printf(Locale.ROOT, "  NB alpha %.2f: held-out macro-F1 %.4f%n", a, f1);
                if (f1 > bestNb + 1e-9) { bestNb = f1; alpha = a; }
            }
            System.out.printf(Locale.ROOT, "chosen: LR epochs %d rate %.2f l2 %.0e; NB alpha %.2f%n%n", lr.epochs(), lr.learningRate(), lr.l2(), alpha);
        }

        long t0 = System.nanoTime();
        SectionModel model = SectionModel.train(train, lr);
        double lrSecs = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        NaiveBayesBaseline nb = NaiveBayesBaseline.train(train, alpha);
        double nbSecs = (System.nanoTime() - t0) / 1e9;
        double[] a = score(test, model::predict, labels);
        double[] b = score(test, nb::predict, labels);
        System.out.printf(Locale.ROOT, "%-46s %9s %9s %10s%n", "model (trained on the whole training file)", "accuracy", "macro-F1", "train s");
        System.out.printf(Locale.ROOT, "%-46s %9.4f %9.4f %10.2f%n", "section model: LR, char 2-5 + words, 2^" + lr.bits(), a[0], a[1], lrSecs);
        System.out.printf(Locale.ROOT, "%-46s %9.4f %9.4f %10.2f%n", "baseline: NB, char 3-grams", b[0], b[1], nbSecs);
        System.out.printf(Locale.ROOT, "%-46s %8.3fx %8.3fx%n", "ratio (section model / baseline)", a[0] / b[0], a[1] / b[1]);
        System.out.printf(Locale.ROOT, "%-46s %+8.1f %+8.1f  points%n", "difference", 100 * (a[0] - b[0]), 100 * (a[1] - b[1]));
        System.out.printf(Locale.ROOT, "%nsection model confidence on the test set (what site.classifier_threshold trades):%n");
        for (double t : new double[] {0.3, 0.4, 0.5, 0.6, 0.7, 0.8}) {
            int kept = 0, right = 0;
            for (Example e : test) {
                Prediction p = model.predict(e.text());
                if (p.confidence() < t) continue;
                kept++;
                if (p.label().equals(e.label())) right++;
            }
            System.out.printf(Locale.ROOT, "  threshold %.1f: %5.1f%% of headlines classified, accuracy among them %.4f%n",
                    t, 100.0 * kept / test.size(), kept == 0 ? 0 : (double) right / kept);
        }
    }

    static List<Example> read(Path p) throws Exception {
        try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
            return ExamplesCsv.read(r);
        }
    }

    static String key(String text) {
        return text.strip();
    }

    /** {accuracy, macro-F1} over the given label set. */
    static double[] score(List<Example> test, Function<String, Prediction> predict, Set<String> labels) {
        List<String> ls = new ArrayList<>(labels);
        int k = ls.size();
        int[] tp = new int[k], fp = new int[k], fn = new int[k];
        int right = 0;
        for (Example e : test) {
            String got = predict.apply(e.text()).label();
            int g = ls.indexOf(got), t = ls.indexOf(e.label());
            if (got.equals(e.label())) { right++; tp[t]++; }
            else {
                if (g >= 0) fp[g]++;
                if (t >= 0) fn[t]++;
            }
        }
        double f1sum = 0;
        for (int c = 0; c < k; c++) {
            double p = tp[c] + fp[c] == 0 ? 0 : (double) tp[c] / (tp[c] + fp[c]);
            double r = tp[c] + fn[c] == 0 ? 0 : (double) tp[c] / (tp[c] + fn[c]);
            f1sum += p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
        return new double[] {(double) right / test.size(), f1sum / k};
    }

    static String arg(String[] args, String name, String def) {
        for (int i = 0; i + 1 < args.length; i++) if (args[i].equals(name)) return args[i + 1];
        return def;
    }
}
