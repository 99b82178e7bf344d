-- Privacy: per-survey retention, erased customers kept as tombstones (aggregates stay correct), and a
-- log of erasures that names nobody (only a hash of the external id, to confirm a repeated request).
ALTER TABLE survey ADD COLUMN retention_days INTEGER;
ALTER TABLE customer ADD COLUMN erased_at TIMESTAMP;
ALTER TABLE response ADD COLUMN anonymised_at TIMESTAMP;

CREATE TABLE privacy_log (
    id              BIGINT        NOT NULL PRIMARY KEY,
    action          VARCHAR(20)   NOT NULL,
    subject_hash    VARCHAR(64),
    survey_id       BIGINT,
    responses       INTEGER       NOT NULL,
    actor           VARCHAR(100)  NOT NULL,
    happened_at     TIMESTAMP     NOT NULL
);
CREATE SEQUENCE privacy_log_seq START WITH 50 INCREMENT BY 50;
