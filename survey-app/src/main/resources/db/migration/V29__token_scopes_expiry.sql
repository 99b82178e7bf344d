-- API tokens get scopes and an expiry (issue 19, part 3). A token existing before keeps working: it gets every
-- scope its user's role allows (Role.scopes) and expires a year after this migration; the list shows both, and
-- its owner may revoke it and create a narrower one. admin_used_at holds the last audited use of the admin
-- scope (written at most once a minute per token, like last_used_at).
ALTER TABLE api_token ADD COLUMN scopes VARCHAR(200);
ALTER TABLE api_token ADD COLUMN expires_at TIMESTAMP;
ALTER TABLE api_token ADD COLUMN admin_used_at TIMESTAMP;

UPDATE api_token SET scopes = (
    SELECT CASE u.user_role
               WHEN 'ADMIN' THEN 'read:analytics read:responses write:responses write:surveys admin'
               WHEN 'SUPPORT_LEAD' THEN 'read:analytics read:responses write:responses'
               ELSE 'read:analytics read:responses'
           END
      FROM app_user u WHERE u.id = api_token.user_id);
UPDATE api_token SET expires_at = LOCALTIMESTAMP + INTERVAL '365' DAY;

ALTER TABLE api_token ALTER COLUMN scopes SET NOT NULL;
ALTER TABLE api_token ALTER COLUMN expires_at SET NOT NULL;

CREATE INDEX ix_api_token_user ON api_token (user_id, created_at);
