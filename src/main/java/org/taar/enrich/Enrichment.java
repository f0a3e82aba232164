package org.taar.enrich;

import java.util.List;
import org.taar.story.Tag;

/** What the enrich stage adds to an item: the site section, the URL slug and the tags. */
public record Enrichment(String section, String slug, List<Tag> tags) {}
