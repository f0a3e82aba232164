-- Sources added at the desk live only here, so they must survive a restart: origin says who owns a
-- row. 'config': taar.yml (sync rewrites it); 'desk': added at the desk (sync leaves it alone);
-- 'removed': once in taar.yml, no longer (disabled until it is configured again). With a row's owner
-- known, enabled = 0 on a configured or desk source is an admin's pause, and a restart keeps it.
ALTER TABLE sources ADD COLUMN origin TEXT NOT NULL DEFAULT 'config';
-- Before this, only a source dropped from taar.yml was ever disabled.
UPDATE sources SET origin = 'removed' WHERE enabled = 0;

-- Who decided an advisory at the desk or over the API, and when (the kill itself is in the audit).
ALTER TABLE advisories ADD COLUMN decided_by TEXT;
ALTER TABLE advisories ADD COLUMN decided_at BIGINT;
