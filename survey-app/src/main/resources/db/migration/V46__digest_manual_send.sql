-- When a digest was last sent by hand (POST .../digests/{id}/send): a second manual send within ten minutes is
-- refused with 429, so that an account cannot flood the recipients' mailboxes.
ALTER TABLE digest ADD COLUMN manual_sent_at TIMESTAMP;
