-- Schema 1: the first schema. Never edit once released; add a new numbered file instead.

CREATE TABLE badges (
    id             INTEGER PRIMARY KEY,
    key            TEXT NOT NULL UNIQUE,
    name           TEXT NOT NULL,
    issuer         TEXT NOT NULL DEFAULT '',
    level          TEXT,
    url            TEXT,
    notes          TEXT,
    tags           TEXT NOT NULL DEFAULT '[]',   -- JSON array of strings
    earned_on      TEXT,                         -- YYYY-MM-DD; NULL for a target
    expires_on     TEXT,
    renewed_on     TEXT,
    retires_on     TEXT,
    replaced_by    TEXT,                         -- key of another badge
    available_on   TEXT,
    goal_on        TEXT,
    effort_minutes INTEGER NOT NULL CHECK (effort_minutes >= 0),
    renew_from     TEXT,
    priority       TEXT NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high')),
    source         TEXT NOT NULL DEFAULT 'manual',
    source_id      TEXT,
    archived       INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    UNIQUE (source, source_id)
);

-- Spare time. kind: weekly (days, start, end, optional from_date/to_date),
-- once (date, start, end), blackout (from_date, to_date).
CREATE TABLE windows (
    id        INTEGER PRIMARY KEY,
    kind      TEXT NOT NULL CHECK (kind IN ('weekly', 'once', 'blackout')),
    days      TEXT,            -- comma list: mon,tue,...
    date      TEXT,
    from_date TEXT,
    to_date   TEXT,
    start     TEXT,            -- HH:MM
    "end"     TEXT,
    label     TEXT NOT NULL DEFAULT ''
);

