-- Saved dashboard views and read-only share links (issue 17 part 6).
-- A saved view holds the analytics dashboard's filters as the trend API takes them (survey slug, metric,
-- question, segment key, channel, language, granularity) and a period: relative (LAST_12_MONTHS: up to the
-- day it is opened) or fixed (from_day .. to_day). Its owner is a console user (by username).
CREATE SEQUENCE saved_view_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE saved_view (
    id           BIGINT        NOT NULL PRIMARY KEY,
    name         VARCHAR(100)  NOT NULL,
    owner        VARCHAR(100)  NOT NULL,
    survey       VARCHAR(200),
    metric       VARCHAR(20),
    question     VARCHAR(200),
    segment      VARCHAR(200),
    channel      VARCHAR(20),
    locale       VARCHAR(10),
    granularity  VARCHAR(20),
    period       VARCHAR(30),
    from_day     DATE,
    to_day       DATE,
    created_at   TIMESTAMP     NOT NULL,
    updated_at   TIMESTAMP     NOT NULL
);

CREATE INDEX ix_saved_view_owner ON saved_view (owner);

-- A link to a saved view for people without an account: only the SHA-256 of its token is kept (as for
-- invitations), it expires (at most 90 days after it was made) and can be revoked; each use is counted.
CREATE SEQUENCE share_link_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE share_link (
    id                BIGINT        NOT NULL PRIMARY KEY,
    view_id           BIGINT        NOT NULL,
    token_hash        VARCHAR(64)   NOT NULL,
    include_comments  BOOLEAN       NOT NULL,
    created_by        VARCHAR(100)  NOT NULL,
    created_at        TIMESTAMP     NOT NULL,
    expires_at        TIMESTAMP     NOT NULL,
    revoked_at        TIMESTAMP,
    last_used_at      TIMESTAMP,
    use_count         BIGINT        NOT NULL,
    CONSTRAINT uq_share_link_token UNIQUE (token_hash),
    CONSTRAINT fk_share_link_view FOREIGN KEY (view_id) REFERENCES saved_view (id) ON DELETE CASCADE
);

CREATE INDEX ix_share_link_view ON share_link (view_id);
