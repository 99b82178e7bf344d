-- Resonance core schema. Written in the SQL that H2 2.x and PostgreSQL 15 both understand.
-- Timestamps are TIMESTAMP columns that always hold UTC (the application converts java.time.Instant).
-- Every table gets its own sequence; increments of 50 match the JPA allocation size so ids are
-- pre-allocated in blocks (EclipseLink takes value-49..value, hence START WITH 50) and inserts can be batched.

CREATE SEQUENCE survey_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE survey_version_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE question_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE question_option_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE customer_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE segment_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE response_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE answer_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE app_user_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE api_token_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE survey (
    id              BIGINT       NOT NULL PRIMARY KEY,
    slug            VARCHAR(80)  NOT NULL,
    kind            VARCHAR(20)  NOT NULL,
    status          VARCHAR(20)  NOT NULL,
    anonymous       BOOLEAN      NOT NULL DEFAULT FALSE,
    published_version_id BIGINT,
    created_at      TIMESTAMP    NOT NULL,
    updated_at      TIMESTAMP    NOT NULL,
    row_version     BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uq_survey_slug UNIQUE (slug)
);

CREATE TABLE survey_version (
    id              BIGINT       NOT NULL PRIMARY KEY,
    survey_id       BIGINT       NOT NULL REFERENCES survey (id),
    version_no      INTEGER      NOT NULL,
    state           VARCHAR(20)  NOT NULL,
    default_locale  VARCHAR(5)   NOT NULL,
    languages       VARCHAR(20)  NOT NULL,
    title_de        VARCHAR(200),
    title_en        VARCHAR(200),
    intro_de        VARCHAR(2000),
    intro_en        VARCHAR(2000),
    created_at      TIMESTAMP    NOT NULL,
    published_at    TIMESTAMP,
    CONSTRAINT uq_survey_version UNIQUE (survey_id, version_no)
);

ALTER TABLE survey ADD CONSTRAINT fk_survey_published_version
    FOREIGN KEY (published_version_id) REFERENCES survey_version (id);

CREATE TABLE question (
    id                  BIGINT       NOT NULL PRIMARY KEY,
    survey_version_id   BIGINT       NOT NULL REFERENCES survey_version (id),
    position            INTEGER      NOT NULL,
    question_key        VARCHAR(40)  NOT NULL,
    question_type       VARCHAR(20)  NOT NULL,
    required            BOOLEAN      NOT NULL,
    text_de             VARCHAR(1000),
    text_en             VARCHAR(1000),
    scale_min           INTEGER,
    scale_max           INTEGER,
    min_label_de        VARCHAR(100),
    min_label_en        VARCHAR(100),
    max_label_de        VARCHAR(100),
    max_label_en        VARCHAR(100),
    CONSTRAINT uq_question_key UNIQUE (survey_version_id, question_key)
);

-- Options of choice questions (role OPTION), and the rows and columns of matrix questions.
CREATE TABLE question_option (
    id              BIGINT       NOT NULL PRIMARY KEY,
    question_id     BIGINT       NOT NULL REFERENCES question (id),
    option_role     VARCHAR(10)  NOT NULL,
    position        INTEGER      NOT NULL,
    code            VARCHAR(40)  NOT NULL,
    label_de        VARCHAR(300),
    label_en        VARCHAR(300),
    CONSTRAINT uq_question_option UNIQUE (question_id, option_role, code)
);

CREATE TABLE customer (
    id              BIGINT       NOT NULL PRIMARY KEY,
    external_id     VARCHAR(100) NOT NULL,
    name            VARCHAR(200) NOT NULL,
    email           VARCHAR(254),
    plan            VARCHAR(60),
    region          VARCHAR(60),
    lifecycle_stage VARCHAR(60),
    renewal_date    DATE,
    preferred_locale VARCHAR(5),
    created_at      TIMESTAMP    NOT NULL,
    updated_at      TIMESTAMP    NOT NULL,
    row_version     BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uq_customer_external_id UNIQUE (external_id)
);
CREATE INDEX ix_customer_email ON customer (email);
CREATE INDEX ix_customer_plan_region ON customer (plan, region);

-- Further customer attributes, free-form (industry, account manager, ...).
CREATE TABLE customer_attribute (
    customer_id     BIGINT       NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    attr_name       VARCHAR(60)  NOT NULL,
    attr_value      VARCHAR(300) NOT NULL,
    PRIMARY KEY (customer_id, attr_name)
);

