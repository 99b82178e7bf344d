-- Replies to the respondent (issue 17 part 4): a support lead writes an e-mail to the customer of a follow-up task.
-- The reply keeps what was written (the outbox clears a mail's bodies once it is sent) and who wrote it; its delivery
-- state is the state of its mail in the outbox. The mail answers to the lead (Reply-To) or to the company's sender.
CREATE SEQUENCE follow_up_reply_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE follow_up_reply (
    id            BIGINT          NOT NULL PRIMARY KEY,
    follow_up_id  BIGINT          NOT NULL REFERENCES follow_up (id) ON DELETE CASCADE,
    mail_id       BIGINT          REFERENCES mail_outbox (id),
    sender        VARCHAR(60)     NOT NULL,
    recipient     VARCHAR(320)    NOT NULL,
    reply_to      VARCHAR(320)    NOT NULL,
    language      VARCHAR(5)      NOT NULL,
    subject       VARCHAR(200)    NOT NULL,
    body          VARCHAR(10000)  NOT NULL,
    created_at    TIMESTAMP       NOT NULL
);
CREATE INDEX ix_follow_up_reply_task ON follow_up_reply (follow_up_id, created_at);

-- The address a mail's answers go to (Reply-To); null: the sender's.
ALTER TABLE mail_outbox ADD COLUMN reply_to VARCHAR(320);
