-- Roles scoped to data: a support lead or viewer limited to some segments (a region is a segment on the customer's
-- region) sees only the responses, customers, comments, tasks and figures of those segments. No row: the whole data.
-- Admins are never limited (they manage the limits).
CREATE TABLE app_user_segment (
    user_id     BIGINT NOT NULL,
    segment_id  BIGINT NOT NULL,
    CONSTRAINT pk_app_user_segment PRIMARY KEY (user_id, segment_id),
    CONSTRAINT fk_app_user_segment_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE,
    CONSTRAINT fk_app_user_segment_segment FOREIGN KEY (segment_id) REFERENCES segment (id)
);
CREATE INDEX ix_app_user_segment_segment ON app_user_segment (segment_id);
