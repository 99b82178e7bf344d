-- Distribution: invitation waves (a survey sent to a segment or a selection of customers) and the
-- durable mail outbox that a timer delivers, so a failing SMTP server loses nothing.
CREATE SEQUENCE invitation_wave_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE mail_outbox_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE invitation_wave (
    id              BIGINT        NOT NULL PRIMARY KEY,
    survey_id       BIGINT        NOT NULL REFERENCES survey (id),
    audience        VARCHAR(200)  NOT NULL,
    reminder_days   INTEGER,
    invited         INTEGER       NOT NULL,
    skipped_recent  INTEGER       NOT NULL,
    skipped_no_email INTEGER      NOT NULL,
    created_by      VARCHAR(60)   NOT NULL,
    created_at      TIMESTAMP     NOT NULL
);
CREATE INDEX ix_invitation_wave_survey ON invitation_wave (survey_id, created_at);

ALTER TABLE invitation ADD CONSTRAINT fk_invitation_wave FOREIGN KEY (wave_id) REFERENCES invitation_wave (id);

CREATE TABLE mail_outbox (
    id              BIGINT         NOT NULL PRIMARY KEY,
    kind            VARCHAR(20)    NOT NULL,
    invitation_id   BIGINT         REFERENCES invitation (id),
    recipient       VARCHAR(320)   NOT NULL,
    subject         VARCHAR(300)   NOT NULL,
    body_text       VARCHAR(20000),
    body_html       VARCHAR(40000),
    created_at      TIMESTAMP      NOT NULL,
    next_attempt_at TIMESTAMP      NOT NULL,
    attempts        INTEGER        NOT NULL DEFAULT 0,
    claimed_until   TIMESTAMP,
    sent_at         TIMESTAMP,
    cancelled_at    TIMESTAMP,
    last_error      VARCHAR(500),
    row_version     BIGINT         NOT NULL DEFAULT 0
);
CREATE INDEX ix_mail_outbox_due ON mail_outbox (sent_at, cancelled_at, next_attempt_at);
CREATE INDEX ix_mail_outbox_invitation ON mail_outbox (invitation_id);
