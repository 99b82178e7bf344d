-- Closing the loop: alerts raised by rules, and the follow-up tasks they become.

CREATE SEQUENCE alert_seq START WITH 50 INCREMENT BY 50;
-- kind: DETRACTOR, PROMOTER_TO_DETRACTOR, RENEWAL_AT_RISK (from a response), SEGMENT_DECLINE (from the
-- rollups). dedup_key makes every rule fire once per response (or per segment and period).
CREATE TABLE alert (
    id              BIGINT        NOT NULL PRIMARY KEY,
    kind            VARCHAR(30)   NOT NULL,
    survey_id       BIGINT        NOT NULL REFERENCES survey (id),
    response_id     BIGINT        REFERENCES response (id) ON DELETE CASCADE,
    customer_id     BIGINT        REFERENCES customer (id),
    segment_id      BIGINT        REFERENCES segment (id),
    score           INTEGER,
    previous_score  INTEGER,
    figure          DOUBLE PRECISION,
    previous_figure DOUBLE PRECISION,
    p_value         DOUBLE PRECISION,
    created_at      TIMESTAMP     NOT NULL,
    dedup_key       VARCHAR(200)  NOT NULL,
    CONSTRAINT uq_alert_dedup UNIQUE (dedup_key)
);
CREATE INDEX ix_alert_created ON alert (created_at);
CREATE INDEX ix_alert_customer ON alert (customer_id);

CREATE SEQUENCE follow_up_seq START WITH 50 INCREMENT BY 50;
-- One task per alerting response (or segment decline), assigned to a support lead. Tasks from alerts have
-- no title: it is rendered from their alerts in the reader's language.
CREATE TABLE follow_up (
    id              BIGINT        NOT NULL PRIMARY KEY,
    survey_id       BIGINT        NOT NULL REFERENCES survey (id),
    response_id     BIGINT        REFERENCES response (id) ON DELETE SET NULL,
    customer_id     BIGINT        REFERENCES customer (id),
    segment_id      BIGINT        REFERENCES segment (id),
    assignee_id     BIGINT        REFERENCES app_user (id),
    title           VARCHAR(300),
    status          VARCHAR(20)   NOT NULL,
    due_date        DATE          NOT NULL,
    resurvey        BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at      TIMESTAMP     NOT NULL,
    updated_at      TIMESTAMP     NOT NULL,
    closed_at       TIMESTAMP,
    dedup_key       VARCHAR(200)  NOT NULL,
    row_version     BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT uq_follow_up_dedup UNIQUE (dedup_key)
);
CREATE INDEX ix_follow_up_status_due ON follow_up (status, due_date);
CREATE INDEX ix_follow_up_customer ON follow_up (customer_id);

ALTER TABLE alert ADD COLUMN follow_up_id BIGINT REFERENCES follow_up (id);

CREATE TABLE follow_up_note (
    follow_up_id    BIGINT        NOT NULL REFERENCES follow_up (id) ON DELETE CASCADE,
    position        INTEGER       NOT NULL,
    author          VARCHAR(60)   NOT NULL,
    note_text       VARCHAR(4000) NOT NULL,
    created_at      TIMESTAMP     NOT NULL,
    PRIMARY KEY (follow_up_id, position)
);
