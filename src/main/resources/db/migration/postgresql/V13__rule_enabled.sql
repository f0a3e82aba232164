-- An editor may switch a stored routing rule off without losing it; 1 runs, 0 is kept but skipped.
-- INTEGER in both dialects, so the SQL in RuleStore is the same for each.
ALTER TABLE routing_rules ADD COLUMN enabled INTEGER NOT NULL DEFAULT 1;
