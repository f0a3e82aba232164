package org.taar.store;

import static org.taar.store.StoryRows.millis;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.taar.item.NewsItem;
import org.taar.story.EventKind;
import org.taar.story.OutcomeStatus;
import org.taar.story.Status;
import org.taar.story.Story;
import org.taar.story.Tag;

/**
 * Every change to a story goes through here, whole: the story row, its tags, the version row,
 * its history, its fingerprint, its row in the wire queue, the event that tells readers and the
 * audit entry that says who, all in the caller's transaction, so a crash leaves all of it or none of it.
 */
public final class StoryWrites {
    // Pruning runs once in this many remembered fingerprints: cheap, and keeps the tables near the window.
    static final int PRUNE_EVERY = 256;

    private final Store store;
    private final FingerprintStore fingerprints;

    public StoryWrites(Store store) {
        this.store = store;
        this.fingerprints = new FingerprintStore(store);
    }

    public Store store() {
        return store;
    }

    /** Writes one received version of a story; returns the story's id (new for an Insert). */
    public long record(Handle h, StoryVersion v) {
        long id = row(h, v);
        if (v.tags() != null) setTags(h, id, v.tags());
        if (v.fingerprint() instanceof StoryVersion.Fingerprint.Original o) {
            fingerprints.remember(h, id, o.source(), o.agency(), o.contentHash(), o.shingles(), o.signature(),
                    o.bandKeys(), o.at());
            if (id % PRUNE_EVERY == 0) fingerprints.forgetBefore(h, o.forgetBefore());
        } else if (v.fingerprint() instanceof StoryVersion.Fingerprint.CopyOf c) {
            fingerprints.link(h, id, c.originalId(), c.similarity(), c.kind(), v.at());
            EventLog.append(h, c.originalId(), EventKind.REPORTED, v.at());
        }
        if (v.corrected()) StoryHistory.corrected(h, id, v.at());
        addVersion(h, id, v.item(), v.deliveryId(), v.outcome().label(), v.reason(), v.at());
        WireLog.story(h, id, v);
        if (v.event() != null) EventLog.append(h, id, v.event(), v.at());
        for (StoryVersion.Audit a : v.audits()) AuditLog.append(h, id, a.action(), a.actor(), a.reason(), v.at());
        return id;
    }

    /**
     * An editor's release, hold or kill, with its event and audit entry. A release or hold applies
     * only while the story is still {@code from}, so a kill arriving meanwhile is never undone; a
     * release keeps the first publication time. False when the story was no longer {@code from}.
     */
    public boolean change(Handle h, StatusChange c) {
        var update = h.createUpdate("""
                        UPDATE stories SET status = :to, reason = :reason,
                               published_at = CASE WHEN :to = 'published' THEN COALESCE(published_at, :now)
                                                   ELSE published_at END
                        WHERE id = :id""" + (c.from() == null ? "" : " AND status = :from"))
                .bind("id", c.storyId()).bind("to", c.to().label()).bind("reason", c.reason())
                .bind("now", c.at().toEpochMilli());
        if (c.from() != null) update.bind("from", c.from().label());
        if (update.execute() != 1) return false;
        if (c.event() != null) EventLog.append(h, c.storyId(), c.event(), c.at());
        AuditLog.append(h, c.storyId(), c.audit().action(), c.audit().actor(), c.audit().reason(), c.at());
        return true;
    }

    /**
     * Takes the story's row for the rest of the caller's transaction (a no-op write: PostgreSQL
     * locks the row, SQLite the database), so that a desk action's check of what the editor saw
     * and its change cannot interleave with another's. False when there is no such story.
     */
    public boolean lock(Handle h, long storyId) {
        return h.createUpdate("UPDATE stories SET status = status WHERE id = :id").bind("id", storyId).execute() == 1;
    }

    /**
     * An editor's edit, a version of its own: the story's copy, section, slug and tags change as
     * one, a versions row ({@code edited}, no delivery, the agency's version it edits) and the audit
     * entry record it, and readers are told when the story is up. A new address keeps the old one
     * as a former path (301). The story keeps the agency's version number, so the agency's next
     * version is newer and replaces the edit as any update does (pipeline/Recorder says so in the audit).
     */
    public void edit(Handle h, StoryEdit e) {
        Story s = e.current();
        h.createUpdate("""
                        UPDATE stories SET headline = :headline, item = :item,
                               updated_at = CASE WHEN status = 'published' THEN :now ELSE updated_at END
                        WHERE id = :id""")
                .bind("id", s.id()).bind("headline", e.item().headline()).bind("item", ItemJson.write(e.item()))
                .bind("now", e.at().toEpochMilli()).execute();
        StoryHistory.move(h, s, e.section(), e.slug(), e.at());
        setTags(h, s.id(), e.tags());
        addVersion(h, s.id(), e.item(), null, OutcomeStatus.EDITED.label(), e.audit().reason(), e.at());
        // Held or embargoed, nothing readers see changed; a restored story keeps its 410 until published.
        if (s.status() == Status.PUBLISHED) EventLog.append(h, s.id(), EventKind.UPDATED, e.at());
        AuditLog.append(h, s.id(), e.audit().action(), e.audit().actor(), e.audit().reason(), e.at());
    }

