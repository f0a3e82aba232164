package org.taar.enrich;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.taar.config.Config;
import org.taar.format.NewsItem;
import org.taar.story.Tag;
import org.taar.text.Slugger;

/**
 * The enrich stage: maps the section a source declared onto the site's sections, turns the
 * declared keywords and the entities the {@link Tagger} finds into tags and makes the URL slug
 * ({@link HeadlineSlugger}). Pure: same item, same answer.
 */
public final class Enricher {
    static final int MAX_TAGS = Tagger.MAX_TAGS;

    private final Config.Site site;
    private final Tagger tagger;
    private final HeadlineSlugger headlineSlugger;
    private final Map<String, String> sectionByAlias = new LinkedHashMap<>();

    /** With the gazetteer that ships with Taar. */
    public Enricher(Config.Site site, Slugger slugger) {
        this(site, slugger, Gazetteer.standard());
    }

    public Enricher(Config.Site site, Slugger slugger, Gazetteer gazetteer) {
        this.site = site;
        this.tagger = new Tagger(gazetteer, slugger);
        this.headlineSlugger = new HeadlineSlugger(gazetteer, slugger);
        for (Config.Section s : site.sections()) {
            sectionByAlias.put(key(s.slug()), s.slug());
            sectionByAlias.put(key(s.name()), s.slug());
            s.aliases().forEach(a -> sectionByAlias.put(key(a), s.slug()));
        }
    }

    public Enrichment enrich(NewsItem item, Config.Source source) {
        return new Enrichment(section(item, source), headlineSlugger.slug(item.headline()), tags(item));
    }

    String section(NewsItem item, Config.Source source) {
        if (item.section() != null) {
            String found = sectionByAlias.get(key(item.section()));
            if (found != null) return found;
        }
        if (source.defaultSection() != null && site.section(source.defaultSection()).isPresent()) {
            return source.defaultSection();
        }
        return site.defaultSection();
    }

    List<Tag> tags(NewsItem item) {
        return tagger.tags(item);
    }

    private static String key(String s) {
        return Normalizer.normalize(s.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }
}
