package org.taar.enrich;

import java.util.List;
import java.util.Optional;
import org.taar.config.Config;
import org.taar.item.NewsItem;
import org.taar.story.Tag;
import org.taar.text.Slugger;

/**
 * The enrich stage: chooses the site section ({@link SectionChooser}: the declared section, what it
 * means, the agency's subjects, the section model, the dateline's place, the places the story names,
 * then the defaults) and records what decided, turns the declared keywords and the entities the
 * {@link Tagger} finds into tags and makes the URL slug ({@link HeadlineSlugger}). Pure: same item,
 * same answer.
 *
 * <p>A model label maps onto a section by slug, name or alias, then with a {@code -news},
 * {@code -hindi} or {@code -news-hindi} suffix removed, then as the romanized slug of a name or alias
 * ("khel" for "खेल"); it is used if its confidence reaches {@code site.classifier_threshold}.
 */
public final class Enricher {
    static final int MAX_TAGS = Tagger.MAX_TAGS;

    private final Tagger tagger;
    private final HeadlineSlugger headlineSlugger;
    private final SectionChooser sections;

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
        this.tagger = new Tagger(gazetteer, slugger);
        this.headlineSlugger = new HeadlineSlugger(gazetteer, slugger);
        this.sections = new SectionChooser(site, slugger, tagger, model);
    }

    public Enrichment enrich(NewsItem item, Config.Source source) {
        SectionChoice section = sections.choose(item, source);
        return new Enrichment(section.section(), headlineSlugger.slug(item.headline()), tags(item), section);
    }

    /** The section alone, as {@link #enrich} chooses it: what a rule dry run gives the rules. */
    public String section(NewsItem item, Config.Source source) {
        return sectionChoice(item, source).section();
    }

    /** The section with what decided it. */
    public SectionChoice sectionChoice(NewsItem item, Config.Source source) {
        return sections.choose(item, source);
    }

    String sectionForLabel(String label) {
        return sections.sectionForLabel(label);
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
}
