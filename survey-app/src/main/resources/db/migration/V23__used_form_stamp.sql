-- A public form's signed stamp is good for one respondent (issue 14, finding 13): the first page sent with
-- a stamp records it here with who sent it; the same stamp sent for another respondent is refused (409).
-- Both are kept as SHA-256 only (the respondent is a resume token or an invitation). Stamps older than a
-- day are refused anyway, so their rows are deleted after a day.
CREATE TABLE used_form_stamp (
    stamp_hash       VARCHAR(64)  NOT NULL PRIMARY KEY,
    respondent_hash  VARCHAR(64)  NOT NULL,
    used_at          TIMESTAMP    NOT NULL
);
CREATE INDEX used_form_stamp_used_at ON used_form_stamp (used_at);
