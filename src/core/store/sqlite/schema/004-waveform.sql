-- 004-waveform.sql: never edit it once it has shipped; add the next number. Lines are joined
-- without their line breaks when read (tl-sqlite-schema.c), so statements reach
-- sqlite_master as earlier versions wrote them: keep the two-space indents.
-- 3 -> 4: waveform peaks of a source's sound (tl-library-waveform.c),
-- computed once; the media file's size and time tell when they are stale
CREATE TABLE waveform (
  source_id INTEGER PRIMARY KEY REFERENCES source(id) ON DELETE CASCADE,
  media_path TEXT NOT NULL,
  media_size INTEGER NOT NULL,
  media_mtime INTEGER NOT NULL,
  peaks_per_second INTEGER NOT NULL CHECK (peaks_per_second > 0),
  peaks BLOB NOT NULL,
  computed_at INTEGER NOT NULL);
