-- 002-undo-history.sql: never edit it once it has shipped; add the next number. Lines are joined
-- without their line breaks when read (tl-sqlite-schema.c), so statements reach
-- sqlite_master as earlier versions wrote them: keep the two-space indents.
-- 1 -> 2: undo across restarts, and deletes that can be undone. A
-- deleted source or folder is hidden, not removed; its lines leave the
-- full-text index and come back if the delete is undone.
ALTER TABLE source ADD COLUMN deleted INTEGER NOT NULL DEFAULT 0;
ALTER TABLE folder ADD COLUMN deleted INTEGER NOT NULL DEFAULT 0;
-- a deleted folder's name is free again
DROP INDEX folder_name;
CREATE UNIQUE INDEX folder_name ON folder (ifnull(parent_id, 0), name) WHERE deleted = 0;
CREATE TABLE undo_step (
  id INTEGER PRIMARY KEY,
  label TEXT NOT NULL,
  undone INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL);
CREATE TABLE undo_log (
  seq INTEGER PRIMARY KEY,
  step_id INTEGER NOT NULL REFERENCES undo_step(id) ON DELETE CASCADE,
  sql TEXT NOT NULL);
CREATE INDEX undo_log_step ON undo_log (step_id, seq);
CREATE TRIGGER source_fts_hide AFTER UPDATE OF deleted ON source
  WHEN new.deleted AND NOT old.deleted BEGIN
  INSERT INTO segment_fts (segment_fts, rowid, text)
    SELECT 'delete', g.id, g.text FROM segment g JOIN transcript t ON t.id = g.transcript_id
    WHERE t.source_id = new.id;
END;
CREATE TRIGGER source_fts_show AFTER UPDATE OF deleted ON source
  WHEN old.deleted AND NOT new.deleted BEGIN
  INSERT INTO segment_fts (rowid, text)
    SELECT g.id, g.text FROM segment g JOIN transcript t ON t.id = g.transcript_id
    WHERE t.source_id = new.id;
END;
