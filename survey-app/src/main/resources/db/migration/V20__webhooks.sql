-- Webhooks: endpoints an admin registers for response events, and a durable outbox of deliveries.
-- Every change of a response also writes a webhook_event row in its transaction (like response_event,
-- which analytics consumes); the dispatcher turns those into deliveries and deletes them. Deliveries are
-- signed and retried with growing pauses until the receiver accepts them: a receiver that is down loses
-- nothing.

CREATE SEQUENCE webhook_endpoint_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE webhook_delivery_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE webhook_endpoint (
    id              BIGINT        NOT NULL PRIMARY KEY,
    url             VARCHAR(2000) NOT NULL,
    secret          VARCHAR(100)  NOT NULL,
    description     VARCHAR(200),
    survey_id       BIGINT        REFERENCES survey (id),
    active          BOOLEAN       NOT NULL,
    created_at      TIMESTAMP     NOT NULL
);

CREATE TABLE webhook_delivery (
    id              BIGINT        NOT NULL PRIMARY KEY,
    endpoint_id     BIGINT        NOT NULL REFERENCES webhook_endpoint (id),
    event_id        BIGINT        NOT NULL,
    event_type      VARCHAR(40)   NOT NULL,
    payload         VARCHAR(100000) NOT NULL,
    status          VARCHAR(10)   NOT NULL,
    attempts        INTEGER       NOT NULL,
    next_attempt_at TIMESTAMP     NOT NULL,
    last_status     INTEGER,
    last_error      VARCHAR(500),
    created_at      TIMESTAMP     NOT NULL,
    delivered_at    TIMESTAMP,
    CONSTRAINT uq_webhook_delivery UNIQUE (endpoint_id, event_id)
);
CREATE INDEX ix_webhook_delivery_due ON webhook_delivery (status, next_attempt_at);

CREATE SEQUENCE webhook_event_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE webhook_event (
    id              BIGINT        NOT NULL PRIMARY KEY,
    response_id     BIGINT        NOT NULL,
    survey_id       BIGINT        NOT NULL,
    kind            VARCHAR(10)   NOT NULL,
    occurred_at     TIMESTAMP     NOT NULL
);
