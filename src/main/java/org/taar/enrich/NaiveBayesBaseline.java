package org.taar.enrich;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The baseline the section model is measured against: multinomial naive Bayes over character
 * 3-grams (within word boundaries, same normalization as {@link Features}), with additive
 * (Laplace/Lidstone) smoothing. Exact counts, no hashing.
 */
public final class NaiveBayesBaseline {
    private final String[] labels;
    private final double[] logPrior;
    private final Map<String, double[]> counts;
    private final double[] totals;
    private final double alpha;
    private final int vocabulary;

    private NaiveBayesBaseline(String[] labels, double[] logPrior, Map<String, double[]> counts, double[] totals, double alpha) {
        this.labels = labels;
        this.logPrior = logPrior;
        this.counts = counts;
        this.totals = totals;
        this.alpha = alpha;
        this.vocabulary = counts.size();
    }

    public static NaiveBayesBaseline train(List<Example> examples) {
        return train(examples, 1.0);
    }

    public static NaiveBayesBaseline train(List<Example> examples, double alpha) {
        if (examples.isEmpty()) throw new IllegalArgumentException("no training examples");
        Map<String, Integer> classOf = new LinkedHashMap<>();
        examples.stream().map(Example::label).sorted().forEach(l -> classOf.putIfAbsent(l, classOf.size()));
        int k = classOf.size();
        double[] docs = new double[k];
        double[] totals = new double[k];
        Map<String, double[]> counts = new HashMap<>();
        for (Example e : examples) {
            int c = classOf.get(e.label());
            docs[c]++;
            for (String g : trigrams(e.text())) {
                counts.computeIfAbsent(g, x -> new double[k])[c]++;
                totals[c]++;
            }
        }
        double[] logPrior = new double[k];
        for (int c = 0; c < k; c++) logPrior[c] = Math.log(docs[c] / examples.size());
        return new NaiveBayesBaseline(classOf.keySet().toArray(String[]::new), logPrior, counts, totals, alpha);
    }

    static List<String> trigrams(String text) {
        List<String> out = new java.util.ArrayList<>();
        for (String w : Features.words(Features.normalize(text))) {
            String padded = " " + w + " ";
            for (int i = 0; i + 3 <= padded.length(); i++) out.add(padded.substring(i, i + 3));
        }
        return out;
    }

    public Prediction predict(String text) {
        int k = labels.length;
        double[] s = logPrior.clone();
        for (String g : trigrams(text)) {
            double[] n = counts.get(g);
            if (n == null) continue; // unseen in training: same factor for every class
            for (int c = 0; c < k; c++) s[c] += Math.log((n[c] + alpha) / (totals[c] + alpha * vocabulary));
        }
        int best = 0;
        double max = s[0];
        for (int c = 1; c < k; c++) if (s[c] > max) { max = s[c]; best = c; }
        double sum = 0;
        for (int c = 0; c < k; c++) sum += Math.exp(s[c] - max);
        return new Prediction(labels[best], 1 / sum);
    }
}
