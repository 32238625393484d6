-- 001-first-schema.sql: never edit it once it has shipped; add the next number. Lines are joined
-- without their line breaks when read (tl-sqlite-schema.c), so statements reach
-- sqlite_master as earlier versions wrote them: keep the two-space indents.
-- 0 -> 1: the first schema
CREATE TABLE folder (
  id INTEGER PRIMARY KEY,
  parent_id INTEGER REFERENCES folder(id) ON DELETE CASCADE,
  name TEXT NOT NULL CHECK (name <> '' AND instr(name, '/') = 0),
  position INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL);
CREATE UNIQUE INDEX folder_name ON folder (ifnull(parent_id, 0), name);
CREATE TABLE source (
  id INTEGER PRIMARY KEY,
  folder_id INTEGER REFERENCES folder(id) ON DELETE SET NULL,
  kind TEXT NOT NULL CHECK (kind IN ('transcript', 'video', 'audio', 'article')),
  title TEXT NOT NULL,
  outlet TEXT,
  published TEXT,
  url TEXT,
  external_id TEXT,
  duration_us INTEGER CHECK (duration_us IS NULL OR duration_us >= 0),
  description TEXT,
  language TEXT,
  position INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL);
CREATE INDEX source_folder ON source (folder_id);
CREATE TABLE source_keyword (
  source_id INTEGER NOT NULL REFERENCES source(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  keyword TEXT NOT NULL,
  PRIMARY KEY (source_id, position)) WITHOUT ROWID;
CREATE TABLE media (
  source_id INTEGER PRIMARY KEY REFERENCES source(id) ON DELETE CASCADE,
  path TEXT NOT NULL,
  duration_us INTEGER,
  fps_num INTEGER,
  fps_den INTEGER,
  width INTEGER,
  height INTEGER,
  has_video INTEGER NOT NULL DEFAULT 0,
  has_audio INTEGER NOT NULL DEFAULT 0,
  video_codec TEXT,
  audio_codec TEXT,
  start_timecode TEXT);
CREATE TABLE transcript (
  id INTEGER PRIMARY KEY,
  source_id INTEGER NOT NULL REFERENCES source(id) ON DELETE CASCADE,
  format TEXT NOT NULL,
  language TEXT,
  timing TEXT NOT NULL CHECK (timing IN ('none', 'native', 'estimated', 'tapped', 'aligned')),
  origin_path TEXT,
  n_segments INTEGER NOT NULL DEFAULT 0,
  imported_at INTEGER NOT NULL);
CREATE INDEX transcript_source ON transcript (source_id);
CREATE TABLE segment (
  id INTEGER PRIMARY KEY,
  transcript_id INTEGER NOT NULL REFERENCES transcript(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  start_us INTEGER,
  end_us INTEGER,
  speaker TEXT,
  text TEXT NOT NULL,
  non_speech INTEGER NOT NULL DEFAULT 0,
  confidence REAL,
  flag TEXT CHECK (flag IS NULL OR flag IN ('unspoken', 'uncertain')),
  UNIQUE (transcript_id, idx));
CREATE INDEX segment_time ON segment (transcript_id, start_us);
CREATE TABLE word (
  segment_id INTEGER NOT NULL REFERENCES segment(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  start_us INTEGER,
  end_us INTEGER,
  text TEXT NOT NULL,
  PRIMARY KEY (segment_id, idx)) WITHOUT ROWID;
CREATE TABLE chapter (
  id INTEGER PRIMARY KEY,
  source_id INTEGER NOT NULL REFERENCES source(id) ON DELETE CASCADE,
  start_us INTEGER,
  segment_idx INTEGER,
  title TEXT NOT NULL);
CREATE INDEX chapter_source ON chapter (source_id);
CREATE TABLE topic (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (trim(name) <> ''),
  color TEXT NOT NULL DEFAULT '#3584e4',
  key INTEGER UNIQUE CHECK (key IS NULL OR key BETWEEN 1 AND 9),
  parent_id INTEGER REFERENCES topic(id) ON DELETE SET NULL,
  keywords TEXT,
  position INTEGER NOT NULL DEFAULT 0);
CREATE TABLE clip (
  id INTEGER PRIMARY KEY,
  source_id INTEGER NOT NULL REFERENCES source(id) ON DELETE CASCADE,
  in_us INTEGER,
  out_us INTEGER,
  first_segment INTEGER,
  last_segment INTEGER,
  title TEXT,
  note TEXT,
  rating INTEGER NOT NULL DEFAULT 0 CHECK (rating BETWEEN 0 AND 5),
  position INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  CHECK ((in_us IS NOT NULL AND out_us > in_us AND in_us >= 0)
      OR (first_segment IS NOT NULL AND last_segment >= first_segment AND first_segment >= 0)));
CREATE INDEX clip_source ON clip (source_id, in_us);
CREATE TABLE clip_topic (
  clip_id INTEGER NOT NULL REFERENCES clip(id) ON DELETE CASCADE,
  topic_id INTEGER NOT NULL REFERENCES topic(id) ON DELETE CASCADE,
  PRIMARY KEY (clip_id, topic_id)) WITHOUT ROWID;
CREATE INDEX clip_topic_topic ON clip_topic (topic_id);
-- The full-text index reads its text from segment. New segments are
-- indexed by the store in one statement per import (index_transcript):
-- an insert trigger makes FTS5 flush its buffer at every row's statement
-- savepoint, which made imports 10x slower. Deletes and text edits are
-- kept in step by triggers, so a cascade from a source reaches the index.
CREATE VIRTUAL TABLE segment_fts USING fts5 (
  text, content='segment', content_rowid='id',
  tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER segment_fts_delete AFTER DELETE ON segment BEGIN
  INSERT INTO segment_fts (segment_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER segment_fts_update AFTER UPDATE OF text ON segment WHEN old.text IS NOT new.text BEGIN
  INSERT INTO segment_fts (segment_fts, rowid, text) VALUES ('delete', old.id, old.text);
  INSERT INTO segment_fts (rowid, text) VALUES (new.id, new.text);
END;
