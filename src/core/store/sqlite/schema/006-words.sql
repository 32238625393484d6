-- 006-words.sql: never edit it once it has shipped; add the next number. Lines are joined
-- without their line breaks when read (tl-sqlite-schema.c), so statements reach
-- sqlite_master as earlier versions wrote them: keep the two-space indents.
-- 5 -> 6: word times and corrections. A line keeps its words in its own
-- row, so that an edit of the line (a correction, a split, new times) is
-- one row's change for undo: words is a JSON array of
-- [text, start_us, end_us, confidence, interpolated], one per word of the
-- text split at white space, or NULL when the transcript timed no words
-- (they are estimated from the line's times as it is read); word_timing
-- says where the kept times come from. original_text is the text the line
-- was imported with, once the editor corrected it.
ALTER TABLE segment ADD COLUMN words TEXT;
ALTER TABLE segment ADD COLUMN word_timing TEXT CHECK (word_timing IS NULL OR word_timing IN ('native', 'aligned', 'interpolated'));
ALTER TABLE segment ADD COLUMN original_text TEXT;
UPDATE segment SET words = (SELECT json_group_array(json_array(w.text, w.start_us, w.end_us, NULL, 0))
    FROM (SELECT text, start_us, end_us FROM word WHERE segment_id = segment.id ORDER BY idx) w),
  word_timing = 'native'
  WHERE id IN (SELECT segment_id FROM word);
DROP TABLE word;
