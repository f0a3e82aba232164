package org.taar.rules;

import java.util.ArrayList;
import java.util.List;
import org.taar.enrich.Enrichment;
import org.taar.enrich.SectionChoice;
import org.taar.item.NewsItem;
import org.taar.story.Tag;
import org.taar.text.Slugger;

/** Applies a decision's {@link Decision.Edits} to what the pipeline stores: section, tags, disclaimer. */
public final class RuleEdits {
    private static final Slugger SLUGGER = new Slugger();

    private RuleEdits() {}

    /** The item with the rule's disclaimer, which the article page shows instead of the source's. */
    public static NewsItem item(NewsItem item, Decision.Edits edits) {
        if (edits.disclaimer() == null) return item;
        NewsItem.Builder b = item.toBuilder();
        b.disclaimer = edits.disclaimer();
        return b.build();
    }

    /** The enrichment with the rule's section (a story's URL keeps its first section) and tags added after its own. */
    public static Enrichment enrichment(Enrichment e, Decision.Edits edits) {
        if (edits.section() == null && edits.tags().isEmpty()) return e;
        List<Tag> tags = new ArrayList<>(e.tags());
        for (String name : edits.tags()) {
            Tag t = new Tag(SLUGGER.slug(name), name.strip());
            if (!t.slug().isEmpty() && tags.stream().noneMatch(x -> x.slug().equals(t.slug()))) tags.add(t);
        }
        if (edits.section() == null) return new Enrichment(e.section(), e.slug(), tags, e.why());
        return new Enrichment(edits.section(), e.slug(), tags,
                new SectionChoice(edits.section(), SectionChoice.RULE, "a routing rule's edit"));
    }
}
