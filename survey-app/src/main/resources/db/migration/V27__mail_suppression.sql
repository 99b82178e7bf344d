-- Unsubscribe and bounces (issue 16 part 5): addresses no invitation may be sent to. An address is kept
-- normalised (trimmed, lower case); an entry is active until an admin lifts it (lifted_at, lifted_by), and a
-- lifted entry stays for the record. Every sender of invitations and reminders skips an active entry.
CREATE SEQUENCE mail_suppression_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE mail_suppression (
    id          BIGINT        NOT NULL PRIMARY KEY,
    email       VARCHAR(320)  NOT NULL,
    reason      VARCHAR(20)   NOT NULL,
    source      VARCHAR(200)  NOT NULL,
    created_at  TIMESTAMP     NOT NULL,
    lifted_at   TIMESTAMP,
    lifted_by   VARCHAR(60)
);
CREATE INDEX ix_mail_suppression_email ON mail_suppression (email, lifted_at);
CREATE INDEX ix_mail_suppression_created ON mail_suppression (created_at);

-- A wave counts the customers it skipped because their address is suppressed, like "contacted recently".
ALTER TABLE invitation_wave ADD COLUMN skipped_suppressed INTEGER DEFAULT 0 NOT NULL;

-- The one-click unsubscribe address of a mail (List-Unsubscribe, RFC 8058); cleared with the bodies once sent.
ALTER TABLE mail_outbox ADD COLUMN unsubscribe_url VARCHAR(600);
