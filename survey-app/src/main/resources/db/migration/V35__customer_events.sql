-- Event-triggered surveys (issue 16 part 2): a CRM or helpdesk posts events for its customers (POST /api/v1/events:
-- "ticket_solved" with its time, time zone and attributes, and its own id, which makes a repeated post a no-op).
-- Event rules turn an event type into an invitation to a survey after a delay, for a share of the events (chosen by
-- the event's id, so the choice is repeatable), inside a sending window in the customer's time zone.
CREATE SEQUENCE event_rule_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE customer_event_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE event_dispatch_seq START WITH 50 INCREMENT BY 50;

-- send_from/send_until: the window's hours in the customer's local time, [send_from, send_until); zone: the time
-- zone of customers whose events name none.
CREATE TABLE event_rule (
    id              BIGINT        NOT NULL PRIMARY KEY,
    event_type      VARCHAR(60)   NOT NULL,
    survey_id       BIGINT        NOT NULL REFERENCES survey (id) ON DELETE CASCADE,
    delay_minutes   INTEGER       NOT NULL,
    sample_percent  INTEGER       NOT NULL,
    send_from       INTEGER       NOT NULL,
    send_until      INTEGER       NOT NULL,
    zone            VARCHAR(60)   NOT NULL,
    enabled         BOOLEAN       NOT NULL,
    created_at      TIMESTAMP     NOT NULL
);
CREATE INDEX ix_event_rule_type ON event_rule (event_type);

-- One event as posted; external_id is the sender's id (unique: the same id again stores and sends nothing);
-- attributes form-encoded (name=value&...). base_url: the address the invitation links point to.
CREATE TABLE customer_event (
    id              BIGINT        NOT NULL PRIMARY KEY,
    external_id     VARCHAR(100)  NOT NULL,
    event_type      VARCHAR(60)   NOT NULL,
    customer_id     BIGINT        NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    occurred_at     TIMESTAMP     NOT NULL,
    received_at     TIMESTAMP     NOT NULL,
    time_zone       VARCHAR(60),
    attributes      VARCHAR(16000),
    base_url        VARCHAR(500)  NOT NULL,
    CONSTRAINT uq_customer_event_external UNIQUE (external_id)
);
CREATE INDEX ix_customer_event_received ON customer_event (received_at);

-- What one rule does with one event: DUE (waits for due_at), SENT (invitation_id), SKIPPED (reason: a contact
-- rule, the suppression list, no address, the survey not open) or NOT_SAMPLED (outside the rule's share).
CREATE TABLE event_dispatch (
    id              BIGINT        NOT NULL PRIMARY KEY,
    event_id        BIGINT        NOT NULL REFERENCES customer_event (id) ON DELETE CASCADE,
    rule_id         BIGINT        NOT NULL REFERENCES event_rule (id) ON DELETE CASCADE,
    status          VARCHAR(20)   NOT NULL,
    due_at          TIMESTAMP     NOT NULL,
    reason          VARCHAR(30),
    invitation_id   BIGINT        REFERENCES invitation (id) ON DELETE SET NULL,
    done_at         TIMESTAMP
);
CREATE INDEX ix_event_dispatch_due ON event_dispatch (status, due_at);
CREATE INDEX ix_event_dispatch_event ON event_dispatch (event_id);
CREATE INDEX ix_event_dispatch_rule ON event_dispatch (rule_id);

-- The event's attributes travel with its invitation and are stored with the response that answers it.
ALTER TABLE invitation ADD COLUMN event_attributes VARCHAR(16000);
ALTER TABLE response ADD COLUMN event_attributes VARCHAR(16000);
