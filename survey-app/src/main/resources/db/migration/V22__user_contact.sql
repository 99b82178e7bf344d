-- Where the console tells a user about a follow-up task assigned to them, and in which language.
ALTER TABLE app_user ADD COLUMN email VARCHAR(320);
ALTER TABLE app_user ADD COLUMN language VARCHAR(8);
