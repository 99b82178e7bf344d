-- Notifications where teams work (issue 17 part 3): destinations an admin registers (a Slack incoming webhook,
-- a Microsoft Teams workflow webhook, or e-mail addresses), each for chosen alert kinds and surveys (none chosen:
-- all), in German or English. A raised alert puts one message per matching destination into the one outbox in
-- the transaction that raised it: chat messages into notification_delivery (the outbox's queue columns, like
-- webhook_delivery), e-mails into mail_outbox.
CREATE SEQUENCE notification_destination_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE notification_delivery_seq START WITH 50 INCREMENT BY 50;

-- kind: SLACK, TEAMS (url set) or EMAIL (addresses set, comma-separated); alert_kinds: comma-separated AlertKind
-- names, NULL for every kind.
CREATE TABLE notification_destination (
    id              BIGINT        NOT NULL PRIMARY KEY,
    kind            VARCHAR(10)   NOT NULL,
    name            VARCHAR(100)  NOT NULL,
    url             VARCHAR(2000),
    addresses       VARCHAR(2000),
    language        VARCHAR(2)    NOT NULL,
    alert_kinds     VARCHAR(200),
    enabled         BOOLEAN       NOT NULL,
    created_at      TIMESTAMP     NOT NULL
);

-- The surveys a destination is limited to; none: every survey.
CREATE TABLE notification_destination_survey (
    destination_id  BIGINT        NOT NULL REFERENCES notification_destination (id) ON DELETE CASCADE,
    survey_id       BIGINT        NOT NULL REFERENCES survey (id) ON DELETE CASCADE,
    PRIMARY KEY (destination_id, survey_id)
);

-- One chat message to one destination: about a task's alerts (follow_up_id), or a test message (none).
CREATE TABLE notification_delivery (
    id              BIGINT        NOT NULL PRIMARY KEY,
    destination_id  BIGINT        NOT NULL REFERENCES notification_destination (id) ON DELETE CASCADE,
    follow_up_id    BIGINT        REFERENCES follow_up (id) ON DELETE SET NULL,
    payload         VARCHAR(100000) NOT NULL,
    status          VARCHAR(10)   NOT NULL,
    attempts        INTEGER       NOT NULL,
    next_attempt_at TIMESTAMP     NOT NULL,
    last_status     INTEGER,
    last_error      VARCHAR(500),
    created_at      TIMESTAMP     NOT NULL,
    delivered_at    TIMESTAMP
);
CREATE INDEX ix_notification_delivery_due ON notification_delivery (status, next_attempt_at);
CREATE INDEX ix_notification_delivery_destination ON notification_delivery (destination_id, id);

-- Webhook events about alerts and tasks (alert.raised, followup.created, followup.closed) have no response
-- of their own; their kind is the type's wire name and data the event's object, written when it happened.
ALTER TABLE webhook_event ALTER COLUMN response_id DROP NOT NULL;
ALTER TABLE webhook_event ALTER COLUMN kind SET DATA TYPE VARCHAR(40);
ALTER TABLE webhook_event ADD COLUMN data VARCHAR(100000);
