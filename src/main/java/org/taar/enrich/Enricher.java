package org.taar.enrich;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.taar.config.Config;
import org.taar.item.NewsItem;
import org.taar.story.Tag;
import org.taar.text.Slugger;

/**
 * The enrich stage: maps the section a source declared onto the site's sections, turns the
 * declared keywords and the entities the {@link Tagger} finds into tags and makes the URL slug
 * ({@link HeadlineSlugger}). Pure: same item, same answer.
 *
 * <p>When the declared section does not map and a {@link SectionModel} is given, the model's label
 * for the headline is used if its confidence reaches {@code site.classifier_threshold} and the label
 * maps onto a section: by slug, name or alias, then with a {@code -news}, {@code -hindi} or
 * {@code -news-hindi} suffix removed, then as the romanized slug of a name or alias ("khel" for
 * "खेल"). Otherwise the source's default section, then the site's.
 */
public final class Enricher {
    static final int MAX_TAGS = Tagger.MAX_TAGS;

    private final Config.Site site;
    private final Slugger slugger;
    private final Tagger tagger;
    private final HeadlineSlugger headlineSlugger;
    private final Map<String, String> sectionByAlias = new LinkedHashMap<>();
    private final Map<String, String> sectionBySlug = new LinkedHashMap<>();
    private final Optional<SectionModel> model;

    /** With the gazetteer that ships with Taar. */
    public Enricher(Config.Site site, Slugger slugger) {
        this(site, slugger, Gazetteer.standard(), Optional.empty());
    }

    public Enricher(Config.Site site, Slugger slugger, Optional<SectionModel> model) {
        this(site, slugger, Gazetteer.standard(), model);
    }

    public Enricher(Config.Site site, Slugger slugger, Gazetteer gazetteer) {
        this(site, slugger, gazetteer, Optional.empty());
    }

    public Enricher(Config.Site site, Slugger slugger, Gazetteer gazetteer, Optional<SectionModel> model) {
        this.site = site;
        this.slugger = slugger;
        this.model = model;
        this.tagger = new Tagger(gazetteer, slugger);
        this.headlineSlugger = new HeadlineSlugger(gazetteer, slugger);
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

    public Enrichment enrich(NewsItem item, Config.Source source) {
        return new Enrichment(section(item, source), headlineSlugger.slug(item.headline()), tags(item));
    }

    /** The section alone, as {@link #enrich} chooses it: what a rule dry run gives the rules. */
    public String section(NewsItem item, Config.Source source) {
        if (item.section() != null) {
            String found = sectionByAlias.get(key(item.section()));
            if (found != null) return found;
        }
        String predicted = predictedSection(item);
        if (predicted != null) return predicted;
        if (source.defaultSection() != null && site.section(source.defaultSection()).isPresent()) {
            return source.defaultSection();
        }
        return site.defaultSection();
    }

    /** The model's section for the headline, or null: no model, low confidence or a label no section takes. */
    String predictedSection(NewsItem item) {
        if (model.isEmpty() || item.headline() == null || item.headline().isBlank()) return null;
        Prediction p = model.get().predict(item.headline());
        if (p.confidence() < site.classifierThreshold()) return null;
        return sectionForLabel(p.label());
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

    List<Tag> tags(NewsItem item) {
        return tagger.tags(item);
    }

    /** The slug a headline gives a story, as for a received version (an editor's edited headline). */
    public String slug(String headline) {
        return headlineSlugger.slug(headline);
    }

    /** A tag an editor names, under its canonical name and slug as a declared keyword gets; null when blank. */
    public Tag tag(String name) {
        return tagger.canonical(name);
    }

    private static String key(String s) {
        return Normalizer.normalize(s.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }
}
