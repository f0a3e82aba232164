package org.taar.desk;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The desk's own words in Hindi or English, from {@code desk/text-hi.properties} and
 * {@code desk/text-en.properties} (UTF-8). A word missing in Hindi falls back to English and a word
 * missing in both shows its key, so a forgotten translation is visible, never a blank button
 * (DeskTextTest keeps the two files in step).
 */
public final class DeskText {
    public static final List<String> LANGUAGES = List.of("hi", "en");
    private static final DeskText EN = new DeskText("en", load("en"), Map.of());
    private static final DeskText HI = new DeskText("hi", load("hi"), EN.words);

    private final String lang;
    private final Map<String, String> words;
    private final Map<String, String> fallback;

    private DeskText(String lang, Map<String, String> words, Map<String, String> fallback) {
        this.lang = lang;
        this.words = words;
        this.fallback = fallback;
    }

    /** The words in {@code lang} ("hi" or "en"); English for anything else. */
    public static DeskText of(String lang) {
        return "hi".equals(lang) ? HI : EN;
    }

    public String lang() {
        return lang;
    }

    public String get(String key) {
        String w = words.get(key);
        if (w == null) w = fallback.get(key);
        return w != null ? w : key;
    }

    /** A word with its {0}, {1}… filled in (plain replacement: the desk's sentences are simple). */
    public String get(String key, Object... values) {
        String w = get(key);
        for (int i = 0; i < values.length; i++) w = w.replace("{" + i + "}", String.valueOf(values[i]));
        return w;
    }

    /** Every key of a language's file, for the test that keeps them in step. */
    public static Map<String, String> words(String lang) {
        return load(lang);
    }

    private static Map<String, String> load(String lang) {
        String name = "/desk/text-" + lang.toLowerCase(Locale.ROOT) + ".properties";
        try (InputStream in = DeskText.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            Properties p = new Properties();
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                p.load(r);
            }
            Map<String, String> m = new TreeMap<>();
            p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
            return Map.copyOf(m);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + name, e);
        }
    }
}
