-- Alert rules as data (issue 17 part 1). What fires: LOW_SCORE (a score on an NPS, CSAT, CES or RATING
-- question at or below threshold), PROMOTER_TO_DETRACTOR (the customer's previous NPS was 9-10, this one is 0-6),
-- RENEWAL_AT_RISK (an NPS detractor whose renewal lies within renewal_days; NULL: the configured default) or
-- KEYWORD (a comment of the response names one of the comma-separated keywords, case-insensitive). Where: the
-- comma-separated survey ids, segment ids and channels (NULL: all). What happens: TASK, NOTIFY or BOTH; a rule's
-- notifications wait for the end of its quiet hours (quiet_start to quiet_end, HH:MM in UTC). A paused rule
-- fires nothing. Every alert names the rule that fired it.
CREATE SEQUENCE alert_rule_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE alert_rule (
    id              BIGINT        NOT NULL PRIMARY KEY,
    name            VARCHAR(100)  NOT NULL,
    kind            VARCHAR(30)   NOT NULL,
    question_type   VARCHAR(20),
    threshold       INTEGER,
    renewal_days    INTEGER,
    keywords        VARCHAR(1000),
    survey_ids      VARCHAR(1000),
    segment_ids     VARCHAR(1000),
    channels        VARCHAR(200),
    action          VARCHAR(10)   NOT NULL,
    quiet_start     VARCHAR(5),
    quiet_end       VARCHAR(5),
    paused          BOOLEAN       NOT NULL,
    created_at      TIMESTAMP     NOT NULL,
    updated_at      TIMESTAMP     NOT NULL
);

-- The rules that were fixed in code become the default rules (ids below 50; their alerts keep the dedup keys
-- they had before, so a retried response never fires twice across this migration).
INSERT INTO alert_rule (id, name, kind, question_type, threshold, action, paused, created_at, updated_at)
    VALUES (1, 'Detractor', 'LOW_SCORE', 'NPS', 6, 'BOTH', FALSE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);
INSERT INTO alert_rule (id, name, kind, action, paused, created_at, updated_at)
    VALUES (2, 'Promoter turned detractor', 'PROMOTER_TO_DETRACTOR', 'BOTH', FALSE, CURRENT_TIMESTAMP,
            CURRENT_TIMESTAMP);
INSERT INTO alert_rule (id, name, kind, action, paused, created_at, updated_at)
    VALUES (3, 'Detractor close to renewal', 'RENEWAL_AT_RISK', 'BOTH', FALSE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);

ALTER TABLE alert ADD COLUMN rule_id BIGINT REFERENCES alert_rule (id) ON DELETE SET NULL;
UPDATE alert SET rule_id = 1 WHERE kind = 'DETRACTOR';
UPDATE alert SET rule_id = 2 WHERE kind = 'PROMOTER_TO_DETRACTOR';
UPDATE alert SET rule_id = 3 WHERE kind = 'RENEWAL_AT_RISK';
CREATE INDEX ix_alert_rule ON alert (rule_id);
