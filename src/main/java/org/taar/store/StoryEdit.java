package org.taar.store;

import java.time.Instant;
import java.util.List;
import org.taar.item.NewsItem;
import org.taar.story.Story;
import org.taar.story.Tag;

/**
 * An editor's edit of a story, written by {@link StoryWrites#edit} in the caller's transaction.
 *
 * @param current the story as it stood when the edit was checked against what the editor saw
 * @param item the story's copy from now on: the current item with the edited headline, summary and body
 * @param section the section from now on (a configured one)
 * @param slug the slug of the edited headline
 * @param tags the story's tags from now on, in order
 */
public record StoryEdit(Story current, NewsItem item, String section, String slug, List<Tag> tags,
                        StoryVersion.Audit audit, Instant at) {
    public StoryEdit {
        tags = List.copyOf(tags);
    }
}
