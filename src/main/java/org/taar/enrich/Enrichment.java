package org.taar.enrich;

import java.util.List;
import org.taar.story.Tag;

/**
 * What the enrich stage adds to an item: the site section, the URL slug and the tags, and what
 * decided the section ({@code why}: null when made without a choice, as by hand in tests).
 */
public record Enrichment(String section, String slug, List<Tag> tags, SectionChoice why) {
    public Enrichment(String section, String slug, List<Tag> tags) {
        this(section, slug, tags, null);
    }
}
