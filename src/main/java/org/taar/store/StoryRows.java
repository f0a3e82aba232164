package org.taar.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.taar.item.NewsItem;
import org.taar.story.Status;
import org.taar.story.Story;
import org.taar.story.Tag;

/** How a row of the stories table becomes a Story: shared by the classes that read stories. */
final class StoryRows {
    static final String COLUMNS = """
            s.id, s.source, s.uri, s.version, s.status, s.reason, s.section, s.slug, s.item,
            s.created_at, s.published_at, s.updated_at, s.embargo_until""";

    private StoryRows() {}

    static Story story(ResultSet rs, List<Tag> tags) throws SQLException {
        NewsItem item = ItemJson.read(rs.getString("item"));
        return new Story(rs.getLong("id"), rs.getString("source"), rs.getString("uri"), rs.getInt("version"),
                Status.of(rs.getString("status")), rs.getString("reason"), rs.getString("section"),
                rs.getString("slug"), item, tags, instant(rs, "created_at"), instant(rs, "published_at"),
                instant(rs, "updated_at"), instant(rs, "embargo_until"));
    }

    static List<Tag> tagsOf(Handle h, long storyId) {
        return h.createQuery("""
                        SELECT g.slug, g.name FROM story_tags t JOIN tags g ON g.slug = t.tag
                        WHERE t.story_id = :id ORDER BY t.position""")
                .bind("id", storyId)
                .map((rs, ctx) -> new Tag(rs.getString("slug"), rs.getString("name"))).list();
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    static Long millis(Instant i) {
        return i == null ? null : i.toEpochMilli();
    }
}
