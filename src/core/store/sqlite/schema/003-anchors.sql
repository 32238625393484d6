-- 003-anchors.sql: never edit it once it has shipped; add the next number. Lines are joined
-- without their line breaks when read (tl-sqlite-schema.c), so statements reach
-- sqlite_master as earlier versions wrote them: keep the two-space indents.
-- 2 -> 3: lines the editor timed by hand (tapped in or fixed) are
-- anchors: forced alignment keeps their times and aligns around them
ALTER TABLE segment ADD COLUMN anchor INTEGER NOT NULL DEFAULT 0 CHECK (anchor IN (0, 1));
