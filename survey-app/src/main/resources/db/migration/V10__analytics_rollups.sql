-- Analytics: score rollups kept up to date from the response outbox, and trend markers.
-- Written in the SQL that H2 2.x and PostgreSQL 15 both understand.

-- Counts of scores per calendar day in the reporting time zone (rollup_state.zone) and per dimension:
-- survey, question (type and key, so that all versions of a survey add up), segment (0 = all responses;
-- a response counts once in every segment it was stored with), channel and locale. c0..c10 count the
-- answers with score 0..10 (every scale lies within 0-10), n is their sum. INTEGER, not BIGINT: one cell
-- is one day, and PostgreSQL sums integers into BIGINT several times faster than BIGINTs into NUMERIC. Everything the statistics
-- need (shares, means, variances) follows from these counts.
CREATE TABLE score_rollup (
    question_type   VARCHAR(20)  NOT NULL,
    segment_id      BIGINT       NOT NULL,
    survey_id       BIGINT       NOT NULL,
    question_key    VARCHAR(40)  NOT NULL,
    bucket_day      DATE         NOT NULL,
    channel         VARCHAR(20)  NOT NULL,
    locale          VARCHAR(5)   NOT NULL,
    n               INTEGER      NOT NULL,
    c0  INTEGER NOT NULL, c1  INTEGER NOT NULL, c2  INTEGER NOT NULL, c3  INTEGER NOT NULL,
    c4  INTEGER NOT NULL, c5  INTEGER NOT NULL, c6  INTEGER NOT NULL, c7  INTEGER NOT NULL,
    c8  INTEGER NOT NULL, c9  INTEGER NOT NULL, c10 INTEGER NOT NULL,
    PRIMARY KEY (question_type, segment_id, survey_id, question_key, bucket_day, channel, locale)
);
-- The segment comparison reads one survey's question over a range of days, for every segment at once.
CREATE INDEX ix_score_rollup_survey_day ON score_rollup (question_type, survey_id, question_key, bucket_day);

-- What each response has added to the rollups, one row per scored question: when its score changes,
-- or a partial response gets a score later, exactly this is taken out and the new value put in.
CREATE TABLE score_contribution (
    response_id     BIGINT        NOT NULL,
    question_key    VARCHAR(40)   NOT NULL,
    question_type   VARCHAR(20)   NOT NULL,
    survey_id       BIGINT        NOT NULL,
    bucket_day      DATE          NOT NULL,
    channel         VARCHAR(20)   NOT NULL,
    locale          VARCHAR(5)    NOT NULL,
    segment_ids     VARCHAR(2000) NOT NULL,
    score           INTEGER       NOT NULL,
    PRIMARY KEY (response_id, question_key)
);

-- One row: the zone the day buckets are in, and the lock that lets one updater at a time (across nodes)
-- change the rollups.
CREATE TABLE rollup_state (
    id              INTEGER      NOT NULL PRIMARY KEY,
    zone            VARCHAR(60)  NOT NULL,
    includes_demo   BOOLEAN      NOT NULL,
    rebuilt_at      TIMESTAMP    NOT NULL,
    events_applied  BIGINT       NOT NULL
);

-- Actions taken, shown on the trend ("check-in calls started"), with a before/after comparison.
CREATE SEQUENCE trend_marker_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE trend_marker (
    id              BIGINT        NOT NULL PRIMARY KEY,
    survey_id       BIGINT        REFERENCES survey (id),
    segment_id      BIGINT        REFERENCES segment (id),
    marker_date     DATE          NOT NULL,
    label           VARCHAR(200)  NOT NULL,
    description     VARCHAR(2000),
    created_by      VARCHAR(60)   NOT NULL,
    created_at      TIMESTAMP     NOT NULL
);
CREATE INDEX ix_trend_marker_date ON trend_marker (marker_date);
