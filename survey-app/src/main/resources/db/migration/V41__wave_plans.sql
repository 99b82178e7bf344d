-- Sample planner (issue 16 part 8): a planned wave keeps its plan per segment: the target margin (NPS points) at a
-- confidence of 90, 95 or 99 per cent; the history the plan came from (the segment's NPS answers to the survey in the
-- last 365 days with promoters and detractors, and its invitations with those answered); the variance and response rate
-- used (prior_spread / prior_rate: the stated prior, variance 1 and rate 0.2, because the history was thin); the
-- reachable customers (with an address, not suppressed, not held back by a contact rule), the answers needed, the
-- customers to invite (capped: the reachable were fewer) and the expected margin. wave_plan_member says for which
-- segment each customer of the wave was drawn (a customer is drawn for one segment only).
CREATE SEQUENCE wave_plan_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE wave_plan (
    id                  BIGINT           NOT NULL PRIMARY KEY,
    wave_id             BIGINT           NOT NULL REFERENCES invitation_wave (id) ON DELETE CASCADE,
    position            INTEGER          NOT NULL,
    segment_key         VARCHAR(60)      NOT NULL,
    confidence          INTEGER          NOT NULL,
    target_margin       DOUBLE PRECISION NOT NULL,
    history_responses   INTEGER          NOT NULL,
    history_promoters   INTEGER          NOT NULL,
    history_detractors  INTEGER          NOT NULL,
    history_invited     INTEGER          NOT NULL,
    history_answered    INTEGER          NOT NULL,
    variance            DOUBLE PRECISION NOT NULL,
    response_rate       DOUBLE PRECISION NOT NULL,
    prior_spread        BOOLEAN          NOT NULL,
    prior_rate          BOOLEAN          NOT NULL,
    reachable           INTEGER          NOT NULL,
    needed              INTEGER          NOT NULL,
    to_invite           INTEGER          NOT NULL,
    capped              BOOLEAN          NOT NULL,
    expected_margin     DOUBLE PRECISION,
    drawn               INTEGER          NOT NULL,
    CONSTRAINT uq_wave_plan_segment UNIQUE (wave_id, segment_key)
);

CREATE TABLE wave_plan_member (
    plan_id      BIGINT NOT NULL REFERENCES wave_plan (id) ON DELETE CASCADE,
    customer_id  BIGINT NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    PRIMARY KEY (plan_id, customer_id)
);
CREATE INDEX ix_wave_plan_member_customer ON wave_plan_member (customer_id);
