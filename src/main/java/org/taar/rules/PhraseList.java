package org.taar.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A list of words and phrases matched as whole words on {@link RuleText#words folded} text. An
 * entry of several words matches them in a row; a last word ending in {@code *} matches any word
 * it begins (so {@code fuck*} finds "fucking", and nothing short of a whole word matches
 * otherwise). Lines starting with {@code #} are comments.
 */
public final class PhraseList {
    private record Phrase(String written, List<String> words, boolean prefixLast) {}

    private final Map<String, List<Phrase>> byFirstWord = new HashMap<>();
    private final List<Phrase> prefixFirst = new ArrayList<>();
    private final int size;

    public PhraseList(List<String> entries) {
        int n = 0;
        for (String raw : entries) {
            String e = raw.strip();
            if (e.isEmpty() || e.startsWith("#")) continue;
            boolean prefix = e.endsWith("*");
            List<String> words = RuleText.words(prefix ? e.substring(0, e.length() - 1) : e);
            if (words.isEmpty()) continue;
            Phrase p = new Phrase(e, words, prefix);
            if (prefix && words.size() == 1) prefixFirst.add(p);
            else byFirstWord.computeIfAbsent(words.get(0), k -> new ArrayList<>()).add(p);
            n++;
        }
        size = n;
    }

    /** A list from a UTF-8 resource on the class path, one entry a line. */
    public static PhraseList resource(String path) {
        try (InputStream in = PhraseList.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("missing resource " + path);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return new PhraseList(r.lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int size() {
        return size;
    }

    /** The first entry found in the words, as the list writes it. */
    public Optional<String> find(List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            for (Phrase p : byFirstWord.getOrDefault(w, List.of())) {
                if (matchesAt(p, words, i)) return Optional.of(p.written());
            }
            for (Phrase p : prefixFirst) {
                if (w.startsWith(p.words().get(0))) return Optional.of(p.written());
            }
        }
        return Optional.empty();
    }

    private static boolean matchesAt(Phrase p, List<String> words, int at) {
        List<String> pw = p.words();
        if (at + pw.size() > words.size()) return false;
        for (int k = 0; k < pw.size(); k++) {
            String want = pw.get(k);
            String got = words.get(at + k);
            boolean last = k == pw.size() - 1;
            if (last && p.prefixLast() ? !got.startsWith(want) : !got.equals(want)) return false;
        }
        return true;
    }
}
