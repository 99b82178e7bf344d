-- Public forms: pages, skip logic, survey schedule and limits, personal invitations, resumable
-- partial responses, and the outbox that analytics reads to keep its rollups exactly once.

-- A question belongs to a page (1, 2, ...) and may be shown only when an earlier answer matches.
ALTER TABLE question ADD COLUMN page_no INTEGER NOT NULL DEFAULT 1;
ALTER TABLE question ADD COLUMN show_if_question VARCHAR(40);
ALTER TABLE question ADD COLUMN show_if_operator VARCHAR(10);
ALTER TABLE question ADD COLUMN show_if_values VARCHAR(500);

-- Operational settings of a survey; they are not versioned.
ALTER TABLE survey ADD COLUMN opens_at TIMESTAMP;
ALTER TABLE survey ADD COLUMN closes_at TIMESTAMP;
ALTER TABLE survey ADD COLUMN response_limit INTEGER;
ALTER TABLE survey ADD COLUMN answer_policy VARCHAR(20) DEFAULT 'SINGLE_ANSWER' NOT NULL;
ALTER TABLE survey ADD COLUMN allowed_origins VARCHAR(2000);

CREATE SEQUENCE invitation_seq START WITH 50 INCREMENT BY 50;

-- A personal link for one customer to one survey. Only the SHA-256 of the token is stored: whoever
-- reads the database cannot answer in a customer's name.
CREATE TABLE invitation (
    id              BIGINT       NOT NULL PRIMARY KEY,
    survey_id       BIGINT       NOT NULL REFERENCES survey (id),
    customer_id     BIGINT       NOT NULL REFERENCES customer (id),
    wave_id         BIGINT,
    token_hash      VARCHAR(64)  NOT NULL,
    created_at      TIMESTAMP    NOT NULL,
    sent_at         TIMESTAMP,
    opened_at       TIMESTAMP,
    reminded_at     TIMESTAMP,
    CONSTRAINT uq_invitation_token UNIQUE (token_hash)
);
CREATE INDEX ix_invitation_survey ON invitation (survey_id);
CREATE INDEX ix_invitation_customer ON invitation (customer_id, created_at);
CREATE INDEX ix_invitation_wave ON invitation (wave_id);

-- One response per invitation (the unique key holds under concurrent clicks); a resume token for
-- anonymous respondents; the page a partial response has reached; when it last changed.
ALTER TABLE response ADD COLUMN invitation_id BIGINT REFERENCES invitation (id);
ALTER TABLE response ADD CONSTRAINT uq_response_invitation UNIQUE (invitation_id);
ALTER TABLE response ADD COLUMN resume_token_hash VARCHAR(64);
ALTER TABLE response ADD CONSTRAINT uq_response_resume UNIQUE (resume_token_hash);
ALTER TABLE response ADD COLUMN page_reached INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE response ADD COLUMN updated_at TIMESTAMP;
UPDATE response SET updated_at = received_at;
ALTER TABLE response ALTER COLUMN updated_at SET NOT NULL;

CREATE SEQUENCE response_event_seq START WITH 50 INCREMENT BY 50;

-- Outbox: one row for every transaction that creates or changes a response's answers or status,
-- written in that transaction. Analytics consumes it in id order.
CREATE TABLE response_event (
    id              BIGINT       NOT NULL PRIMARY KEY,
    response_id     BIGINT       NOT NULL,
    survey_id       BIGINT       NOT NULL,
    kind            VARCHAR(10)  NOT NULL,
    occurred_at     TIMESTAMP    NOT NULL
);
