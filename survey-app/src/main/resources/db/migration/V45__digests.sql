-- Scheduled digests of saved views (issue 17 part 5).
-- A digest sends a saved view weekly (on an ISO weekday) or monthly (on day 1-28) at an hour of a time zone to
-- users (by username: their own address and language) and addresses (each with its language), as a short summary
-- in the mail and the view's PDF report attached. Removing the view removes its digests.
CREATE SEQUENCE digest_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE digest (
    id           BIGINT        NOT NULL PRIMARY KEY,
    view_id      BIGINT        NOT NULL,
    cadence      VARCHAR(10)   NOT NULL,
    weekday      INTEGER,
    month_day    INTEGER,
    send_hour    INTEGER       NOT NULL,
    time_zone    VARCHAR(60)   NOT NULL,
    paused       BOOLEAN       NOT NULL,
    created_by   VARCHAR(100)  NOT NULL,
    created_at   TIMESTAMP     NOT NULL,
    updated_at   TIMESTAMP     NOT NULL,
    CONSTRAINT fk_digest_view FOREIGN KEY (view_id) REFERENCES saved_view (id) ON DELETE CASCADE,
    CONSTRAINT ck_digest_weekday CHECK (weekday IS NULL OR weekday BETWEEN 1 AND 7),
    CONSTRAINT ck_digest_month_day CHECK (month_day IS NULL OR month_day BETWEEN 1 AND 28),
    CONSTRAINT ck_digest_hour CHECK (send_hour BETWEEN 0 AND 23)
);

CREATE INDEX ix_digest_view ON digest (view_id);

-- The recipients in the order given: a user (username) or an address with its language (de, en).
CREATE TABLE digest_recipient (
    digest_id    BIGINT        NOT NULL,
    list_index   INTEGER       NOT NULL,
    username     VARCHAR(100),
    email        VARCHAR(320),
    language     VARCHAR(5),
    CONSTRAINT fk_digest_recipient FOREIGN KEY (digest_id) REFERENCES digest (id) ON DELETE CASCADE
);

CREATE INDEX ix_digest_recipient ON digest_recipient (digest_id);

-- One row per period a digest was sent on its schedule, written in the transaction that queues its mails: the
-- unique key keeps a restart or a second instance from sending a period twice.
CREATE SEQUENCE digest_send_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE digest_send (
    id            BIGINT     NOT NULL PRIMARY KEY,
    digest_id     BIGINT     NOT NULL,
    period_start  DATE       NOT NULL,
    period_end    DATE       NOT NULL,
    sent_at       TIMESTAMP  NOT NULL,
    mails         INTEGER    NOT NULL,
    CONSTRAINT uq_digest_send_period UNIQUE (digest_id, period_start),
    CONSTRAINT fk_digest_send FOREIGN KEY (digest_id) REFERENCES digest (id) ON DELETE CASCADE
);

-- A mail may carry one attachment (a digest's PDF report); cleared with the body once the mail is done.
ALTER TABLE mail_outbox ADD COLUMN attachment_name VARCHAR(200);
ALTER TABLE mail_outbox ADD COLUMN attachment_type VARCHAR(100);
ALTER TABLE mail_outbox ADD COLUMN attachment BYTEA;
