-- Recurring programmes (issue 16 part 1): a survey runs for a segment on a cadence (relationship NPS every 90 days),
-- each cycle starting at start_at + n * cadence_days. At a cycle's start the segment's members of that day are
-- planned, one row per customer (at most once per cycle: the unique key), their send times spread evenly over the
-- first window_days of the cycle in the order of a hash of the customer's id; customers who join the segment later are
-- asked in the next cycle. status: ACTIVE, PAUSED (paused_at: since when; nothing is sent or planned), ENDED (what was
-- not sent is cancelled). planned_cycle: the last cycle planned (-1: none yet). base_url: where the invitation links
-- point to.
CREATE SEQUENCE programme_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE programme_send_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE programme (
    id             BIGINT        NOT NULL PRIMARY KEY,
    name           VARCHAR(120)  NOT NULL,
    survey_id      BIGINT        NOT NULL REFERENCES survey (id) ON DELETE CASCADE,
    segment_key    VARCHAR(60)   NOT NULL,
    cadence_days   INTEGER       NOT NULL,
    window_days    INTEGER       NOT NULL,
    status         VARCHAR(20)   NOT NULL,
    start_at       TIMESTAMP     NOT NULL,
    planned_cycle  INTEGER       NOT NULL,
    paused_at      TIMESTAMP,
    base_url       VARCHAR(500)  NOT NULL,
    created_by     VARCHAR(100)  NOT NULL,
    created_at     TIMESTAMP     NOT NULL
);

-- One customer in one cycle: PLANNED (waits for send_at), SENT (invitation_id), SKIPPED (reason: a contact rule, the
-- suppression list, no address, the survey not open) or CANCELLED (reason: the programme ended, the next cycle began).
CREATE TABLE programme_send (
    id             BIGINT        NOT NULL PRIMARY KEY,
    programme_id   BIGINT        NOT NULL REFERENCES programme (id) ON DELETE CASCADE,
    cycle          INTEGER       NOT NULL,
    customer_id    BIGINT        NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    send_at        TIMESTAMP     NOT NULL,
    status         VARCHAR(20)   NOT NULL,
    reason         VARCHAR(30),
    invitation_id  BIGINT        REFERENCES invitation (id) ON DELETE SET NULL,
    done_at        TIMESTAMP,
    CONSTRAINT uq_programme_send_cycle UNIQUE (programme_id, cycle, customer_id)
);
CREATE INDEX ix_programme_send_due ON programme_send (status, send_at);
CREATE INDEX ix_programme_send_invitation ON programme_send (invitation_id);
