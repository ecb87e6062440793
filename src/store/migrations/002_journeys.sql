-- Schema 2: learning journeys. Each badge's ordered steps, and the badges it requires
-- first (its prerequisites). Never edit once released; add a new numbered file instead.

CREATE TABLE steps (
    id         INTEGER PRIMARY KEY,
    badge_id   INTEGER NOT NULL REFERENCES badges (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    position   INTEGER NOT NULL,         -- order within the badge, from 0
    title      TEXT NOT NULL,
    kind       TEXT NOT NULL DEFAULT 'other'
               CHECK (kind IN ('course', 'assessment', 'exam', 'experience', 'other')),
    minutes    INTEGER CHECK (minutes IS NULL OR minutes > 0),  -- NULL: the kind's default
    url        TEXT,
    done_on    TEXT,                     -- YYYY-MM-DD
    source_ref TEXT,                     -- identity in the import it came from
    gone       INTEGER NOT NULL DEFAULT 0 CHECK (gone IN (0, 1))  -- left the criteria
);
CREATE INDEX steps_by_badge ON steps (badge_id, position);

-- badge_id requires after_id first.
CREATE TABLE badge_after (
    badge_id INTEGER NOT NULL REFERENCES badges (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    after_id INTEGER NOT NULL REFERENCES badges (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    position INTEGER NOT NULL,           -- order as given
    PRIMARY KEY (badge_id, after_id)
);
CREATE INDEX badge_after_by_after ON badge_after (after_id);

CREATE TRIGGER steps_undo_insert AFTER INSERT ON steps WHEN EXISTS (SELECT 1 FROM undo_action WHERE open = 1)
BEGIN
    INSERT INTO undo_step (action_id, sql) VALUES ((SELECT id FROM undo_action WHERE open = 1), 'DELETE FROM steps WHERE id = ' || new.id);
END;

CREATE TRIGGER steps_undo_update AFTER UPDATE ON steps WHEN EXISTS (SELECT 1 FROM undo_action WHERE open = 1)
BEGIN
    INSERT INTO undo_step (action_id, sql) VALUES ((SELECT id FROM undo_action WHERE open = 1),
        'UPDATE steps SET badge_id = ' || quote(old.badge_id) || ', position = ' || quote(old.position) || ', title = ' || quote(old.title) || ', kind = ' || quote(old.kind) || ', minutes = ' || quote(old.minutes) || ', url = ' || quote(old.url) || ', done_on = ' || quote(old.done_on) || ', source_ref = ' || quote(old.source_ref) || ', gone = ' || quote(old.gone) || ' WHERE id = ' || old.id);
END;

CREATE TRIGGER steps_undo_delete AFTER DELETE ON steps WHEN EXISTS (SELECT 1 FROM undo_action WHERE open = 1)
BEGIN
    INSERT INTO undo_step (action_id, sql) VALUES ((SELECT id FROM undo_action WHERE open = 1),
        'INSERT INTO steps (id, badge_id, position, title, kind, minutes, url, done_on, source_ref, gone) VALUES (' || old.id || ', ' || quote(old.badge_id) || ', ' || quote(old.position) || ', ' || quote(old.title) || ', ' || quote(old.kind) || ', ' || quote(old.minutes) || ', ' || quote(old.url) || ', ' || quote(old.done_on) || ', ' || quote(old.source_ref) || ', ' || quote(old.gone) || ')');
END;

CREATE TRIGGER badge_after_undo_insert AFTER INSERT ON badge_after WHEN EXISTS (SELECT 1 FROM undo_action WHERE open = 1)
BEGIN
    INSERT INTO undo_step (action_id, sql) VALUES ((SELECT id FROM undo_action WHERE open = 1), 'DELETE FROM badge_after WHERE badge_id = ' || new.badge_id || ' AND after_id = ' || new.after_id);
END;

CREATE TRIGGER badge_after_undo_update AFTER UPDATE ON badge_after WHEN EXISTS (SELECT 1 FROM undo_action WHERE open = 1)
BEGIN
    INSERT INTO undo_step (action_id, sql) VALUES ((SELECT id FROM undo_action WHERE open = 1),
        'UPDATE badge_after SET badge_id = ' || old.badge_id || ', after_id = ' || old.after_id || ', position = ' || quote(old.position) || ' WHERE badge_id = ' || new.badge_id || ' AND after_id = ' || new.after_id);
END;

CREATE TRIGGER badge_after_undo_delete AFTER DELETE ON badge_after WHEN EXISTS (SELECT 1 FROM undo_action WHERE open = 1)
BEGIN
    INSERT INTO undo_step (action_id, sql) VALUES ((SELECT id FROM undo_action WHERE open = 1),
        'INSERT INTO badge_after (badge_id, after_id, position) VALUES (' || old.badge_id || ', ' || old.after_id || ', ' || quote(old.position) || ')');
END;
