-- Issue 16: the identified widget (a per-survey secret that signs the site's customer id) and hidden fields.

-- The hidden fields a survey declares (comma-separated names, [a-z0-9_]{1,40}, at most 10).
ALTER TABLE survey ADD COLUMN hidden_fields VARCHAR(500);

-- The declared hidden fields a response arrived with, form-encoded (name=value&...; values at most 200 characters).
ALTER TABLE response ADD COLUMN hidden_fields VARCHAR(16000);

-- The secret a survey's widget site signs its customer ids with: sealed with AES-GCM under the application's
-- widget key (app_setting secret.widget), never stored in clear; one per survey, replaced when rotated.
CREATE TABLE widget_secret (
    survey_id BIGINT NOT NULL PRIMARY KEY,
    sealed VARCHAR(200) NOT NULL,
    created_at TIMESTAMP NOT NULL,
    CONSTRAINT fk_widget_secret_survey FOREIGN KEY (survey_id) REFERENCES survey (id) ON DELETE CASCADE
);
