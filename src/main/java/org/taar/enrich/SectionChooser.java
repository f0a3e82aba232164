package org.taar.enrich;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.taar.config.Config;
import org.taar.item.NewsItem;
import org.taar.item.Place;
import org.taar.item.Subject;
import org.taar.story.Tag;
import org.taar.text.Geography;
import org.taar.text.Nfc;
import org.taar.text.Slugger;

/**
 * Chooses a story's section from what the story says before the site's default, and records what decided:
 * <ol>
 *   <li>the declared section when the site knows it (by slug, name or alias, whole or one of its parts);
 *   <li>what the declared section means ({@link SectionMeanings}; a state's name means states, a
 *       country's world);
 *   <li>the agency's coded subjects (an IPTC subject code by its top-level topic) and their names;
 *   <li>the section model's label for the headline, when confident enough;
 *   <li>the source's default section, when its operator gave one: a statement about the source,
 *       stronger than the guesses from geography below;
 *   <li>the dateline: abroad means world, an Indian state's city states (where the site has that
 *       section), the capital the nation's news;
 *   <li>the places and organisations the tagger finds, most salient weighing most;
 *   <li>the site's default section, recorded as "default": nothing in the story decided.
 * </ol>
 */
final class SectionChooser {
    // The tagger's first few finds say what a story is about; later ones are mentions in passing.
    private static final int PLACES_CONSIDERED = 6;
    // IPTC subject codes (subj:15008000, a NITF refnum 15008000) nest by their first two digits.
    private static final Pattern SUBJECT_CODE = Pattern.compile("(?:^|[:/])(\\d{2})\\d{6}$");

    private final Config.Site site;
    private final Slugger slugger;
    private final Tagger tagger;
    private final Optional<SectionModel> model;
    private final SectionMeanings meanings;
    private final Map<String, String> sectionByAlias = new LinkedHashMap<>();
    private final Map<String, String> sectionBySlug = new LinkedHashMap<>();

    SectionChooser(Config.Site site, Slugger slugger, Tagger tagger, Optional<SectionModel> model) {
        this.site = site;
        this.slugger = slugger;
        this.tagger = tagger;
        this.model = model;
        this.meanings = new SectionMeanings(site);
        for (Config.Section s : site.sections()) {
            sectionByAlias.put(key(s.slug()), s.slug());
            sectionByAlias.put(key(s.name()), s.slug());
            s.aliases().forEach(a -> sectionByAlias.put(key(a), s.slug()));
        }
        for (Config.Section s : site.sections()) {
            sectionBySlug.putIfAbsent(slugger.slug(s.name()), s.slug());
            s.aliases().forEach(a -> sectionBySlug.putIfAbsent(slugger.slug(a), s.slug()));
        }
    }

    SectionChoice choose(NewsItem item, Config.Source source) {
        return declared(item)
                .or(() -> subject(item))
                .or(() -> predicted(item))
                .or(() -> sourceDefault(source))
                .or(() -> dateline(item))
                .or(() -> places(item))
                .orElseGet(() -> siteDefault(item));
    }

    private Optional<SectionChoice> declared(NewsItem item) {
        String declared = item.section();
        if (declared == null || declared.isBlank()) return Optional.empty();
        String found = sectionByAlias.get(key(declared));
        for (String part : declared.split("[,;/|>»]")) {
            if (found == null && !part.isBlank()) found = sectionByAlias.get(key(part));
        }
        if (found != null) return Optional.of(new SectionChoice(found, SectionChoice.DECLARED, declared.strip()));
        Optional<String> meaning = meanings.meaningOf(declared);
        if (meaning.isPresent()) {
            Optional<String> section = meanings.section(meaning.get());
            if (section.isPresent()) {
                return Optional.of(new SectionChoice(section.get(), SectionChoice.DECLARED_MEANING,
                        declared.strip() + " means " + meaning.get()));
            }
        }
        // A section named after a place: "बिहार", "Uttar Pradesh", "Pakistan".
        return tagger.gazetteer().where(declared.strip()).flatMap(this::sectionOf)
                .map(s -> new SectionChoice(s.section(), SectionChoice.DECLARED_MEANING, declared.strip() + " " + s.detail()));
    }

    private Optional<SectionChoice> subject(NewsItem item) {
        for (Subject s : item.subjects()) {
            if (s.code() == null) continue;
            String found = sectionByAlias.get(key(s.code()));
            Matcher m = SUBJECT_CODE.matcher(s.code());
            if (found == null && m.find() && !s.code().startsWith("medtop:20")) {
                found = sectionByAlias.get("medtop:" + m.group(1) + "000000");
            }
            if (found != null) return Optional.of(new SectionChoice(found, SectionChoice.SUBJECT, s.code()));
        }
        for (Subject s : item.subjects()) {
            Optional<String> section = meanings.meaningOf(s.name()).flatMap(meanings::section);
            if (section.isPresent()) return Optional.of(new SectionChoice(section.get(), SectionChoice.SUBJECT, s.name()));
        }
        return Optional.empty();
    }