CREATE TABLE segment (
    id              BIGINT       NOT NULL PRIMARY KEY,
    segment_key     VARCHAR(60)  NOT NULL,
    name_de         VARCHAR(120) NOT NULL,
    name_en         VARCHAR(120) NOT NULL,
    created_at      TIMESTAMP    NOT NULL,
    updated_at      TIMESTAMP    NOT NULL,
    row_version     BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uq_segment_key UNIQUE (segment_key)
);

-- A segment matches a customer when every one of its rules holds (AND).
CREATE TABLE segment_rule (
    segment_id      BIGINT       NOT NULL REFERENCES segment (id) ON DELETE CASCADE,
    position        INTEGER      NOT NULL,
    attr_name       VARCHAR(60)  NOT NULL,
    operator        VARCHAR(20)  NOT NULL,
    rule_value      VARCHAR(300) NOT NULL,
    PRIMARY KEY (segment_id, position)
);

CREATE TABLE response (
    id                  BIGINT       NOT NULL PRIMARY KEY,
    survey_id           BIGINT       NOT NULL REFERENCES survey (id),
    survey_version_id   BIGINT       NOT NULL REFERENCES survey_version (id),
    customer_id         BIGINT       REFERENCES customer (id),
    channel             VARCHAR(20)  NOT NULL,
    locale              VARCHAR(5)   NOT NULL,
    status              VARCHAR(10)  NOT NULL,
    submitted_at        TIMESTAMP    NOT NULL,
    received_at         TIMESTAMP    NOT NULL
);
CREATE INDEX ix_response_survey_submitted ON response (survey_id, submitted_at);
CREATE INDEX ix_response_customer ON response (customer_id);

-- Segments a response belonged to when it arrived: history does not move when a customer changes plan.
CREATE TABLE response_segment (
    response_id     BIGINT       NOT NULL REFERENCES response (id) ON DELETE CASCADE,
    segment_id      BIGINT       NOT NULL REFERENCES segment (id),
    PRIMARY KEY (response_id, segment_id)
);
CREATE INDEX ix_response_segment_segment ON response_segment (segment_id);

-- One row per scalar answer; a multiple choice gives one row per chosen option, a matrix one row per row.
CREATE TABLE answer (
    id              BIGINT        NOT NULL PRIMARY KEY,
    response_id     BIGINT        NOT NULL REFERENCES response (id) ON DELETE CASCADE,
    question_id     BIGINT        NOT NULL REFERENCES question (id),
    row_code        VARCHAR(40),
    option_code     VARCHAR(40),
    score           INTEGER,
    text_value      VARCHAR(10000)
);
CREATE INDEX ix_answer_response ON answer (response_id);
CREATE INDEX ix_answer_question ON answer (question_id);

-- Idempotent submissions: the first outcome of a key is stored and replayed for retries.
CREATE TABLE idempotency_record (
    scope           VARCHAR(100)  NOT NULL,
    idem_key        VARCHAR(200)  NOT NULL,
    request_hash    VARCHAR(64)   NOT NULL,
    status_code     INTEGER       NOT NULL,
    location        VARCHAR(300),
    body            VARCHAR(4000) NOT NULL,
    response_id     BIGINT        REFERENCES response (id) ON DELETE SET NULL,
    created_at      TIMESTAMP     NOT NULL,
    PRIMARY KEY (scope, idem_key)
);

CREATE TABLE app_user (
    id              BIGINT       NOT NULL PRIMARY KEY,
    username        VARCHAR(60)  NOT NULL,
    display_name    VARCHAR(120) NOT NULL,
    password_hash   VARCHAR(300) NOT NULL,
    user_role       VARCHAR(20)  NOT NULL,
    enabled         BOOLEAN      NOT NULL DEFAULT TRUE,
    failed_logins   INTEGER      NOT NULL DEFAULT 0,
    locked_until    TIMESTAMP,
    created_at      TIMESTAMP    NOT NULL,
    CONSTRAINT uq_app_user_username UNIQUE (username)
);

CREATE TABLE api_token (
    id              BIGINT       NOT NULL PRIMARY KEY,
    user_id         BIGINT       NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    name            VARCHAR(100) NOT NULL,
    token_hash      VARCHAR(64)  NOT NULL,
    created_at      TIMESTAMP    NOT NULL,
    last_used_at    TIMESTAMP,
    CONSTRAINT uq_api_token_hash UNIQUE (token_hash)
);

CREATE TABLE app_setting (
    setting_key     VARCHAR(100)  NOT NULL PRIMARY KEY,
    setting_value   VARCHAR(1000) NOT NULL,
    updated_at      TIMESTAMP     NOT NULL
);
