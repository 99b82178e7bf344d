-- The response browser (issue 18, part 3) pages a survey's responses newest first by keyset:
-- (submitted_at, id) below the cursor. With id in the index, PostgreSQL reads a page as one backward
-- range scan of this index, however deep the page; it replaces the index without id (a prefix of it).
CREATE INDEX ix_response_survey_submitted_id ON response (survey_id, submitted_at, id);
DROP INDEX ix_response_survey_submitted;
-- A response's page names its follow-up task.
CREATE INDEX ix_follow_up_response ON follow_up (response_id);