    private Optional<SectionChoice> predicted(NewsItem item) {
        if (model.isEmpty() || item.headline() == null || item.headline().isBlank()) return Optional.empty();
        Prediction p = model.get().predict(item.headline());
        if (p.confidence() < site.classifierThreshold()) return Optional.empty();
        String section = sectionForLabel(p.label());
        return section == null ? Optional.empty() : Optional.of(new SectionChoice(section, SectionChoice.MODEL,
                p.label() + String.format(Locale.ROOT, " %.2f", p.confidence())));
    }

    /**
     * Where the dateline lies: a foreign country written after the city first (Hyderabad [Pakistan]),
     * then the city, then the state written after it, and last "[भारत]" alone, which says only India.
     */
    private Optional<SectionChoice> dateline(NewsItem item) {
        List<String> names = new ArrayList<>();
        Gazetteer g = tagger.gazetteer();
        item.places().stream().filter(p -> p.kind().equals(Place.COUNTRY))
                .filter(p -> g.where(p.name()).map(w -> !w.inIndia()).orElse(false)).forEach(p -> names.add(p.name()));
        if (item.located() != null && !item.located().isBlank()) {
            names.add(item.located());
            // A joint dateline ("नयी दिल्ली/मुंबई", "JERUSALEM/GAZA"): its first city leads.
            for (String city : item.located().split("/")) if (!city.isBlank()) names.add(city.strip());
        }
        item.places().stream().filter(p -> !p.kind().equals(Place.COUNTRY)).forEach(p -> names.add(p.name()));
        item.places().stream().filter(p -> p.kind().equals(Place.COUNTRY)).forEach(p -> names.add(p.name()));
        for (String name : names) {
            Optional<SectionChoice> found = g.where(name).flatMap(this::sectionOf);
            if (found.isPresent()) {
                return Optional.of(new SectionChoice(found.get().section(), SectionChoice.DATELINE,
                        name + " " + found.get().detail()));
            }
        }
        return Optional.empty();
    }

    /** The section a place implies, with the reason in words (the section of the choice is all that is used). */
    private Optional<SectionChoice> sectionOf(Geography.Where w) {
        if (w.country() == null) return Optional.empty();
        if (!w.inIndia()) {
            return meanings.section("world").map(s -> new SectionChoice(s, "", "is outside India (" + w.country() + ")"));
        }
        if (w.national() || w.state() == null) {
            return meanings.section("india").map(s -> new SectionChoice(s, "", "is national (" + w.name() + ")"));
        }
        Optional<String> states = meanings.section("states");
        if (states.isPresent()) return Optional.of(new SectionChoice(states.get(), "", "is in " + w.state()));
        return meanings.section("india").map(s -> new SectionChoice(s, "", "is in " + w.state() + ", India"));
    }

    /** The places and organisations the story names, the most salient weighing most. */
    private Optional<SectionChoice> places(NewsItem item) {
        Map<String, Double> weight = new LinkedHashMap<>();
        Map<String, String> firstName = new LinkedHashMap<>();
        int rank = 0;
        for (Tag t : tagger.found(item)) {
            if (rank == PLACES_CONSIDERED) break;
            Optional<Entity> e = tagger.gazetteer().lookup(t.name());
            if (e.isEmpty()) continue;
            Optional<String> section = switch (e.get().type()) {
                case "place" -> tagger.gazetteer().where(t.name()).flatMap(this::sectionOf).map(SectionChoice::section);
                case "org" -> meanings.meaningOf(e.get().english()).or(() -> meanings.meaningOf(e.get().name()))
                        .flatMap(meanings::section);
                default -> Optional.empty();
            };
            rank++;
            if (section.isEmpty()) continue;
            weight.merge(section.get(), 1.0 / rank, Double::sum);
            firstName.putIfAbsent(section.get(), t.name());
        }
        if (weight.isEmpty()) return Optional.empty();
        List<Map.Entry<String, Double>> ranked = weight.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).toList();
        // Two sections weighed alike: the story's places do not decide.
        if (ranked.size() > 1 && ranked.get(0).getValue() - ranked.get(1).getValue() < 1e-9) return Optional.empty();
        String section = ranked.get(0).getKey();
        return Optional.of(new SectionChoice(section, SectionChoice.PLACES, "names " + firstName.get(section)));
    }

    // An operator who gave a source its section said where its stories go: that beats a guess from geography.
    private Optional<SectionChoice> sourceDefault(Config.Source source) {
        if (source.defaultSection() == null || site.section(source.defaultSection()).isEmpty()) return Optional.empty();
        return Optional.of(new SectionChoice(source.defaultSection(), SectionChoice.SOURCE_DEFAULT, source.name()));
    }

    private SectionChoice siteDefault(NewsItem item) {
        String language = item.language() == null ? "" : " (language " + item.language() + ")";
        return new SectionChoice(site.defaultSection(), SectionChoice.DEFAULT,
                "nothing in the story decided" + language);
    }

    String sectionForLabel(String label) {
        String k = key(label);
        String found = sectionByAlias.get(k);
        for (String suffix : List.of("-news-hindi", "-hindi", "-news")) {
            if (found == null && k.endsWith(suffix)) found = sectionByAlias.get(k.substring(0, k.length() - suffix.length()));
        }
        if (found == null) found = sectionBySlug.get(slugger.slug(label));
        return found;
    }

    static String key(String s) {
        return Nfc.of(s.strip()).toLowerCase(Locale.ROOT);
    }
}
