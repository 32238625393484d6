-- 005-imports-in-parts.sql: never edit it once it has shipped; add the next number. Lines are joined
-- without their line breaks when read (tl-sqlite-schema.c), so statements reach
-- sqlite_master as earlier versions wrote them: keep the two-space indents.
-- 4 -> 5: long imports are written in short transactions, into a source
-- that stays hidden (deleted = 2) until its last one; its lines enter the
-- full-text index as they are written. Only a source the editor deleted
-- (1) and brought back leaves and re-enters the index as a whole.
DROP TRIGGER source_fts_hide;
DROP TRIGGER source_fts_show;
CREATE TRIGGER source_fts_hide AFTER UPDATE OF deleted ON source
  WHEN new.deleted = 1 AND old.deleted = 0 BEGIN
  INSERT INTO segment_fts (segment_fts, rowid, text)
    SELECT 'delete', g.id, g.text FROM segment g JOIN transcript t ON t.id = g.transcript_id
    WHERE t.source_id = new.id;
END;
CREATE TRIGGER source_fts_show AFTER UPDATE OF deleted ON source
  WHEN old.deleted = 1 AND new.deleted = 0 BEGIN
  INSERT INTO segment_fts (rowid, text)
    SELECT g.id, g.text FROM segment g JOIN transcript t ON t.id = g.transcript_id
    WHERE t.source_id = new.id;
END;
