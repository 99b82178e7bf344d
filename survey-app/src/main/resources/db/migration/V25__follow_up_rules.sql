-- Follow-up rules (issue 12 defect 6, issue 14 finding 12): which detractors become tasks, and how many
-- tasks one client and one survey may create per hour.

-- One row: whether anonymous detractors (nobody can call them back) raise alerts and tasks. Off by default.
CREATE TABLE follow_up_rule (
    id                   INTEGER      NOT NULL PRIMARY KEY,
    anonymous_detractors BOOLEAN      NOT NULL DEFAULT FALSE,
    updated_at           TIMESTAMP,
    updated_by           VARCHAR(60)
);
INSERT INTO follow_up_rule (id, anonymous_detractors) VALUES (1, FALSE);

-- A keyed hash of the address a public submission came from (the rate limiter's key, never the address):
-- the per-client cap counts by it. Imported and older responses have none.
ALTER TABLE response ADD COLUMN client_key VARCHAR(40);

-- Detractors whose alert and task the hourly cap held back, one row per response (retries count once).
-- cap: CLIENT or SURVEY.
CREATE TABLE held_alert (
    response_id BIGINT      NOT NULL PRIMARY KEY REFERENCES response (id) ON DELETE CASCADE,
    survey_id   BIGINT      NOT NULL REFERENCES survey (id),
    cap         VARCHAR(10) NOT NULL,
    held_at     TIMESTAMP   NOT NULL
);
CREATE INDEX ix_held_alert_held ON held_alert (held_at);
CREATE INDEX ix_follow_up_created ON follow_up (created_at);
