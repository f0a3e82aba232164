package org.taar.kill;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.taar.store.AdvisoryStore.Candidate;
import org.taar.normalize.KillAdvisories;
import org.taar.normalize.KillAdvisory;

/**
 * Which recent story of the same source a kill names, in the order of trust: an identifier,
 * then the exact slug, then the headline (compared after {@link #normalize}). The first
 * reference kind that finds anything decides; a pure function, so the rule is tested alone.
 */
public final class KillMatcher {
    /** Headlines shorter than this (normalized) are too generic to be found inside an advisory's text. */
    static final int MIN_HEADLINE_CHARS = 12;

    /** @param by what the stories were matched by: uri, slug, headline, or none */
    public record Match(String by, List<Candidate> stories) {}

    private KillMatcher() {}

    public static Match match(KillAdvisory kill, List<Candidate> recent) {
        List<Candidate> found = new ArrayList<>();
        for (Candidate c : recent) if (kill.uris().contains(c.uri())) found.add(c);
        if (!found.isEmpty()) return new Match("uri", found);
        if (kill.slug() != null) {
            String slug = slug(kill.slug());
            for (Candidate c : recent) if (c.slugline() != null && slug(c.slugline()).equals(slug)) found.add(c);
            if (!found.isEmpty()) return new Match("slug", found);
        }
        List<String> headlines = kill.headlines().stream().map(KillMatcher::normalize).filter(h -> !h.isEmpty()).toList();
        for (Candidate c : recent) if (headlines.contains(normalize(c.headline()))) found.add(c);
        if (!found.isEmpty()) return new Match("headline", found);
        if (kill.advisory()) {
            // An advisory may name the headline without quotes: look for it in the advisory's words.
            String text = " " + normalize(kill.text()) + " ";
            for (Candidate c : recent) {
                String h = normalize(c.headline());
                if (h.length() >= MIN_HEADLINE_CHARS && text.contains(" " + h + " ")) found.add(c);
            }
            if (!found.isEmpty()) return new Match("headline", found);
        }
        return new Match("none", List.of());
    }

    /**
     * A headline as compared: Hindi folded ({@link KillAdvisories#fold}), lower case, every
     * punctuation mark and quote a space, single spaces.
     */
    public static String normalize(String s) {
        if (s == null) return "";
        return KillAdvisories.fold(s).toLowerCase(Locale.ROOT)
                .replaceAll("[\\p{P}\\p{S}]+", " ").replaceAll("\\s+", " ").strip();
    }

    private static String slug(String s) {
        return s.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", "-");
    }
}