CREATE TABLE log (
    id       INTEGER PRIMARY KEY,
    badge_id INTEGER NOT NULL REFERENCES badges (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    date     TEXT NOT NULL,
    start    TEXT,             -- HH:MM or NULL
    minutes  INTEGER NOT NULL CHECK (minutes > 0),
    note     TEXT
);
CREATE INDEX log_by_date ON log (date);
CREATE INDEX log_by_badge ON log (badge_id, date);

CREATE TABLE pinned (
    id       INTEGER PRIMARY KEY,
    badge_id INTEGER NOT NULL REFERENCES badges (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    start    TEXT NOT NULL,    -- YYYY-MM-DDTHH:MM
    minutes  INTEGER NOT NULL CHECK (minutes > 0)
);
CREATE INDEX pinned_by_start ON pinned (start);

-- Busy time imported from calendar files, one row per occurrence; source names the import.
CREATE TABLE busy (
    id      INTEGER PRIMARY KEY,
    source  TEXT NOT NULL,
    uid     TEXT NOT NULL,
    summary TEXT NOT NULL DEFAULT '',
    start   TEXT NOT NULL,     -- YYYY-MM-DDTHH:MM
    "end"   TEXT NOT NULL
);
CREATE INDEX busy_by_source ON busy (source);
CREATE INDEX busy_by_start ON busy (start);

-- The undo journal: each user action is one row of undo_action; while it is open, the
-- triggers below record in undo_step the SQL that takes each row change back
-- (the technique of https://www.sqlite.org/undoredo.html).
CREATE TABLE undo_action (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    description TEXT NOT NULL,
    open        INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE undo_step (
    id        INTEGER PRIMARY KEY,
    action_id INTEGER NOT NULL REFERENCES undo_action (id) ON DELETE CASCADE,
    sql       TEXT NOT NULL
);
CREATE INDEX undo_step_by_action ON undo_step (action_id);


CREATE TRIGGER badges_undo_insert AFTER INSERT ON badges WHEN EXISTS (SELECT 1 FROM undo_action WHERE open = 1)
BEGIN
    INSERT INTO undo_step (action_id, sql) VALUES ((SELECT id FROM undo_action WHERE open = 1), 'DELETE FROM badges WHERE id = ' || new.id);
END;

CREATE TRIGGER badges_undo_update AFTER UPDATE ON badges WHEN EXISTS (SELECT 1 FROM undo_action WHERE open = 1)
BEGIN
    INSERT INTO undo_step (action_id, sql) VALUES ((SELECT id FROM undo_action WHERE open = 1),
        'UPDATE badges SET key = ' || quote(old.key) || ', name = ' || quote(old.name) || ', issuer = ' || quote(old.issuer) || ', level = ' || quote(old.level) || ', url = ' || quote(old.url) || ', notes = ' || quote(old.notes) || ', tags = ' || quote(old.tags) || ', earned_on = ' || quote(old.earned_on) || ', expires_on = ' || quote(old.expires_on) || ', renewed_on = ' || quote(old.renewed_on) || ', retires_on = ' || quote(old.retires_on) || ', replaced_by = ' || quote(old.replaced_by) || ', available_on = ' || quote(old.available_on) || ', goal_on = ' || quote(old.goal_on) || ', effort_minutes = ' || quote(old.effort_minutes) || ', renew_from = ' || quote(old.renew_from) || ', priority = ' || quote(old.priority) || ', source = ' || quote(old.source) || ', source_id = ' || quote(old.source_id) || ', archived = ' || quote(old.archived) || ' WHERE id = ' || old.id);
END;

CREATE TRIGGER badges_undo_delete AFTER DELETE ON badges WHEN EXISTS (SELECT 1 FROM undo_action WHERE open = 1)
BEGIN
    INSERT INTO undo_step (action_id, sql) VALUES ((SELECT id FROM undo_action WHERE open = 1),
        'INSERT INTO badges (id, key, name, issuer, level, url, notes, tags, earned_on, expires_on, renewed_on, retires_on, replaced_by, available_on, goal_on, effort_minutes, renew_from, priority, source, source_id, archived) VALUES (' || old.id || ', ' || quote(old.key) || ', ' || quote(old.name) || ', ' || quote(old.issuer) || ', ' || quote(old.level) || ', ' || quote(old.url) || ', ' || quote(old.notes) || ', ' || quote(old.tags) || ', ' || quote(old.earned_on) || ', ' || quote(old.expires_on) || ', ' || quote(old.renewed_on) || ', ' || quote(old.retires_on) || ', ' || quote(old.replaced_by) || ', ' || quote(old.available_on) || ', ' || quote(old.goal_on) || ', ' || quote(old.effort_minutes) || ', ' || quote(old.renew_from) || ', ' || quote(old.priority) || ', ' || quote(old.source) || ', ' || quote(old.source_id) || ', ' || quote(old.archived) || ')');
END;

CREATE TRIGGER windows_undo_insert AFTER INSERT ON windows WHEN EXISTS (SELECT 1 FROM undo_action WHERE open = 1)
BEGIN
    INSERT INTO undo_step (action_id, sql) VALUES ((SELECT id FROM undo_action WHERE open = 1), 'DELETE FROM windows WHERE id = ' || new.id);
END;

CREATE TRIGGER windows_undo_update AFTER UPDATE ON windows WHEN EXISTS (SELECT 1 FROM undo_action WHERE open = 1)
BEGIN
    INSERT INTO undo_step (action_id, sql) VALUES ((SELECT id FROM undo_action WHERE open = 1),
        'UPDATE windows SET kind = ' || quote(old.kind) || ', days = ' || quote(old.days) || ', date = ' || quote(old.date) || ', from_date = ' || quote(old.from_date) || ', to_date = ' || quote(old.to_date) || ', start = ' || quote(old.start) || ', "end" = ' || quote(old."end") || ', label = ' || quote(old.label) || ' WHERE id = ' || old.id);
END;

CREATE TRIGGER windows_undo_delete AFTER DELETE ON windows WHEN EXISTS (SELECT 1 FROM undo_action WHERE open = 1)
BEGIN
    INSERT INTO undo_step (action_id, sql) VALUES ((SELECT id FROM undo_action WHERE open = 1),
        'INSERT INTO windows (id, kind, days, date, from_date, to_date, start, "end", label) VALUES (' || old.id || ', ' || quote(old.kind) || ', ' || quote(old.days) || ', ' || quote(old.date) || ', ' || quote(old.from_date) || ', ' || quote(old.to_date) || ', ' || quote(old.start) || ', ' || quote(old."end") || ', ' || quote(old.label) || ')');
END;

CREATE TRIGGER log_undo_insert AFTER INSERT ON log WHEN EXISTS (SELECT 1 FROM undo_action WHERE open = 1)
BEGIN
    INSERT INTO undo_step (action_id, sql) VALUES ((SELECT id FROM undo_action WHERE open = 1), 'DELETE FROM log WHERE id = ' || new.id);
END;

CREATE TRIGGER log_undo_update AFTER UPDATE ON log WHEN EXISTS (SELECT 1 FROM undo_action WHERE open = 1)
BEGIN
    INSERT INTO undo_step (action_id, sql) VALUES ((SELECT id FROM undo_action WHERE open = 1),
        'UPDATE log SET badge_id = ' || quote(old.badge_id) || ', date = ' || quote(old.date) || ', start = ' || quote(old.start) || ', minutes = ' || quote(old.minutes) || ', note = ' || quote(old.note) || ' WHERE id = ' || old.id);
END;

CREATE TRIGGER log_undo_delete AFTER DELETE ON log WHEN EXISTS (SELECT 1 FROM undo_action WHERE open = 1)
BEGIN
    INSERT INTO undo_step (action_id, sql) VALUES ((SELECT id FROM undo_action WHERE open = 1),
        'INSERT INTO log (id, badge_id, date, start, minutes, note) VALUES (' || old.id || ', ' || quote(old.badge_id) || ', ' || quote(old.date) || ', ' || quote(old.start) || ', ' || quote(old.minutes) || ', ' || quote(old.note) || ')');
END;

CREATE TRIGGER pinned_undo_insert AFTER INSERT ON pinned WHEN EXISTS (SELECT 1 FROM undo_action WHERE open = 1)
BEGIN
    INSERT INTO undo_step (action_id, sql) VALUES ((SELECT id FROM undo_action WHERE open = 1), 'DELETE FROM pinned WHERE id = ' || new.id);
END;

CREATE TRIGGER pinned_undo_update AFTER UPDATE ON pinned WHEN EXISTS (SELECT 1 FROM undo_action WHERE open = 1)
BEGIN
    INSERT INTO undo_step (action_id, sql) VALUES ((SELECT id FROM undo_action WHERE open = 1),
        'UPDATE pinned SET badge_id = ' || quote(old.badge_id) || ', start = ' || quote(old.start) || ', minutes = ' || quote(old.minutes) || ' WHERE id = ' || old.id);
END;

CREATE TRIGGER pinned_undo_delete AFTER DELETE ON pinned WHEN EXISTS (SELECT 1 FROM undo_action WHERE open = 1)
BEGIN
    INSERT INTO undo_step (action_id, sql) VALUES ((SELECT id FROM undo_action WHERE open = 1),
        'INSERT INTO pinned (id, badge_id, start, minutes) VALUES (' || old.id || ', ' || quote(old.badge_id) || ', ' || quote(old.start) || ', ' || quote(old.minutes) || ')');
END;

CREATE TRIGGER busy_undo_insert AFTER INSERT ON busy WHEN EXISTS (SELECT 1 FROM undo_action WHERE open = 1)
BEGIN
    INSERT INTO undo_step (action_id, sql) VALUES ((SELECT id FROM undo_action WHERE open = 1), 'DELETE FROM busy WHERE id = ' || new.id);
END;

CREATE TRIGGER busy_undo_update AFTER UPDATE ON busy WHEN EXISTS (SELECT 1 FROM undo_action WHERE open = 1)
BEGIN
    INSERT INTO undo_step (action_id, sql) VALUES ((SELECT id FROM undo_action WHERE open = 1),
        'UPDATE busy SET source = ' || quote(old.source) || ', uid = ' || quote(old.uid) || ', summary = ' || quote(old.summary) || ', start = ' || quote(old.start) || ', "end" = ' || quote(old."end") || ' WHERE id = ' || old.id);
END;

CREATE TRIGGER busy_undo_delete AFTER DELETE ON busy WHEN EXISTS (SELECT 1 FROM undo_action WHERE open = 1)
BEGIN
    INSERT INTO undo_step (action_id, sql) VALUES ((SELECT id FROM undo_action WHERE open = 1),
        'INSERT INTO busy (id, source, uid, summary, start, "end") VALUES (' || old.id || ', ' || quote(old.source) || ', ' || quote(old.uid) || ', ' || quote(old.summary) || ', ' || quote(old.start) || ', ' || quote(old."end") || ')');
END;
