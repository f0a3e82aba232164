package org.taar.enrich;

import java.text.Normalizer;
import java.util.ArrayList;
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
 * declared keywords into tags and makes the URL slug. Pure: same item, same answer.
 */
public final class Enricher {
    static final int MAX_TAGS = 8;

    private final Config.Site site;
    private final Slugger slugger;
    private final Map<String, String> sectionByAlias = new LinkedHashMap<>();

    public Enricher(Config.Site site, Slugger slugger) {
        this.site = site;
        this.slugger = slugger;
        for (Config.Section s : site.sections()) {
            sectionByAlias.put(key(s.slug()), s.slug());
            sectionByAlias.put(key(s.name()), s.slug());
            s.aliases().forEach(a -> sectionByAlias.put(key(a), s.slug()));
        }
    }

    public Enrichment enrich(NewsItem item, Config.Source source) {
        return new Enrichment(section(item, source), slugger.slug(item.headline()), tags(item));
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
        Map<String, Tag> bySlug = new LinkedHashMap<>();
        for (String name : item.tags()) {
            String clean = name.strip();
            if (clean.isEmpty()) continue;
            String slug = slugger.slug(clean);
            bySlug.putIfAbsent(slug, new Tag(slug, clean));
            if (bySlug.size() == MAX_TAGS) break;
        }
        return new ArrayList<>(bySlug.values());
    }

    private static String key(String s) {
        return Normalizer.normalize(s.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }
}
