-- Accounts are no longer locked by failed logins (issue 14, finding 3): failures slow down the address that
-- fails (LoginDelays, LoginThrottle, in memory). The counter and the lock time of the first schema were
-- neither read nor written since; they go.
ALTER TABLE app_user DROP COLUMN failed_logins;
ALTER TABLE app_user DROP COLUMN locked_until;
