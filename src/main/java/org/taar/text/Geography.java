package org.taar.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where places lie: Indian states and union territories with their cities, the world's countries
 * and major cities abroad, in Hindi and English with their common spellings. Enough to say of a
 * dateline or a named place whether it is inside India (and in which state) or outside it. Ships
 * with {@code geography/places.tsv}; filled once at start, then only read.
 */
public final class Geography {
    static final String RESOURCE = "/geography/places.tsv";
    public static final String INDIA = "India";

    /**
     * What Taar knows of a place.
     *
     * @param kind {@code city}, {@code state} or {@code country}
     * @param name its English name
     * @param state the English name of the state it lies in (itself for a state), null for a country
     * @param country the English name of its country (itself for a country)
     * @param national the capital, whose datelines are the nation's news rather than a state's
     */
    public record Where(String kind, String name, String state, String country, boolean national) {
        public boolean inIndia() {
            return INDIA.equals(country);
        }
    }

    private record Line(String kind, String name, String within, boolean national) {}

    private final Map<String, Line> byName = new HashMap<>();
    private final Map<String, Line> byEnglish = new HashMap<>();

    private Geography() {}

    /** The geography that ships with Taar. */
    public static Geography standard() {
        try (InputStream in = Geography.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
            return read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Geography read(BufferedReader in) throws IOException {
        Geography g = new Geography();
        String text;
        int n = 0;
        while ((text = in.readLine()) != null) {
            n++;
            if (text.isBlank() || text.startsWith("#")) continue;
            String[] f = text.split("\t", -1);
            if (f.length < 4 || !List.of("city", "state", "country").contains(f[0])) {
                throw new IllegalArgumentException(RESOURCE + ":" + n + ": expected kind, name, other names, within");
            }
            Line line = new Line(f[0], f[1].strip(), f[3].strip(), f.length > 4 && f[4].contains("national"));
            g.byEnglish.putIfAbsent(line.name(), line);
            g.byName.putIfAbsent(key(line.name()), line);
            for (String alias : f[2].split("\\|")) if (!alias.isBlank()) g.byName.putIfAbsent(key(alias), line);
        }
        return g;
    }

    /** Where the place of that name lies, if Taar knows it (नयी दिल्ली, NEW DELHI and नई दिल्ली alike). */
    public Optional<Where> find(String name) {
        if (name == null || name.isBlank()) return Optional.empty();
        Line line = byName.get(key(name));
        return line == null ? Optional.empty() : Optional.of(where(line));
    }

    /** Whether the name is a country's (US, नेपाल, [भारत]). */
    public boolean isCountry(String name) {
        return find(name).map(w -> w.kind().equals("country")).orElse(false);
    }

    private Where where(Line line) {
        String state = null;
        boolean national = line.national();
        Line at = line;
        // Walk up city → state → country; the file is shallow, so a few steps suffice and a loop cannot run away.
        for (int step = 0; step < 4 && !at.kind().equals("country"); step++) {
            if (at.kind().equals("state") && state == null) state = at.name();
            national |= at.national();
            Line up = byEnglish.get(at.within());
            if (up == null) break;
            at = up;
        }
        String country = at.kind().equals("country") ? at.name() : null;
        return new Where(line.kind(), line.name(), state, country, national);
    }

    // Agencies and desks spell a place with and without nukta, dots, hyphens and in any case (U.P., UP, यूपी).
    static String key(String name) {
        return String.join(" ", Folding.words(name.replace(".", "")));
    }
}
