-- Contact rules across channels (issue 16 part 3). A survey is either a relationship survey (asked on a
-- cadence: relationship NPS) or a transactional one (asked after an event: a support case, onboarding); each
-- kind has its own contact limit besides the overall one. Every invitation a rule held back is recorded with
-- its reason, so that the customer page and the wave's figures can say why someone was not asked.
ALTER TABLE survey ADD COLUMN contact_kind VARCHAR(20) DEFAULT 'RELATIONSHIP' NOT NULL;

CREATE SEQUENCE contact_skip_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE contact_skip (
    id           BIGINT       NOT NULL PRIMARY KEY,
    customer_id  BIGINT       NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    survey_id    BIGINT       NOT NULL REFERENCES survey (id) ON DELETE CASCADE,
    wave_id      BIGINT       REFERENCES invitation_wave (id) ON DELETE CASCADE,
    channel      VARCHAR(20)  NOT NULL,
    reason       VARCHAR(30)  NOT NULL,
    skipped_at   TIMESTAMP    NOT NULL
);
CREATE INDEX ix_contact_skip_customer ON contact_skip (customer_id, skipped_at);
CREATE INDEX ix_contact_skip_survey ON contact_skip (survey_id, skipped_at);
