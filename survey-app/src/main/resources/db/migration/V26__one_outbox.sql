-- One outbox mechanism (issue 13 point 8): mails and webhook deliveries are queued, claimed, retried and
-- given up by the same code (platform.control.Outbox), so both tables carry the same queue columns:
-- status (PENDING, DELIVERED, FAILED = gave up, CANCELLED), attempts, next_attempt_at (also the claim's
-- lease), last_status, last_error, created_at, delivered_at. webhook_delivery has them already.
--
-- mail_outbox had sent_at, cancelled_at and claimed_until instead of a status: each row keeps its meaning.
-- A sent mail becomes DELIVERED (sent_at is now delivered_at), a cancelled reminder CANCELLED, everything
-- else PENDING; a mail claimed when the instance stopped is due again at once (its lease is dropped).
ALTER TABLE mail_outbox ADD COLUMN status VARCHAR(10) DEFAULT 'PENDING' NOT NULL;
ALTER TABLE mail_outbox ADD COLUMN last_status INTEGER;
UPDATE mail_outbox SET status = 'DELIVERED' WHERE sent_at IS NOT NULL;
UPDATE mail_outbox SET status = 'CANCELLED' WHERE sent_at IS NULL AND cancelled_at IS NOT NULL;
UPDATE mail_outbox SET attempts = attempts + 1 WHERE sent_at IS NOT NULL;
ALTER TABLE mail_outbox RENAME COLUMN sent_at TO delivered_at;
DROP INDEX ix_mail_outbox_due;
ALTER TABLE mail_outbox DROP COLUMN cancelled_at;
ALTER TABLE mail_outbox DROP COLUMN claimed_until;
CREATE INDEX ix_mail_outbox_due ON mail_outbox (status, next_attempt_at);
