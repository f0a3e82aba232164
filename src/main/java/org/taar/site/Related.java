package org.taar.site;

import java.util.List;
import org.taar.story.Story;

/** Stories to suggest under an article, asked for when the article is materialized. */
@FunctionalInterface
public interface Related {
    Related NONE = s -> List.of();

    List<Views.RelatedLink> of(Story story);
}
