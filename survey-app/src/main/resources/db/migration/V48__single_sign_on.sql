-- Single sign-on with OpenID Connect: a user created at the first login through the provider is known by the
-- provider's issuer and subject (never by a name or an address, which the provider may reuse or let users change).
ALTER TABLE app_user ADD COLUMN oidc_issuer VARCHAR(500);
ALTER TABLE app_user ADD COLUMN oidc_subject VARCHAR(255);
CREATE UNIQUE INDEX uq_app_user_oidc ON app_user (oidc_issuer, oidc_subject);

-- Whether local accounts may log in with their passwords (console form and API Basic). An admin turns it off once
-- single sign-on works; resonance.login.local.force=true turns it back on (break-glass) whatever this row says.
CREATE TABLE login_setting (
    id            INTEGER      NOT NULL PRIMARY KEY,
    local_login   BOOLEAN      NOT NULL,
    changed_by    VARCHAR(60),
    changed_at    TIMESTAMP
);
INSERT INTO login_setting (id, local_login) VALUES (1, TRUE);
