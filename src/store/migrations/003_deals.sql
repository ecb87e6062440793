-- Schema 3: deals (案件登録). A deal needs badges held and valid by its date, with
-- optional review study per badge. Never edit once released; add a new numbered file instead.

CREATE TABLE deals (
    id         INTEGER PRIMARY KEY,
    key        TEXT NOT NULL UNIQUE,
    name       TEXT NOT NULL,
    by_date    TEXT NOT NULL,            -- YYYY-MM-DD: its badges held and valid then
    priority   TEXT NOT NULL DEFAULT 'high' CHECK (priority IN ('low', 'normal', 'high')),
    state      TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'won', 'lost', 'dropped')),
    notes      TEXT,
    created_on TEXT NOT NULL             -- YYYY-MM-DD: review logged from then on counts
);

-- The badges a deal needs, in order, each with its review study (NULL: none).
CREATE TABLE deal_badges (
    deal_id        INTEGER NOT NULL REFERENCES deals (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    badge_id       INTEGER NOT NULL REFERENCES badges (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    position       INTEGER NOT NULL,
    review_minutes INTEGER CHECK (review_minutes IS NULL OR review_minutes > 0),
    PRIMARY KEY (deal_id, badge_id)
);
CREATE INDEX deal_badges_by_badge ON deal_badges (badge_id);

CREATE TRIGGER deals_undo_insert AFTER INSERT ON deals WHEN EXISTS (SELECT 1 FROM undo_action WHERE open = 1)
BEGIN
    INSERT INTO undo_step (action_id, sql) VALUES ((SELECT id FROM undo_action WHERE open = 1), 'DELETE FROM deals WHERE id = ' || new.id);
END;

CREATE TRIGGER deals_undo_update AFTER UPDATE ON deals WHEN EXISTS (SELECT 1 FROM undo_action WHERE open = 1)
BEGIN
    INSERT INTO undo_step (action_id, sql) VALUES ((SELECT id FROM undo_action WHERE open = 1),
        'UPDATE deals SET key = ' || quote(old.key) || ', name = ' || quote(old.name) || ', by_date = ' || quote(old.by_date) || ', priority = ' || quote(old.priority) || ', state = ' || quote(old.state) || ', notes = ' || quote(old.notes) || ', created_on = ' || quote(old.created_on) || ' WHERE id = ' || old.id);
END;

CREATE TRIGGER deals_undo_delete AFTER DELETE ON deals WHEN EXISTS (SELECT 1 FROM undo_action WHERE open = 1)
BEGIN
    INSERT INTO undo_step (action_id, sql) VALUES ((SELECT id FROM undo_action WHERE open = 1),
        'INSERT INTO deals (id, key, name, by_date, priority, state, notes, created_on) VALUES (' || old.id || ', ' || quote(old.key) || ', ' || quote(old.name) || ', ' || quote(old.by_date) || ', ' || quote(old.priority) || ', ' || quote(old.state) || ', ' || quote(old.notes) || ', ' || quote(old.created_on) || ')');
END;

CREATE TRIGGER deal_badges_undo_insert AFTER INSERT ON deal_badges WHEN EXISTS (SELECT 1 FROM undo_action WHERE open = 1)
BEGIN
    INSERT INTO undo_step (action_id, sql) VALUES ((SELECT id FROM undo_action WHERE open = 1), 'DELETE FROM deal_badges WHERE deal_id = ' || new.deal_id || ' AND badge_id = ' || new.badge_id);
END;

CREATE TRIGGER deal_badges_undo_update AFTER UPDATE ON deal_badges WHEN EXISTS (SELECT 1 FROM undo_action WHERE open = 1)
BEGIN
    INSERT INTO undo_step (action_id, sql) VALUES ((SELECT id FROM undo_action WHERE open = 1),
        'UPDATE deal_badges SET deal_id = ' || old.deal_id || ', badge_id = ' || old.badge_id || ', position = ' || quote(old.position) || ', review_minutes = ' || quote(old.review_minutes) || ' WHERE deal_id = ' || new.deal_id || ' AND badge_id = ' || new.badge_id);
END;

CREATE TRIGGER deal_badges_undo_delete AFTER DELETE ON deal_badges WHEN EXISTS (SELECT 1 FROM undo_action WHERE open = 1)
BEGIN
    INSERT INTO undo_step (action_id, sql) VALUES ((SELECT id FROM undo_action WHERE open = 1),
        'INSERT INTO deal_badges (deal_id, badge_id, position, review_minutes) VALUES (' || old.deal_id || ', ' || old.badge_id || ', ' || quote(old.position) || ', ' || quote(old.review_minutes) || ')');
END;