    /**
     * An editor's scheduled release: the story waits as an embargoed one until {@code until}, and
     * EmbargoQueue releases it once, as it releases an agency's embargo. Applies only while the
     * story is still {@code from}; false otherwise.
     */
    public boolean schedule(Handle h, long storyId, Status from, Instant until, String reason,
                            StoryVersion.Audit audit, Instant at) {
        int changed = h.createUpdate("""
                        UPDATE stories SET status = 'embargoed', embargo_until = :until, reason = :reason
                        WHERE id = :id AND status = :from""")
                .bind("id", storyId).bind("until", until.toEpochMilli()).bind("reason", reason)
                .bind("from", from.label()).execute();
        if (changed != 1) return false;
        EventLog.append(h, storyId, EventKind.EMBARGOED, at);
        AuditLog.append(h, storyId, audit.action(), audit.actor(), audit.reason(), at);
        return true;
    }

    // Java 17 has no pattern switch: the four rows in the order of StoryVersion.Row.
    private static long row(Handle h, StoryVersion v) {
        StoryVersion.Row row = v.row();
        if (row instanceof StoryVersion.Row.Insert r) return insert(h, r, v);
        if (row instanceof StoryVersion.Row.Revise r) return revise(h, r, v);
        if (row instanceof StoryVersion.Row.Kill r) return kill(h, r.storyId(), v.reason());
        return ((StoryVersion.Row.Keep) row).storyId();
    }

    private static long insert(Handle h, StoryVersion.Row.Insert r, StoryVersion v) {
        NewsItem item = v.item();
        return h.createUpdate("""
                        INSERT INTO stories (source, uri, version, status, reason, section, slug, headline, urgency,
                                             item, created_at, published_at, embargo_until)
                        VALUES (:source, :uri, :version, :status, :reason, :section, :slug, :headline, :urgency,
                                :item, :now, :published, :embargo)""")
                .bind("source", r.source()).bind("uri", item.uri()).bind("version", item.version())
                .bind("status", r.status().label()).bind("reason", v.reason()).bind("section", r.section())
                .bind("slug", r.slug()).bind("headline", item.headline()).bind("urgency", item.urgency())
                .bind("item", ItemJson.write(item)).bind("now", v.at().toEpochMilli())
                .bind("published", millis(r.publishedAt())).bind("embargo", millis(r.embargoUntil()))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    private static long revise(Handle h, StoryVersion.Row.Revise r, StoryVersion v) {
        Story s = r.current();
        NewsItem item = v.item();
        h.createUpdate("""
                        UPDATE stories SET version = :version, status = :status, reason = :reason, section = :section,
                               headline = :headline, urgency = :urgency, item = :item, published_at = :published,
                               updated_at = :updated, embargo_until = :embargo
                        WHERE id = :id""")
                .bind("id", s.id()).bind("version", item.version()).bind("status", r.status().label())
                .bind("reason", v.reason()).bind("section", s.section()).bind("headline", item.headline())
                .bind("urgency", item.urgency()).bind("item", ItemJson.write(item))
                .bind("published", millis(r.publishedAt())).bind("updated", millis(r.updatedAt()))
                .bind("embargo", millis(r.embargoUntil()))
                .execute();
        // A changed headline moves the story to its new slug; the old address answers 301.
        if (!s.slug().equals(r.slug())) StoryHistory.move(h, s, r.slug(), v.at());
        return s.id();
    }

    private static long kill(Handle h, long id, String reason) {
        h.createUpdate("UPDATE stories SET status = 'killed', reason = :reason WHERE id = :id")
                .bind("id", id).bind("reason", reason).execute();
        return id;
    }

    private static void addVersion(Handle h, long storyId, NewsItem item, Long deliveryId, String outcome,
                                   String reason, Instant at) {
        h.createUpdate("""
                        INSERT INTO versions (story_id, version, delivery_id, outcome, reason, item, received_at)
                        VALUES (:story, :version, :delivery, :outcome, :reason, :item, :now)""")
                .bind("story", storyId).bind("version", item.version()).bind("delivery", deliveryId)
                .bind("outcome", outcome).bind("reason", reason).bind("item", ItemJson.write(item))
                .bind("now", at.toEpochMilli())
                .execute();
    }

    private static void setTags(Handle h, long storyId, List<Tag> tags) {
        h.createUpdate("DELETE FROM story_tags WHERE story_id = :id").bind("id", storyId).execute();
        int position = 0;
        for (Tag tag : tags) {
            // A slug an editor merged away is an alias: the story gets the canonical tag (TagStore).
            String slug = TagStore.aliasTarget(h, tag.slug()).orElse(tag.slug());
            h.createUpdate("INSERT INTO tags (slug, name) VALUES (:slug, :name) ON CONFLICT (slug) DO NOTHING")
                    .bind("slug", slug).bind("name", tag.name()).execute();
            // With the story's publication time, for its tags' pages (V18; a trigger keeps it after).
            h.createUpdate("""
                            INSERT INTO story_tags (story_id, tag, position, published_at)
                            SELECT :id, :tag, :pos, published_at FROM stories WHERE id = :id
                            ON CONFLICT (story_id, tag) DO NOTHING""")
                    .bind("id", storyId).bind("tag", slug).bind("pos", position++).execute();
        }
    }
}
